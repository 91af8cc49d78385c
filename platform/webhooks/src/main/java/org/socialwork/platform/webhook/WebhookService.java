package org.socialwork.platform.webhook;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import org.socialwork.platform.personaldata.PersonalDataCipher;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Cursor;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;

/**
 * Subscriptions and their deliveries, scoped like the API: an agency admin reaches its own agency's,
 * a platform admin every agency's; anyone else's look like missing ones (404).
 */
@ApplicationScoped
public class WebhookService {

    @Inject
    WebhookSubscriptionRepository subscriptions;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    @Transactional
    public WebhookView create(WebhookRequest request) {
        UUID agency = subscriberAgency(request.agencyId());
        String url = endpoints.check(request.url()).toString();
        List<String> types = eventTypes(request.eventTypes());
        if (subscriptions.countOf(agency) >= config.maxSubscriptionsPerAgency()) {
            throw Problems.rule("webhook.limit", config.maxSubscriptionsPerAgency());
        }
        if (subscriptions.endpointTaken(agency, url, new UUID(0, 0))) {
            throw Problems.conflict("webhook.endpoint.taken", url);
        }
        String secret = WebhookSignature.newSecret();
        OffsetDateTime now = clock.now();
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.agencyId = agency;
        s.url = url;
        s.eventTypes = types.toArray(String[]::new);
        s.description = blankToNull(request.description());
        s.secret = cipher.encrypt(WebhookDispatcher.SECRET_COLUMN, secret);
        s.status = WebhookStatus.ACTIVE;
        s.createdBy = caller.subject();
        s.createdAt = now;
        s.updatedAt = now;
        subscriptions.persist(s);
        subscriptions.flush();
        return WebhookView.of(s, secret);
    }

    /** Readable by anyone authenticated: whoever is neither the agency nor a platform admin gets 404, told nothing. */
    @Transactional
    public WebhookView get(UUID id) {
        return WebhookView.of(visible(id), null);
    }

    @Transactional
    public Page<WebhookView> list(UUID agencyFilter, Integer limit, String cursor, UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor, 1);
        UUID agency = agencyFilter;
        if (!caller.isPlatformAdmin()) {
            UUID own = caller.agency().orElseThrow(() -> Problems.forbidden("webhook.forbidden.agency"));
            if (agencyFilter != null && !agencyFilter.equals(own)) {
                throw Problems.forbidden("webhook.forbidden.agency");
            }
            agency = own;
        }
        List<WebhookSubscription> rows = subscriptions.page(agency, page.cursor() == null ? null : page.cursor().uuid(0),
                page.fetchSize());
        return Page.of(rows, page.limit(), s -> WebhookView.of(s, null), s -> Cursor.of(s.id.toString()), uri);
    }

    @Transactional
    public WebhookView update(UUID id, String ifMatch, WebhookRequest request) {
        WebhookSubscription s = visible(id);
        Preconditions.requireIfMatch(ifMatch, s.version);
        if (request.agencyId() != null && !request.agencyId().equals(s.agencyId)) {
            throw Problems.rule("webhook.agency.fixed");
        }
        String url = endpoints.check(request.url()).toString();
        List<String> types = eventTypes(request.eventTypes());
        if (subscriptions.endpointTaken(s.agencyId, url, s.id)) {
            throw Problems.conflict("webhook.endpoint.taken", url);
        }
        s.url = url;
        s.eventTypes = types.toArray(String[]::new);
        s.description = blankToNull(request.description());
        s.updatedAt = clock.now();
        subscriptions.flush();
        return WebhookView.of(s, null);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        WebhookSubscription s = visible(id);
        Preconditions.requireIfMatch(ifMatch, s.version);
        subscriptions.delete(s);
    }

    /** A new secret; the old one signs nothing from now on. */
    @Transactional
    public WebhookView rotateSecret(UUID id, String ifMatch) {
        WebhookSubscription s = visible(id);
        Preconditions.requireIfMatch(ifMatch, s.version);
        String secret = WebhookSignature.newSecret();
        s.secret = cipher.encrypt(WebhookDispatcher.SECRET_COLUMN, secret);
        s.updatedAt = clock.now();
        subscriptions.flush();
        return WebhookView.of(s, secret);
    }

    @Transactional
    public Page<WebhookDeliveryView> deliveries(UUID id, WebhookDeliveryStatus status, Integer limit, String cursor,
            UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        WebhookSubscription s = visible(id);
        Cursor after = page.cursor();
        List<WebhookDelivery> rows = deliveries.page(s.id, status,
                after == null ? null : OffsetDateTime.parse(after.key(0)), after == null ? null : after.uuid(1),
                page.fetchSize());
        return Page.of(rows, page.limit(), WebhookDeliveryView::of,
                d -> Cursor.of(d.createdAt.toString(), d.id.toString()), uri);
    }

    /** Sends a delivery again now, whatever its state, with a fresh retry window; the receiver dedups by event id. */
    @Transactional
    public WebhookDeliveryView redeliver(UUID id, UUID deliveryId) {
        WebhookSubscription s = visible(id);
        WebhookDelivery d = deliveries.findById(deliveryId);
        if (d == null || !d.subscriptionId.equals(s.id)) {
            throw Problems.notFound("webhook delivery", deliveryId);
        }
        OffsetDateTime now = clock.now();
        d.status = WebhookDeliveryStatus.PENDING;
        d.windowStart = now;
        d.nextAttemptAt = now;
        d.deliveredAt = null;
        deliveries.flush();
        return WebhookDeliveryView.of(d);
    }

    private WebhookSubscription visible(UUID id) {
        WebhookSubscription s = subscriptions.findById(id);
        if (s == null || !(caller.isPlatformAdmin() || caller.actsForAgency(s.agencyId))) {
            throw Problems.notFound("webhook", id);
        }
        return s;
    }

    private UUID subscriberAgency(UUID requested) {
        if (caller.isPlatformAdmin()) {
            if (requested == null) {
                throw Problems.invalidField("agencyId", "webhook.agency.required");
            }
            return requested;
        }
        UUID own = caller.agency().filter(a -> caller.actsForAgency(a))
                .orElseThrow(() -> Problems.forbidden("webhook.forbidden.agency"));
        if (requested != null && !requested.equals(own)) {
            throw Problems.forbidden("webhook.forbidden.agency");
        }
        return own;
    }

    private List<String> eventTypes(List<String> requested) {
        Set<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            String t = type.strip();
            if (!config.eventTypes().contains(t)) {
                throw Problems.invalidField("eventTypes", "webhook.event-type.unknown", t,
                        String.join(", ", config.eventTypes()));
            }
            types.add(t);
        }
        return List.copyOf(types);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
