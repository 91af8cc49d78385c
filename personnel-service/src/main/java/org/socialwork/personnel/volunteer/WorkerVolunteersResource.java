package org.socialwork.personnel.volunteer;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/v1/workers/{id}/volunteers")
@Tag(name = "Volunteers", description = "Volunteers registered under stations by the workers who recruited them")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WorkerVolunteersResource {

    @Inject
    VolunteerService service;

    @GET
    @Operation(summary = "Volunteers a worker recruited", description = "Active and regular counts, service hours.")
    public VolunteerSummary summary(@PathParam("id") UUID id) {
        return service.summary(id);
    }
}
