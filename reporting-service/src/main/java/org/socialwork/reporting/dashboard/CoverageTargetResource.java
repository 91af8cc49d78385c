package org.socialwork.reporting.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/coverage-targets/{region}/{year}")
@Tag(name = "Coverage targets", description = "Yearly township-coverage targets a bureau sets for its region (年度覆盖率目标)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CoverageTargetResource {

    static final String TARGET_EXAMPLE = """
            {"regionCode": "330481", "year": 2026, "targetPercent": 100, "note": "2026 年底实现镇街社工站全覆盖",
             "version": 2, "updatedBy": "bureau-admin-330481", "updatedAt": "2026-01-15T02:00:00Z"}
            """;

    static final String PUT_EXAMPLE = """
            {"targetPercent": 100, "note": "2026 年底实现镇街社工站全覆盖"}
            """;

    @Inject
    CoverageTargetService service;

    @GET
    @Operation(operationId = "getCoverageTarget", summary = "Read a coverage target (查看年度覆盖率目标)",
            description = "The township-coverage target of a region for a year; version 0 (ETag \"0\") and no percent while none is set.")
    @APIResponse(responseCode = "200", description = "The target; the ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoverageTargetView.class),
                    examples = @ExampleObject(name = "haining2026", summary = "Haining's target for 2026", value = TARGET_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such region in your scope")
    public RestResponse<CoverageTargetView> get(
            @Parameter(description = "Division code of the region", schema = @Schema(type = SchemaType.STRING, pattern = DashboardResource.DIVISION_CODE_PATTERN), example = "330481")
            @PathParam("region") String region,
            @Parameter(description = "The year (2000–2100)", example = "2026") @PathParam("year") @Min(2000) @Max(2100) int year) {
        CoverageTargetView view = service.get(region, year);
        return RestResponse.ok(view);
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(operationId = "setCoverageTarget", summary = "Set a coverage target (设定年度覆盖率目标)",
            description = "bureau-admin of the region or above; If-Match with the ETag read (\"0\" for a first target).")
    @APIResponse(responseCode = "200", description = "The target; the ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoverageTargetView.class)))
    @APIResponse(responseCode = "403", description = "Not a bureau admin")
    @APIResponse(responseCode = "412", description = "Changed meanwhile")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public RestResponse<CoverageTargetView> put(
            @Parameter(description = "Division code of the region", schema = @Schema(type = SchemaType.STRING, pattern = DashboardResource.DIVISION_CODE_PATTERN), example = "330481")
            @PathParam("region") String region,
            @Parameter(description = "The year (2000–2100)", example = "2026") @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = "The ETag of the version the change is based on (\"0\" for a first target)", required = true, example = "\"0\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CoverageTargetRequest.class),
                    examples = @ExampleObject(name = "fullCoverage", summary = "Every township covered by the end of the year", value = PUT_EXAMPLE)))
            @NotNull @Valid CoverageTargetRequest request) {
        CoverageTargetView view = service.put(region, year, ifMatch, request);
        return RestResponse.ok(view);
    }
}
