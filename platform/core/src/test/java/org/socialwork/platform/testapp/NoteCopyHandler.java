package org.socialwork.platform.testapp;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.socialwork.platform.events.CloudEvent;
import org.socialwork.platform.inbox.EventHandler;
import org.socialwork.platform.inbox.Inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A consumer keeping a replica of notes: what every read model does, through the inbox. */
@ApplicationScoped
public class NoteCopyHandler implements EventHandler {

    private static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static final Map<UUID, AtomicInteger> APPLICATIONS = new ConcurrentHashMap<>();
    private static final Semaphore BRAKE = new Semaphore(0);
    private static volatile boolean braking;
    private static volatile boolean holdingTransientFailures;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** How often the handler was given event {@code eventId}. */
    public static int attempts(UUID eventId) {
        AtomicInteger attempts = ATTEMPTS.get(eventId);
        return attempts == null ? 0 : attempts.get();
    }

    /** How often the effect of event {@code eventId} ran (the inbox lets it run once however often the event comes). */
    public static int applications(UUID eventId) {
        AtomicInteger applications = APPLICATIONS.get(eventId);
        return applications == null ? 0 : applications.get();
    }

    /** From now on an event whose text starts with "braked" waits for {@link #letOneThrough()}: a slow read model. */
    public static void brake() {
        BRAKE.drainPermits();
        braking = true;
    }

    public static void letOneThrough() {
        BRAKE.release();
    }

    public static void releaseBrake() {
        braking = false;
        BRAKE.release(100_000);
    }

    /** While on, an event whose text starts with "held-transient" fails transiently at every attempt. */
    public static void holdTransientFailures(boolean hold) {
        holdingTransientFailures = hold;
    }

    @Override
    public String name() {
        return "note-copy";
    }

    @Override
    public List<String> topics() {
        return List.of(NoteResource.TOPIC);
    }

    @Override
    public void handle(String topic, CloudEvent event) {
        JsonNode data;
        try {
            data = mapper.readTree(event.data());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("data is not JSON");
        }
        String text = data.path("text").asText();
        int attempt = ATTEMPTS.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
        if ("poison".equals(text)) {
            throw new IllegalArgumentException("text 'poison' is refused by this consumer");
        }
        if (text.startsWith("transient") && attempt <= 2 || text.startsWith("held-transient") && holdingTransientFailures) {
            // What a serialization conflict looks like from a handler: a persistence exception over SQL state 40001.
            throw new IllegalStateException("the transaction could not be serialized",
                    new SQLException("could not serialize access due to concurrent update", "40001"));
        }
        if (text.startsWith("braked") && braking) {
            try {
                BRAKE.tryAcquire(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        UUID id = UUID.fromString(data.get("id").asText());
        long version = data.get("version").asLong();
        inbox.applySnapshot(event.id(), topic, "note", id.toString(), version, () -> {
            em.createNativeQuery("""
                    insert into note_copy (id, text, version) values (?1, ?2, ?3)
                    on conflict (id) do update set text = excluded.text, version = excluded.version""")
                    .setParameter(1, id).setParameter(2, text).setParameter(3, version).executeUpdate();
            APPLICATIONS.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
        });
    }
}
