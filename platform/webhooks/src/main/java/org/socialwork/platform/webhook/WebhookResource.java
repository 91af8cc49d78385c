package org.socialwork.platform.webhook;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.socialwork.platform.problem.Problem;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;

import io.quarkus.security.Authenticated;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed HTTPS deliveries of the service's events for agencies that run no Kafka "
        + "(事件推送订阅)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    static final String REQUEST_EXAMPLE = """
            {"url": "https://hr.yimin-sw.org.cn/hooks/socialwork",
             "eventTypes": ["org.socialwork.station.changed.v1"],
             "description": "益民社工中心人事系统：所运营社工站的变更"}
            """;

    static final String CREATED_EXAMPLE = """
            {"id": "5b7e0c2a-9d41-4f3e-8a6b-2c1d0e9f8a73", "agencyId": "6d2b9f18-7c3e-4a51-8f0d-4e6a2c9b1d73",
             "url": "https://hr.yimin-sw.org.cn/hooks/socialwork", "eventTypes": ["org.socialwork.station.changed.v1"],
             "description": "益民社工中心人事系统：所运营社工站的变更", "status": "ACTIVE",
             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw1bGLsoRI0Bg=",
             "createdAt": "2026-12-01T02:00:00Z", "updatedAt": "2026-12-01T02:00:00Z", "version": 0}
            """;

    static final String VIEW_EXAMPLE = """
            {"id": "5b7e0c2a-9d41-4f3e-8a6b-2c1d0e9f8a73", "agencyId": "6d2b9f18-7c3e-4a51-8f0d-4e6a2c9b1d73",
             "url": "https://hr.yimin-sw.org.cn/hooks/socialwork", "eventTypes": ["org.socialwork.station.changed.v1"],
             "description": "益民社工中心人事系统：所运营社工站的变更", "status": "ACTIVE",
             "createdAt": "2026-12-01T02:00:00Z", "updatedAt": "2026-12-01T02:00:00Z", "version": 0}
            """;

    static final String DELIVERY_EXAMPLE = """
            {"id": "0e4f8a2b-6c1d-4e3f-9a7b-5d2c8e1f0a64", "subscriptionId": "5b7e0c2a-9d41-4f3e-8a6b-2c1d0e9f8a73",
             "eventId": "a1c3e5f7-2b4d-4f6a-8c0e-1d3f5a7b9c2e", "eventType": "org.socialwork.station.changed.v1",
             "status": "PENDING", "attempts": 0, "nextAttemptAt": "2026-12-01T02:05:00Z",
             "lastStatus": 500, "lastError": "HTTP 500", "createdAt": "2026-12-01T02:00:01Z"}
            """;

    static final String CURSOR = "The nextCursor of the previous page; absent for the first page";

    @Inject
    WebhookService service;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(operationId = "createWebhook", summary = "Subscribe an endpoint to events (新建事件推送订阅)",
            description = "An agency admin subscribes an HTTPS endpoint of its own agency (a platform admin names the agency) "
                    + "to some of this service's event types. The endpoint then receives, by POST, each such event that "
                    + "concerns the agency (a station it runs, a worker it employs, a project it holds) as a CloudEvent in "
                    + "structured JSON mode, signed as Standard Webhooks do: webhook-id (the event id: drop a repeat), "
                    + "webhook-timestamp, and webhook-signature v1,base64(HMAC-SHA256(secret key, id.timestamp.body)). A "
                    + "delivery not answered with 2xx is retried with exponential backoff for 24 hours, then the subscription "
                    + "turns FAILING. The answer carries the secret, once: store it. One endpoint per agency and URL, so a "
                    + "retried request is refused with 409 instead of making a second subscription.")
    @APIResponse(responseCode = "201", description = "Subscribed; Location names the subscription; secret is shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "created", summary = "An agency's HR system", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid url (webhook.url.invalid, webhook.url.https, webhook.url.private, "
            + "webhook.url.unresolvable), an unknown event type (webhook.event-type.unknown), or a platform admin without "
            + "agencyId (webhook.agency.required)")
    @APIResponse(responseCode = "403", description = "Not an agency admin or platform admin, or another agency's agencyId "
            + "(webhook.forbidden.agency)")
    @APIResponse(responseCode = "409", description = "The agency already subscribes this URL (webhook.endpoint.taken)")
    @APIResponse(responseCode = "422", description = "The agency holds the most subscriptions allowed (webhook.limit)")
    public RestResponse<WebhookView> create(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookRequest.class),
                    examples = @ExampleObject(name = "stations", summary = "Station changes of the agency", value = REQUEST_EXAMPLE)))
            @NotNull @Valid WebhookRequest request) {
        WebhookView view = service.create(request);
        return RestResponse.ResponseBuilder.<WebhookView>created(URI.create("/api/v1/webhooks/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(operationId = "listWebhooks", summary = "List subscriptions (事件推送订阅列表)",
            description = "An agency admin's own agency's subscriptions; a platform admin's of every agency, or of agencyId. "
                    + "Keyset-paginated by id.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "limit is outside 1–" + PageRequest.MAX_LIMIT + " or the cursor is invalid")
    @APIResponse(responseCode = "403", description = "Not an agency admin or platform admin, or another agency's agencyId "
            + "(webhook.forbidden.agency)")
    public Page<WebhookView> list(
            @Parameter(description = "Only this agency's subscriptions") @QueryParam("agencyId") UUID agencyId,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        return service.list(agencyId, limit, cursor, uriInfo);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a subscription (查看事件推送订阅)",
            description = "The subscription without its secret; the ETag is its version.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "subscription", summary = "An agency's HR system", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such subscription in your scope")
    public RestResponse<WebhookView> get(@Parameter(description = "Subscription id") @PathParam("id") UUID id) {
        return RestResponse.ok(service.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(operationId = "updateWebhook", summary = "Change a subscription (修改事件推送订阅)",
            description = "A full replacement of url, eventTypes and description (the agency stays). Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Changed; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid url or an unknown event type, as for the creation")
    @APIResponse(responseCode = "404", description = "No such subscription in your scope")
    @APIResponse(responseCode = "409", description = "The agency already subscribes this URL (webhook.endpoint.taken)")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "agencyId names another agency (webhook.agency.fixed)")
    public RestResponse<WebhookView> update(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version the change is based on", required = true, example = "\"0\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookRequest.class),
                    examples = @ExampleObject(name = "stations", summary = "Station changes of the agency", value = REQUEST_EXAMPLE)))
            @NotNull @Valid WebhookRequest request) {
        return RestResponse.ok(service.update(id, ifMatch, request));
    }

    @DELETE
    @Path("/{id}")
    // A 204 has no body: a client that accepts only problems (what the document lists for it) must not get 406.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe (取消事件推送订阅)",
            description = "Deletes the subscription and its deliveries; nothing more is sent to it. Needs If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription in your scope")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public RestResponse<Void> delete(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version to delete", required = true, example = "\"0\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return RestResponse.noContent();
    }

    @POST
    @Path("/{id}/secret-rotation")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret (更换签名密钥)",
            description = "A new secret, shown in this answer only; deliveries from now on are signed with it. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret; the ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription in your scope")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public RestResponse<WebhookView> rotateSecret(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the subscription's current version", required = true, example = "\"0\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return RestResponse.ok(service.rotateSecret(id, ifMatch));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a subscription's deliveries (事件推送记录)",
            description = "Newest first, with attempts, the last answer and when the next attempt is due.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "status is not a delivery status, limit is outside 1–"
            + PageRequest.MAX_LIMIT + " or the cursor is invalid")
    @APIResponse(responseCode = "404", description = "No such subscription in your scope")
    public Page<WebhookDeliveryView> deliveries(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @Parameter(description = "Only deliveries in this state") @QueryParam("status") WebhookDeliveryStatus status,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + PageRequest.MAX_LIMIT, defaultValue = "" + PageRequest.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        return service.deliveries(id, status, limit, cursor, uriInfo);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redelivery")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AGENCY_ADMIN})
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again (重新推送)",
            description = "Queues the delivery for sending now, whatever its state, with a fresh 24-hour retry window. It "
                    + "carries the same webhook-id (the event id), so a receiver that already has it drops it.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDeliveryView.class),
                    examples = @ExampleObject(name = "queued", summary = "Queued again", value = DELIVERY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such subscription or delivery in your scope")
    public RestResponse<WebhookDeliveryView> redeliver(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @Parameter(description = "Delivery id") @PathParam("deliveryId") UUID deliveryId) {
        return RestResponse.accepted(service.redeliver(id, deliveryId));
    }
}
