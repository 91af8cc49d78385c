package org.socialwork.platform.testapp;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.socialwork.platform.events.CloudEvent;
import org.socialwork.platform.inbox.EventHandler;
import org.socialwork.platform.inbox.Inbox;

/**
 * A consumer that applies in batches, as reporting's read models do: each event passes the inbox in
 * {@link #handle}, and what they add is gathered and written once, set-based, in {@link #beforeCommit()}.
 */
@ApplicationScoped
public class NoteTallyHandler implements EventHandler {

    public static final String TOPIC = "platform-test.tally.v1";
    private static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static final List<Integer> TRANSACTION_SIZES = new CopyOnWriteArrayList<>();

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    /** Touched by the consumer thread only. */
    private final List<UUID> gatheredIds = new ArrayList<>();
    private final List<String> gatheredTexts = new ArrayList<>();
    private int handledSinceCommit;

    /** How often the handler was given event {@code eventId}. */
    public static int attempts(UUID eventId) {
        AtomicInteger attempts = ATTEMPTS.get(eventId);
        return attempts == null ? 0 : attempts.get();
    }

    /** The number of events handled in each transaction that reached its commit, in order. */
    public static List<Integer> transactionSizes() {
        return List.copyOf(TRANSACTION_SIZES);
    }

    @Override
    public String name() {
        return "note-tally";
    }

    @Override
    public List<String> topics() {
        return List.of(TOPIC);
    }

    @Override
    public boolean appliesInBatches() {
        return true;
    }

    @Override
    public void handle(String topic, CloudEvent event) {
        if (handledSinceCommit == 0) {
            // A new transaction: what an earlier, rolled-back one gathered is gone with it.
            gatheredIds.clear();
            gatheredTexts.clear();
        }
        handledSinceCommit++;
        String text = new String(event.data(), java.nio.charset.StandardCharsets.UTF_8);
        int attempt = ATTEMPTS.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
        if ("poison".equals(text)) {
            handledSinceCommit = 0;
            throw new IllegalArgumentException("text 'poison' is refused by this consumer");
        }
        if ("transient".equals(text) && attempt <= 2) {
            handledSinceCommit = 0;
            throw new IllegalStateException("the transaction could not be serialized",
                    new SQLException("could not serialize access due to concurrent update", "40001"));
        }
        inbox.apply(event.id(), topic, () -> {
            gatheredIds.add(event.id());
            gatheredTexts.add(text);
        });
    }

    @Override
    public void beforeCommit() {
        if (!gatheredIds.isEmpty()) {
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into note_tally (event_id, text) select * from unnest(?, ?)")) {
                    insert.setArray(1, connection.createArrayOf("uuid", gatheredIds.toArray()));
                    insert.setArray(2, connection.createArrayOf("text", gatheredTexts.toArray()));
                    insert.executeUpdate();
                }
            });
        }
        TRANSACTION_SIZES.add(handledSinceCommit);
        handledSinceCommit = 0;
        gatheredIds.clear();
        gatheredTexts.clear();
    }
}
