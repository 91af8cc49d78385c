package org.socialwork.platform.webhook;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as an agency asks for it: where to send which of the service's events. */
@Schema(name = "WebhookRequest", description = "订阅：事件推送地址与事件类型")
public record WebhookRequest(
        @Schema(description = "The HTTPS endpoint that receives the deliveries (POST); it must resolve to public addresses",
                example = "https://hr.yimin-sw.org.cn/hooks/socialwork", maxLength = 2048)
        @NotBlank @Size(max = 2048) String url,
        @Schema(description = "CloudEvent types to receive, as the service's AsyncAPI document names them")
        @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 200) String> eventTypes,
        @Schema(description = "What the endpoint is for, for the agency's own records", maxLength = 500)
        @Size(max = 500) String description,
        @Schema(description = "The subscribing agency: an agency admin's own (may be left out); required of a platform admin")
        UUID agencyId) {
}
