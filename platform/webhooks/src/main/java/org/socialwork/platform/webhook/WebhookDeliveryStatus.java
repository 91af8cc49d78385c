package org.socialwork.platform.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where one delivery stands. */
@Schema(name = "WebhookDeliveryStatus", description = "PENDING: not yet acknowledged, retried with backoff; DELIVERED: "
        + "the endpoint answered 2xx; FAILED: given up after the retry window (可重新投递)")
public enum WebhookDeliveryStatus {
    PENDING, DELIVERED, FAILED
}
