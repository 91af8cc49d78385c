package org.socialwork.platform.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.platform.web.Versioned;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A subscription as the agency sees it; the secret only in the answer that made it. */
@Schema(name = "WebhookView", description = "事件推送订阅")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        UUID id,
        UUID agencyId,
        String url,
        List<String> eventTypes,
        String description,
        WebhookStatus status,
        @Schema(description = "Since when a delivery has been given up without a later success") OffsetDateTime failingSince,
        @Schema(description = "The signing secret (whsec_…): present only in the answer to the subscription's creation "
                + "and to a secret rotation, never again (密钥仅显示一次)") String secret,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) implements Versioned {

    static WebhookView of(WebhookSubscription s, String secret) {
        return new WebhookView(s.id, s.agencyId, s.url, List.of(s.eventTypes), s.description, s.status, s.failingSince,
                secret, s.createdAt, s.updatedAt, s.version);
    }
}
