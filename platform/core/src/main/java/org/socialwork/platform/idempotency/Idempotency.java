package org.socialwork.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.socialwork.platform.web.Preconditions;
import org.socialwork.platform.web.Versioned;

import org.socialwork.platform.problem.ProblemType;
import org.socialwork.platform.problem.Problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.socialwork.platform.time.BusinessClock;

/**
 * {@code Idempotency-Key} for POST: the first request with a key runs and its response is stored
 * in the same transaction as its effect; a retry with the same key and body gets that response
 * again (with {@code Idempotent-Replayed: true}); the same key with another body is refused (422);
 * a retry while the first is still running is refused (409). Keys are scoped to the caller.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** A request still marked in progress after this long is taken to have died with its process. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    @Inject
    EntityManager em;

    @Inject
    BusinessClock clock;

    @Inject
    ObjectMapper mapper;

    /**
     * Runs {@code action} once per key. {@code action} runs inside a new transaction that also
     * records its response; the domain service's {@code @Transactional} methods join it.
     *
     * @param key       the header value, or null to run without idempotency
     * @param caller    who is calling (keys of different callers never meet)
     * @param operation the method and route, e.g. {@code POST /api/v1/stations}
     * @param body      the request body, compared by its canonical JSON
     */
    public Response execute(String key, String caller, String operation, Object body, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw Problems.invalidField(HEADER, "problem.idempotency.key-format");
        }
        String fingerprint = fingerprint(operation, body);
        Stored existing = QuarkusTransaction.requiringNew().call(() -> claim(caller, key, fingerprint));
        if (existing != null) {
            return existing.replay();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Response response = action.get();
                complete(caller, key, response);
                return response;
            });
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from idempotency_key where caller = ?1 and idem_key = ?2 and state = 'IN_PROGRESS'")
                    .setParameter(1, caller).setParameter(2, key).executeUpdate());
            throw e;
        }
    }

    /** Claims the key for this request, or returns the stored response of an earlier one. */
    private Stored claim(String caller, String key, String fingerprint) {
        int inserted = em.createNativeQuery("""
                insert into idempotency_key (caller, idem_key, fingerprint, state, created_at)
                values (?1, ?2, ?3, 'IN_PROGRESS', ?4) on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, fingerprint).setParameter(4, clock.now())
                .executeUpdate();
        if (inserted == 1) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select fingerprint, state, response_status, response_body, response_location, response_etag,
                       created_at < ?3
                from idempotency_key where caller = ?1 and idem_key = ?2 for update""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, clock.now().minus(ABANDONED_AFTER))
                .getResultList();
        if (rows.isEmpty()) {
            throw Problems.of(ProblemType.IDEMPOTENCY_IN_PROGRESS, "problem.idempotency-in-progress.detail");
        }
        Object[] row = rows.get(0);
        if (!fingerprint.equals(row[0])) {
            throw Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED, "problem.idempotency-key-reused.detail", key);
        }
        if ("COMPLETED".equals(row[1])) {
            return new Stored(((Number) row[2]).intValue(), (String) row[3], (String) row[4], (String) row[5]);
        }
        if (Boolean.TRUE.equals(row[6])) {
            em.createNativeQuery("update idempotency_key set created_at = ?3 where caller = ?1 and idem_key = ?2")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, clock.now()).executeUpdate();
            return null;
        }
        throw Problems.of(ProblemType.IDEMPOTENCY_IN_PROGRESS, "problem.idempotency-in-progress.detail");
    }

    private void complete(String caller, String key, Response response) {
        String body;
        try {
            body = response.getEntity() == null ? null : mapper.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored for replay", e);
        }
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        if (etag == null && response.getEntity() instanceof Versioned versioned) {
            // The ETag filter adds it only after this method returns; the replay must carry it as well.
            etag = Preconditions.etag(versioned.version());
        }
        em.createNativeQuery("""
                update idempotency_key set state = 'COMPLETED', response_status = ?3, response_body = ?4,
                       response_location = ?5, response_etag = ?6, completed_at = ?7
                where caller = ?1 and idem_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, response.getStatus())
                .setParameter(4, body).setParameter(5, location == null ? null : location.toString())
                .setParameter(6, etag == null ? null : etag.toString()).setParameter(7, clock.now())
                .executeUpdate();
    }

    private String fingerprint(String operation, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(mapper.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes keys older than {@code retention}; called by the services' housekeeping. */
    public int purgeOlderThan(Duration retention) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "delete from idempotency_key where created_at < ?1")
                .setParameter(1, clock.now().minus(retention)).executeUpdate());
    }

    private record Stored(int status, String body, String location, String etag) {

        Response replay() {
            Response.ResponseBuilder builder = Response.status(status).header(REPLAYED_HEADER, "true");
            if (body != null) {
                builder.entity(body).type("application/json");
            }
            if (location != null) {
                builder.header(HttpHeaders.LOCATION, location);
            }
            if (etag != null) {
                builder.header(HttpHeaders.ETAG, etag);
            }
            return builder.build();
        }
    }
}
