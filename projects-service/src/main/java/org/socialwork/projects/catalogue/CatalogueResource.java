package org.socialwork.projects.catalogue;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

import io.quarkus.security.Authenticated;

@Path("/api/v1/service-items")
@Tag(name = "Service catalogue", description = "Service items with category and zh-CN/en labels (服务项目目录)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    static final String CREATE_EXAMPLE = """
            {"code": "HOSPICE_CARE", "category": "ELDERLY", "labelZh": "安宁疗护支持", "labelEn": "Hospice care support"}
            """;

    @Inject
    CatalogueService service;

    @GET
    @Operation(operationId = "listServiceItems", summary = "The service catalogue (服务项目目录)",
            description = "Every service item with its category and its Chinese and English labels; readable by every "
                    + "signed-in user. Projects and service records name items by code.")
    @APIResponse(responseCode = "200", description = "The catalogue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceItemView.class)))
    public List<ServiceItemView> list() {
        return service.list();
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN})
    @Operation(operationId = "createServiceItem", summary = "Extend the catalogue (新增服务项目)",
            description = "Platform admins only; the code is unique. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Added; Location names the item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceItemView.class),
                    examples = @ExampleObject(name = "hospice", summary = "Hospice care under the elderly category",
                            value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The code is taken (catalogue.code.taken), "
            + "or a request with this Idempotency-Key is still running")
    @Idempotent
    public Response create(
            @Parameter(description = "Optional key (1–255 characters) that makes retries safe",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ServiceItemRequest.class),
                    examples = @ExampleObject(name = "hospice", summary = "Hospice care under the elderly category",
                            value = CREATE_EXAMPLE)))
            @NotNull @Valid ServiceItemRequest request) {
        ServiceItemView view = service.create(request);
        return Response.created(URI.create("/api/v1/service-items/" + view.code())).entity(view).build();
    }
}
