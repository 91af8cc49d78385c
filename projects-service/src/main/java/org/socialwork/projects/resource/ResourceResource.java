package org.socialwork.projects.resource;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

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
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.QueryParams;

import io.quarkus.security.Authenticated;

@Path("/api/v1/resources")
@Tag(name = "Resources", description = "Donors, volunteer teams and facilities, listed beside needs and projects "
        + "(社会资源：捐赠方、志愿服务队、场地设施)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResourceResource {

    static final String CREATE_EXAMPLE = """
            {"kind": "VOLUNTEER_TEAM", "name": "硖石街道巾帼志愿服务队", "regionCode": "330481001",
             "description": "周末上门陪伴独居老人，协助代购和理发", "capacity": "30 名志愿者，每周六上午"}
            """;

    static final String CREATED_EXAMPLE = """
            {"id": "4a8d2f6c-1e3b-4c97-8f50-6b2e9d1a7c43", "version": 0, "kind": "VOLUNTEER_TEAM",
             "name": "硖石街道巾帼志愿服务队", "regionCode": "330481001",
             "description": "周末上门陪伴独居老人，协助代购和理发", "capacity": "30 名志愿者，每周六上午",
             "createdAt": "2026-04-08T02:00:00Z", "updatedAt": "2026-04-08T02:00:00Z"}
            """;

    @Inject
    ResourceService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(operationId = "createResource", summary = "List a resource (登记社会资源)",
            description = "A donor, volunteer team or facility of a division. Platform admins, bureau admins covering the "
                    + "region, and agency admins. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Listed; Location names the resource",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResourceView.class),
                    examples = @ExampleObject(name = "volunteers", summary = "A township volunteer team", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The region lies outside the caller's (resource.forbidden.region)")
    @Idempotent
    public Response create(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResourceRequest.class),
                    examples = @ExampleObject(name = "volunteers", summary = "A volunteer team in Xiashi", value = CREATE_EXAMPLE)))
            @NotNull @Valid ResourceRequest request) {
        ResourceView view = service.create(request);
        return Response.created(URI.create("/api/v1/resources/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(operationId = "listResources", summary = "Browse resources (社会资源列表)",
            description = "Keyset-paginated: follow next (or send nextCursor as cursor) until it is absent. region matches the "
                    + "whole subtree; kind narrows the list.")
    @APIResponse(responseCode = "200", description = "One page")
    public Page<ResourceView> list(
            @Parameter(description = "Division code (2, 4, 6, 9 or 12 digits): resources in its subtree",
                    schema = @Schema(type = SchemaType.STRING, pattern = QueryParams.DIVISION_CODE_PATTERN), example = "330481")
            @QueryParam("region") String region,
            @Parameter(description = "Only resources of this kind", schema = @Schema(implementation = ResourceKind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page; absent for the first page")
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        return Page.of(service.list(QueryParams.regionPrefix(region, "region"),
                QueryParams.enumValue(ResourceKind.class, kind, "kind"), page), page.limit(), ResourceView::of,
                ResourceService::cursorOf, uriInfo);
    }
}
