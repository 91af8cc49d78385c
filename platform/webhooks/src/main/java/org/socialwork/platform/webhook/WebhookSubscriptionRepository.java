package org.socialwork.platform.webhook;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** One page of subscriptions in id order, of one agency or (null) of all, from after {@code after}. */
    List<WebhookSubscription> page(UUID agencyId, UUID after, int fetch) {
        StringBuilder where = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (agencyId != null) {
            where.append(" and agencyId = :agency");
            params.put("agency", agencyId);
        }
        if (after != null) {
            where.append(" and id > :after");
            params.put("after", after);
        }
        return find(where + " order by id", params).page(0, fetch).list();
    }

    long countOf(UUID agencyId) {
        return count("agencyId", agencyId);
    }

    boolean endpointTaken(UUID agencyId, String url, UUID except) {
        return count("agencyId = ?1 and url = ?2 and id <> ?3", agencyId, url, except) > 0;
    }

    /** Sets the status after a delivery outcome; a change is a new version, so ETags and If-Match see it. */
    void markStatus(UUID id, WebhookStatus status, java.time.OffsetDateTime at) {
        getEntityManager().createNativeQuery("""
                update webhook_subscription set status = ?2, version = version + 1, updated_at = ?3,
                       failing_since = case when ?2 = 'FAILING' then coalesce(failing_since, ?3) end
                 where id = ?1 and status <> ?2""")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, at).executeUpdate();
    }
}
