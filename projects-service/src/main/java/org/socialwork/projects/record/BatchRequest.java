package org.socialwork.projects.record;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Up to 1,000 records (projects.sync.batch-limit); each is answered on its own.")
public record BatchRequest(@NotNull @Size(min = 1) List<@NotNull ServiceRecordRequest> records) {
}
