package org.socialwork.platform.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event for one subscription, as sent, and where its delivery stands. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    /** The CloudEvent in structured JSON mode: the exact bytes that are signed and sent. */
    public String body;

    @Enumerated(EnumType.STRING)
    public WebhookDeliveryStatus status;

    public int attempts;

    /** Start of the retry window: the first hand-over, or the last redelivery asked for. */
    @Column(name = "window_start")
    public OffsetDateTime windowStart;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
