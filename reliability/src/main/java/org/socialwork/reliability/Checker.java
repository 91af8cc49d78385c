package org.socialwork.reliability;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The Jepsen-style check at the end: the services' own lists and reads against the journal (lost,
 * duplicated, unexpected), reporting's rollups against the journal's exact totals, the DLQ topics,
 * and the topics' duplicate deliveries. {@link #converged()} is polled until it holds or a deadline.
 */
final class Checker {

    private final Load load;
    private final Api api;
    private final Journal j;
    final Map<String, String> rows = new LinkedHashMap<>();
    final List<String> details = new ArrayList<>();

    Checker(Load load) {
        this.load = load;
        this.api = load.api;
        this.j = load.journal;
    }

    private Api.Answer get(String service, String path, String token) {
        return api.call(load.bases(service), 0, "GET", path, token, null, null, null, Api::transientFailure);
    }

    /** Every item of a keyset-paged list. */
    private List<JsonNode> list(String service, String path, String token) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String p = path + (path.contains("?") ? "&" : "?") + "limit=200" + (cursor == null ? "" : "&cursor=" + cursor);
            Api.Answer a = get(service, p, token);
            if (!a.ok()) {
                throw new IllegalStateException("GET " + service + " " + p + ": HTTP " + a.status() + " " + a.raw());
            }
            a.body().path("items").forEach(all::add);
            cursor = a.body().path("nextCursor").isTextual() ? a.body().path("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    record Tally(int expected, int present, int lost, int duplicated, int unexpected, int mismatched) {
        boolean clean() {
            return lost == 0 && duplicated == 0 && unexpected == 0 && mismatched == 0;
        }
    }

    private Tally tally(Set<String> expected, List<String> listed, Set<String> alsoAllowed, int mismatched) {
        Set<String> distinct = new HashSet<>(listed);
        int lost = 0;
        for (String id : expected) {
            if (!distinct.contains(id)) {
                lost++;
            }
        }
        int unexpected = 0;
        for (String id : distinct) {
            if (!expected.contains(id) && !alsoAllowed.contains(id)) {
                unexpected++;
            }
        }
        return new Tally(expected.size(), distinct.size(), lost, listed.size() - distinct.size(), unexpected, mismatched);
    }

    Tally stations;
    Tally workers;
    Tally records;
    long dashRecords;
    BigDecimal dashHours;
    long dashStations;
    long dashWorkers;
    String reconciliation = "not answered";
    boolean reconciliationConsistent;

    /** One pass over the services and the dashboards; true when everything matches the journal exactly. */
    boolean converged() {
        String admin = load.admin;
        List<JsonNode> sts = list("stations", "/api/v1/stations?region=" + Load.COUNTY, admin);
        // a station whose create was given up on may exist (applied, answer lost): indeterminate, not unexpected
        Set<String> triedStations = new HashSet<>();
        sts.stream().filter(n -> j.attempted.contains(n.path("regionCode").asText())).forEach(n -> triedStations.add(n.path("id").asText()));
        stations = tally(j.stations, sts.stream().map(n -> n.path("id").asText()).toList(), triedStations, 0);
        List<JsonNode> ws = list("personnel", "/api/v1/workers?agency=" + load.agency, admin);
        Set<String> expectedWorkers = new HashSet<>(j.assignedWorkers);
        expectedWorkers.addAll(j.batchWorkers.values());
        Set<String> triedWorkers = new HashSet<>();
        ws.stream().filter(n -> j.attempted.contains(n.path("externalId").asText())).forEach(n -> triedWorkers.add(n.path("id").asText()));
        workers = tally(expectedWorkers, ws.stream().map(n -> n.path("id").asText()).toList(), triedWorkers, 0);
        List<JsonNode> rs = list("projects", "/api/v1/service-records?station=" + load.townshipStations.get(0), load.phoneToken);
        int mismatched = 0;
        for (JsonNode r : rs) {
            int[] want = j.records.get(r.path("id").asText());
            if (want != null && want[0] != r.path("durationMinutes").asInt()) {
                mismatched++;
            }
        }
        Set<String> unackedRecords = new HashSet<>(j.attempted);
        records = tally(j.records.keySet(), rs.stream().map(n -> n.path("id").asText()).toList(), unackedRecords, mismatched);

        Api.Answer out = get("reporting", "/api/v1/dashboards/service-output?region=" + Load.COUNTY + "&period=" + load.day, admin);
        dashRecords = out.ok() ? out.body().path("totals").path("records").asLong() : -1;
        dashHours = out.ok() ? out.body().path("totals").path("serviceHours").decimalValue() : BigDecimal.ZERO;
        Api.Answer net = get("reporting", "/api/v1/dashboards/network?region=" + Load.COUNTY, admin);
        dashStations = 0;
        if (net.ok()) {
            for (JsonNode c : net.body().path("stationsByLevelAndStatus")) {
                dashStations += c.path("count").asLong();
            }
        }
        Api.Answer wf = get("reporting", "/api/v1/dashboards/workforce?region=" + Load.COUNTY + "&period=" + load.day, admin);
        dashWorkers = wf.ok() ? wf.body().path("totals").path("workers").asLong() : -1;
        Api.Answer rec = api.once(load.bases("reporting").get(0), "GET", "/api/v1/admin/reconciliation?region=" + Load.COUNTY
                + "&period=" + load.day, admin, null, null, null, Duration.ofSeconds(10));
        reconciliationConsistent = rec.ok() && rec.body().path("consistent").asBoolean(false);
        reconciliation = reconciliationConsistent
                ? "consistent, " + rec.body().path("figures").size() + " figures agree"
                : "HTTP " + rec.status() + ": " + (rec.raw() == null ? "" : rec.raw().substring(0, Math.min(600, rec.raw().length())));
        return stations.clean() && workers.clean() && records.clean() && dashOk() && reconciliationConsistent;
    }

