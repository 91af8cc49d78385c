package org.socialwork.platform.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a subscription's endpoint takes its deliveries. */
@Schema(name = "WebhookStatus", description = "ACTIVE: deliveries arrive; FAILING: a delivery was given up after the "
        + "retry window (新事件仍会投递，首次成功后恢复 ACTIVE)")
public enum WebhookStatus {
    ACTIVE, FAILING
}
