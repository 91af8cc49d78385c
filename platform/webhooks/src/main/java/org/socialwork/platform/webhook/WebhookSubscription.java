package org.socialwork.platform.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An agency's endpoint for some of the service's event types. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;

    @Column(name = "agency_id")
    public UUID agencyId;

    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", columnDefinition = "text[]")
    public String[] eventTypes;

    public String description;

    /** The signing secret, encrypted at rest (see {@link WebhookService}). */
    public String secret;

    @Enumerated(EnumType.STRING)
    public WebhookStatus status;

    @Column(name = "failing_since")
    public OffsetDateTime failingSince;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    boolean wants(String eventType) {
        for (String type : eventTypes) {
            if (type.equals(eventType)) {
                return true;
            }
        }
        return false;
    }
}
