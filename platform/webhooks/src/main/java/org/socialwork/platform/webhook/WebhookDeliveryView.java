package org.socialwork.platform.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One delivery of an event to a subscription, and where it stands. */
@Schema(name = "WebhookDeliveryView", description = "一次事件推送")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDeliveryView(
        UUID id,
        UUID subscriptionId,
        @Schema(description = "The CloudEvent id, also sent as webhook-id: a receiver drops a delivery whose id it has seen")
        UUID eventId,
        String eventType,
        WebhookDeliveryStatus status,
        @Schema(description = "Attempts made so far") int attempts,
        @Schema(description = "When the next attempt is due (PENDING only)") OffsetDateTime nextAttemptAt,
        OffsetDateTime lastAttemptAt,
        @Schema(description = "The HTTP status of the last attempt; absent when it got no answer") Integer lastStatus,
        @Schema(description = "Why the last attempt failed") String lastError,
        OffsetDateTime deliveredAt,
        OffsetDateTime createdAt) {

    static WebhookDeliveryView of(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id, d.subscriptionId, d.eventId, d.eventType, d.status, d.attempts,
                d.status == WebhookDeliveryStatus.PENDING ? d.nextAttemptAt : null, d.lastAttemptAt, d.lastStatus,
                d.lastError, d.deliveredAt, d.createdAt);
    }
}
