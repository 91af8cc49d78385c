package org.socialwork.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One event waiting to be published (or published: {@code sentAt} set), in the service's own schema. */
@Entity
@Table(name = "outbox_event")
@DynamicUpdate
public class OutboxRecord {

    @Id
    public UUID id;

    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "event_key")
    public String key;

    @Column(name = "event_type")
    public String type;

    public String source;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public String payload;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /** W3C traceparent of the request that wrote the row, so that the event continues its trace. */
    @Column(updatable = false)
    public String traceparent;
}
