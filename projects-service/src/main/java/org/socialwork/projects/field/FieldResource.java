package org.socialwork.projects.field;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.PageRequest;

import io.quarkus.security.Authenticated;

@Path("/api/v1")
@Tag(name = "Field app", description = "What a field worker's phone needs: due visits and the change feed of their stations (社工移动端)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FieldResource {

    @Inject
    BusinessClock clock;

    @Inject
    FieldService service;

    @GET
    @Path("/me/clients/due-visits")
    @Operation(operationId = "listDueVisits", summary = "List my clients due for a visit (我的待探访对象)",
            description = "Clients of my stations (or for whom I am responsible) with fewer visits this month than required, "
                    + "longest unvisited first.")
    @APIResponse(responseCode = "200", description = "The clients due for a visit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DueVisit.class)))
    @APIResponse(responseCode = "400", description = "limit is outside 1–" + PageRequest.MAX_LIMIT)
    public List<DueVisit> dueVisits(
            @Parameter(description = "At most this many clients", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit) {
        int size = limit == null ? PageRequest.DEFAULT_LIMIT : limit;
        if (size < 1 || size > PageRequest.MAX_LIMIT) {
            throw Problems.invalidField("limit", "problem.validation.limit", PageRequest.MAX_LIMIT);
        }
        return service.dueVisits(clock.today(), size);
    }

    static final String CHANGES_EXAMPLE = """
            {"clients": [{"id": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "version": 4, "name": "张秀英",
                          "idNumber": "3304**********0026", "masked": true, "gender": "FEMALE", "birthDate": "1945-03-12",
                          "villageRegionCode": "330481001001", "categories": ["ELDERLY_ALONE", "MINIMUM_LIVING_ALLOWANCE"],
                          "riskLevel": "KEY", "requiredVisitsPerMonth": 2, "stationId": "c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64",
                          "responsibleWorkerId": "5b0c7a1e-2d4f-4c8b-9e6a-3f1d2c4b5a69", "status": "ACTIVE",
                          "createdAt": "2024-07-02T01:00:00Z", "updatedAt": "2024-09-01T02:00:00Z"}],
             "needs": [], "records": [], "projects": [],
             "cursor": "eyJjIjoiMjAyNC0wOS0wMVQwMjowMDowMFoifQ", "more": false}
            """;

    @GET
    @Path("/sync/changes")
    @Operation(operationId = "listSyncChanges", summary = "List everything changed for my stations since a cursor (移动端增量同步)",
            description = "Clients (masked), needs, service records and projects of the stations where I hold an active "
                    + "assignment. Start without a cursor; pass the returned cursor back. more says a kind had more changes "
                    + "than one answer holds: call again at once.")
    @APIResponse(responseCode = "200", description = "The changes since the cursor, and the cursor to send next",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncChanges.class),
                    examples = @ExampleObject(name = "oneClient", summary = "One client changed since the last sync", value = CHANGES_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The cursor is invalid")
    public SyncChanges changes(@Parameter(description = "The cursor of the previous answer; absent for the first sync")
            @QueryParam("cursor") String cursor) {
        return service.changes(cursor);
    }
}
