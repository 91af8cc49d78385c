package org.socialwork.projects.field;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.PageRequest;

import io.quarkus.security.Authenticated;

@Path("/api/v1")
@Tag(name = "Field app", description = "What a field worker's phone needs: due visits and the change feed of their stations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FieldResource {

    @Inject
    BusinessClock clock;

    @Inject
    FieldService service;

    @GET
    @Path("/me/clients/due-visits")
    @Operation(summary = "My clients due for a visit", description = "Clients of my stations (or for whom I am responsible) with fewer visits this month than required, longest unvisited first.")
    public List<DueVisit> dueVisits(@QueryParam("limit") Integer limit) {
        int size = limit == null ? PageRequest.DEFAULT_LIMIT : limit;
        if (size < 1 || size > PageRequest.MAX_LIMIT) {
            throw Problems.invalidField("limit", "problem.validation.limit", PageRequest.MAX_LIMIT);
        }
        return service.dueVisits(clock.today(), size);
    }

    @GET
    @Path("/sync/changes")
    @Operation(summary = "Everything changed for my stations since a cursor", description = "Clients (masked), needs, service records and projects of the stations where I hold an active assignment. Start without a cursor; pass the returned cursor back.")
    public SyncChanges changes(@QueryParam("cursor") String cursor) {
        return service.changes(cursor);
    }
}
