package org.socialwork.projects.field;

import java.util.List;

import org.socialwork.projects.client.ClientView;
import org.socialwork.projects.need.NeedView;
import org.socialwork.projects.project.ProjectView;
import org.socialwork.projects.record.ServiceRecordView;

/**
 * What changed for the worker's stations since a cursor. Pass {@code cursor} back to get the next
 * changes; {@code more} says a kind had more changes than one page holds (call again at once).
 */
public record SyncChanges(List<ClientView> clients, List<NeedView> needs, List<ServiceRecordView> records,
        List<ProjectView> projects, String cursor, boolean more) {
}
