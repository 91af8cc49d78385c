package org.socialwork.reliability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every acknowledged write (and every write given up or refused), one JSON line each in
 * {@code journal.jsonl}, and in memory what the checker expects: ids per kind, and the minutes of
 * each service record after its last acknowledged correction.
 */
final class Journal implements AutoCloseable {

    final Set<String> stations = ConcurrentHashMap.newKeySet();
    /** workers created one by one (with an assignment to a station of the test region) */
    final Set<String> assignedWorkers = ConcurrentHashMap.newKeySet();
    /** externalId to workerId of the HR batch items */
    final Map<String, String> batchWorkers = new ConcurrentHashMap<>();
    final Set<String> assignments = ConcurrentHashMap.newKeySet();
    /** record id to its minutes and revision as last acknowledged */
    final Map<String, int[]> records = new ConcurrentHashMap<>();
    final AtomicLong corrections = new AtomicLong();
    final AtomicLong correctionsAckedByRead = new AtomicLong();
    final AtomicLong writes = new AtomicLong();
    final AtomicLong attemptsTotal = new AtomicLong();
    final AtomicLong retriedWrites = new AtomicLong();
    final ConcurrentLinkedQueue<String> givenUp = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> anomalies = new ConcurrentLinkedQueue<>();
    /** ids sent at least once (acknowledged or not): a present id outside this set is unexpected */
    final Set<String> attempted = ConcurrentHashMap.newKeySet();
    private final BufferedWriter out;

    Journal(Path file) throws IOException {
        out = Files.newBufferedWriter(file);
    }

    synchronized void ack(String what, String id, String instance, int attempts, String extra) {
        writes.incrementAndGet();
        attemptsTotal.addAndGet(attempts);
        if (attempts > 1) {
            retriedWrites.incrementAndGet();
        }
        line("ack", what, id, instance, attempts, extra);
    }

    synchronized void gaveUp(String what, String id, String detail) {
        givenUp.add(what + " " + id + ": " + detail);
        line("gave-up", what, id, "", 0, detail);
    }

    synchronized void refused(String what, String id, int status, String detail) {
        refused.add(what + " " + id + " HTTP " + status + ": " + detail);
        line("refused", what, id, "", 0, status + " " + detail);
    }

    synchronized void anomaly(String text) {
        anomalies.add(text);
        line("anomaly", "", "", "", 0, text);
    }

    private void line(String kind, String what, String id, String instance, int attempts, String extra) {
        try {
            out.write("{\"at\":\"" + RunClock.instant() + "\",\"kind\":\"" + kind + "\",\"what\":\"" + what + "\",\"id\":\"" + id
                    + "\",\"instance\":\"" + instance + "\",\"attempts\":" + attempts + ",\"extra\":"
                    + Api.JSON.valueToTree(extra == null ? "" : extra) + "}\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    long recordMinutes() {
        return records.values().stream().mapToLong(v -> v[0]).sum();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
