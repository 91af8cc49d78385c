package org.socialwork.platform.webhook;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** A delivery claimed for one send, with what the send needs of its subscription. */
    record Claim(UUID id, UUID subscriptionId, UUID eventId, String body, int attempts, OffsetDateTime windowStart,
            String url, String encryptedSecret) {
    }

    /** Adds the delivery of an event to a subscription, unless the event was already handed to it. */
    void enqueue(UUID subscriptionId, UUID eventId, String eventType, String body, OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, event_id, event_type, body, status, attempts,
                                              window_start, next_attempt_at, created_at)
                values (?1, ?2, ?3, ?4, ?5, 'PENDING', 0, ?6, ?6, ?6)
                on conflict (subscription_id, event_id) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, subscriptionId).setParameter(3, eventId)
                .setParameter(4, eventType).setParameter(5, body).setParameter(6, now).executeUpdate();
    }

    /**
     * Claims up to {@code limit} due deliveries for one send each: their next attempt moves past the
     * lease, so no other instance takes them meanwhile, and the attempt is counted before it is made.
     */
    @SuppressWarnings("unchecked")
    List<Claim> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                update webhook_delivery d
                   set next_attempt_at = ?2, attempts = d.attempts + 1, last_attempt_at = ?1
                  from webhook_subscription s
                 where s.id = d.subscription_id
                   and d.id in (select id from webhook_delivery
                                 where status = 'PENDING' and next_attempt_at <= ?1
                                 order by next_attempt_at limit ?3 for update skip locked)
                returning d.id, d.subscription_id, d.event_id, d.body, d.attempts, d.window_start, s.url, s.secret""")
                .setParameter(1, now).setParameter(2, leaseUntil).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new Claim((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3],
                ((Number) r[4]).intValue(), toOffset(r[5]), (String) r[6], (String) r[7])).toList();
    }

    void delivered(UUID id, int status, OffsetDateTime at) {
        update("status = ?2, deliveredAt = ?3, lastStatus = ?4, lastError = null where id = ?1 and status = ?5",
                id, WebhookDeliveryStatus.DELIVERED, at, status, WebhookDeliveryStatus.PENDING);
    }

    void retryLater(UUID id, Integer status, String error, OffsetDateTime next) {
        update("nextAttemptAt = ?2, lastStatus = ?3, lastError = ?4 where id = ?1 and status = ?5",
                id, next, status, error, WebhookDeliveryStatus.PENDING);
    }

    void givenUp(UUID id, Integer status, String error) {
        update("status = ?2, lastStatus = ?3, lastError = ?4 where id = ?1 and status = ?5",
                id, WebhookDeliveryStatus.FAILED, status, error, WebhookDeliveryStatus.PENDING);
    }

    /** Deletes the settled deliveries made before {@code before}; pending ones stay whatever their age. */
    long deleteSettledBefore(OffsetDateTime before) {
        return delete("status <> ?1 and createdAt < ?2", WebhookDeliveryStatus.PENDING, before);
    }

    /** One page of a subscription's deliveries, newest first. */
    List<WebhookDelivery> page(UUID subscriptionId, WebhookDeliveryStatus status, OffsetDateTime beforeAt, UUID beforeId,
            int fetch) {
        StringBuilder where = new StringBuilder("subscriptionId = :subscription");
        Map<String, Object> params = new HashMap<>();
        params.put("subscription", subscriptionId);
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (beforeAt != null) {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.put("at", beforeAt);
            params.put("id", beforeId);
        }
        return find(where + " order by createdAt desc, id desc", params).page(0, fetch).list();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