    boolean dashOk() {
        return dashRecords == j.records.size() && minutesMatch() && dashStations == j.stations.size()
                && dashWorkers == j.assignedWorkers.size();
    }

    boolean minutesMatch() {
        // serviceHours is minutes/60 rounded by reporting to its scale (one decimal): equal within half of that unit
        BigDecimal exact = BigDecimal.valueOf(j.recordMinutes()).divide(BigDecimal.valueOf(60), 6, java.math.RoundingMode.HALF_UP);
        BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(Math.max(0, dashHours.scale())).divide(BigDecimal.valueOf(2));
        return dashHours.subtract(exact).abs().compareTo(halfUnit) <= 0;
    }

    /** GET by id of every acknowledged write: present, and a record with the minutes last acknowledged. */
    Map<String, Integer> readBack() {
        Map<String, Integer> missing = new LinkedHashMap<>();
        int m = 0;
        for (String id : j.stations) {
            if (get("stations", "/api/v1/stations/" + id, load.admin).status() != 200) {
                m++;
            }
        }
        missing.put("stations", m);
        m = 0;
        Set<String> ws = new HashSet<>(j.assignedWorkers);
        ws.addAll(j.batchWorkers.values());
        for (String id : ws) {
            if (get("personnel", "/api/v1/workers/" + id, load.admin).status() != 200) {
                m++;
            }
        }
        missing.put("workers", m);
        m = 0;
        int wrong = 0;
        for (Map.Entry<String, int[]> e : j.records.entrySet()) {
            Api.Answer a = get("projects", "/api/v1/service-records/" + e.getKey(), load.phoneToken);
            if (a.status() != 200) {
                m++;
            } else if (a.body().path("durationMinutes").asInt() != e.getValue()[0]) {
                wrong++;
            }
        }
        missing.put("records", m);
        missing.put("records with other minutes", wrong);
        return missing;
    }

    /** Per topic: messages, distinct event ids (ce_id); for the DLQs the messages are the entries. */
    Map<String, long[]> topics(String bootstrap) throws Exception {
        Map<String, long[]> result = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> names = admin.listTopics().names().get().stream().filter(n -> !n.startsWith("_")).sorted().toList();
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "reliability-checker-" + UUID.randomUUID());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
                for (String topic : names) {
                    List<TopicPartition> parts = c.partitionsFor(topic).stream()
                            .map(i -> new TopicPartition(topic, i.partition())).toList();
                    c.assign(parts);
                    c.seekToBeginning(parts);
                    Map<TopicPartition, Long> end = c.endOffsets(parts);
                    long messages = 0;
                    Set<String> ids = new HashSet<>();
                    Map<String, Integer> seen = new HashMap<>();
                    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                    while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                            messages++;
                            Header h = r.headers().lastHeader("ce_id");
                            String id = h == null ? r.partition() + ":" + r.offset() : new String(h.value());
                            ids.add(id);
                            seen.merge(id, 1, Integer::sum);
                        }
                    }
                    result.put(topic, new long[] {messages, ids.size(), parts.size()});
                    if (topic.endsWith(".dlq") && messages > 0) {
                        details.add("DLQ " + topic + ": " + messages + " entries");
                    }
                }
            }
        }
        return result;
    }

    /** Lines of the instances' logs that tell of retries, dead letters and stopped consumers. */
    static Map<String, Long> logCounts(Path logs) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("transient failure, retried (consumers)", 0L);
        counts.put("refused → DLQ (consumers)", 0L);
        counts.put("consumer stopped", 0L);
        try (var files = Files.list(logs)) {
            for (Path f : files.filter(x -> x.getFileName().toString().matches("(stations|personnel|projects|reporting)-\\d\\.log"))
                    .toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.contains(": transient failure in ")) {
                        counts.merge("transient failure, retried (consumers)", 1L, Long::sum);
                    } else if (line.contains(" refused by ")) {
                        counts.merge("refused → DLQ (consumers)", 1L, Long::sum);
                    } else if (line.contains("consumer ") && line.contains(" stopped")) {
                        counts.merge("consumer stopped", 1L, Long::sum);
                    }
                }
            }
        }
        return counts;
    }
}
