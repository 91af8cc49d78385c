package org.socialwork.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.socialwork.infra.jwt.DevTokens;

/**
 * The test region and its fixture (created fresh at the start), and the mixed load of the virtual
 * users: phone syncs of service records, corrections with If-Match, station creates, worker
 * creates with their assignment, HR batches. Every write has a client-generated id or an
 * Idempotency-Key and is retried like a phone would until acknowledged.
 */
final class Load {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String PROVINCE = "33";
    static final String CITY = "3304";
    static final String COUNTY = "330499";
    static final int TOWNSHIPS = 3;
    static final int VILLAGES_PER_TOWNSHIP = 400;
    static final String RECORDS_PER_SYNC_ITEM = "ELDERLY_CARE";

    final Stack stack;
    final Api api;
    final Journal journal;
    final String admin = DevTokens.mint(new DevTokens.Caller("reliability-admin", java.util.Set.of("platform-admin"), null, null, null),
            java.time.Duration.ofHours(12));
    final LocalDate day = RunClock.chinaToday().minusDays(1);
    final LocalDate today = RunClock.chinaToday();
    String agency;
    final List<String> townshipStations = new ArrayList<>();
    String phoneWorker;
    String phoneToken;
    private final AtomicInteger nextVillage = new AtomicInteger();
    private final AtomicInteger nextPerson = new AtomicInteger();
    volatile boolean stop;

    Load(Stack stack, Api api, Journal journal) {
        this.stack = stack;
        this.api = api;
        this.journal = journal;
    }

    List<String> bases(String service) {
        return stack.of(service).stream().map(Stack.Instance::base).toList();
    }

    static String village(int n) {
        int township = n / VILLAGES_PER_TOWNSHIP;
        return COUNTY + String.format("%03d", township + 1) + String.format("%03d", 100 + n % VILLAGES_PER_TOWNSHIP);
    }

    static void writeDivisions(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("provinces.csv"), "code,name\n" + PROVINCE + ",\"浙江省\"\n");
        Files.writeString(dir.resolve("cities.csv"), "code,name,provinceCode\n" + CITY + ",\"嘉兴市\"," + PROVINCE + "\n");
        Files.writeString(dir.resolve("areas.csv"), "code,name,cityCode,provinceCode\n" + COUNTY + ",\"可靠性测试县\"," + CITY + ","
                + PROVINCE + "\n");
        StringBuilder streets = new StringBuilder("code,name,areaCode,provinceCode,cityCode\n");
        StringBuilder villages = new StringBuilder("code,name,streetCode,provinceCode,cityCode,areaCode\n");
        for (int t = 1; t <= TOWNSHIPS; t++) {
            String street = COUNTY + String.format("%03d", t);
            streets.append(street).append(",\"测试镇").append(t).append("\",").append(COUNTY).append(',').append(PROVINCE).append(',')
                    .append(CITY).append('\n');
        }
        for (int n = 0; n < TOWNSHIPS * VILLAGES_PER_TOWNSHIP; n++) {
            String v = village(n);
            villages.append(v).append(",\"测试村").append(n).append("村委会\",").append(v, 0, 9).append(',').append(PROVINCE)
                    .append(',').append(CITY).append(',').append(COUNTY).append('\n');
        }
        Files.writeString(dir.resolve("streets.csv"), streets);
        Files.writeString(dir.resolve("villages.csv"), villages);
    }

    // ---- fixture -------------------------------------------------------------------------------

    void setUp(Path divisions) {
        List<String> st = bases("stations");
        Api.Answer job = must(api.call(st, 0, "POST", "/api/v1/admin/region-imports", admin,
                Map.of("directory", divisions.toString()), "rel-import-" + UUID.randomUUID(), null, Api::transientFailure),
                "region import");
        String jobId = job.body().path("id").asText();
        for (int i = 0; i < 600; i++) {
            Api.Answer j = api.call(st, i, "GET", "/api/v1/admin/region-imports/" + jobId, admin, null, null, null, Api::transientFailure);
            String state = j.body() == null ? "" : j.body().path("state").asText();
            if (state.equals("SUCCEEDED")) {
                break;
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("region import failed: " + j.raw());
            }
            Api.sleep(500);
        }
        ObjectNode a = Api.JSON.createObjectNode().put("name", "可靠性测试社会工作服务中心").put("creditCode", "52330481MJ8765432X")
                .put("legalForm", "SOCIAL_SERVICE_ORGANIZATION").put("registrationRegion", COUNTY).put("grade", "4A").put("gradeYear", 2024);
        a.putObject("contact").put("person", "办公室").put("address", "浙江省");
        agency = must(api.call(st, 0, "POST", "/api/v1/agencies", admin, a, "rel-agency", null, Api::transientFailure), "agency")
                .body().path("id").asText();
        for (int t = 1; t <= TOWNSHIPS; t++) {
            ObjectNode s = Api.JSON.createObjectNode().put("name", "测试镇" + t + "社会工作站").put("level", "TOWNSHIP_STATION")
                    .put("regionCode", COUNTY + String.format("%03d", t)).put("operationMode", "PURCHASED_SERVICE").put("agencyId", agency);
            Api.Answer created = must(api.call(st, t, "POST", "/api/v1/stations", admin, s, "rel-township-" + t, null,
                    Api::transientFailure), "township station");
            String id = created.body().path("id").asText();
            String etag = created.etag();
            for (String to : List.of("ESTABLISHED", "OPERATING")) {
                Api.Answer moved = must(api.call(st, t, "POST", "/api/v1/stations/" + id + "/transitions", admin,
                        Map.of("to", to, "effectiveDate", today.toString(), "reason", "reliability fixture"), null, etag,
                        Api::transientFailure), "transition " + to);
                etag = moved.etag();
            }
            townshipStations.add(id);
            journal.stations.add(id);
            journal.attempted.add(id);
        }
        List<String> pe = bases("personnel");
        // personnel knows the agency and the stations only from their events: retry 422 until they arrived
        phoneWorker = createWorker(pe, 0, true);
        phoneToken = DevTokens.mint(new DevTokens.Caller("worker-" + phoneWorker, java.util.Set.of("field-worker"), null, null,
                phoneWorker), java.time.Duration.ofHours(12));
        // projects knows the station, the worker and the assignment only from their events
        List<String> pr = bases("projects");
        for (int i = 0; i < 600; i++) {
            if (!sync(pr, i, 1, true).isEmpty()) {
                return;
            }
            Api.sleep(1000);
        }
        throw new IllegalStateException("projects-service never accepted a record of the fixture's worker");
    }

    private static Api.Answer must(Api.Answer a, String what) {
        if (!a.ok()) {
            throw new IllegalStateException(what + ": HTTP " + a.status() + " " + a.raw());
        }
        return a;
    }

    /** 422 while an event has not arrived yet is also worth waiting for during the fixture. */
    private static boolean fixtureRetry(Api.Answer a) {
        return Api.transientFailure(a) || a.status() == 422;
    }

    // ---- the writes ----------------------------------------------------------------------------

    String idNumber() {
        int n = nextPerson.getAndIncrement();
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(n / 900);
        String body = "330481" + birth.toString().replace("-", "") + String.format("%03d", 100 + n % 900);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A worker employed by the test agency, with an assignment to a township station of the test region. */
    String createWorker(List<String> pe, int start, boolean fixture) {
        String ext = "RL-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode w = Api.JSON.createObjectNode().put("externalId", ext).put("name", "测试社工" + ext.substring(3))
                .put("idNumber", idNumber()).put("education", "BACHELOR").put("socialWorkDegree", true);
        w.putObject("employment").put("agencyId", agency).put("category", "STATION_FULL_TIME").put("post", "SOCIAL_WORKER")
                .put("grade", 3).put("from", "2026-01-01");
        String key = "rel-worker-" + ext;
        journal.attempted.add(ext);
        Api.Answer a = api.call(pe, start, "POST", "/api/v1/workers", admin, w, key, null,
                fixture ? Load::fixtureRetry : Api::transientFailure);
        if (!record(a, "worker", ext)) {
            if (fixture) {
                throw new IllegalStateException("fixture worker: " + a.raw());
            }
            return null;
        }
        String id = a.body().path("id").asText();
        journal.attempted.add(id);
        journal.ack("worker", id, a.instance(), a.attempts(), ext);
        // the phone's worker records at the first township station, so it is assigned there
        String station = fixture ? townshipStations.get(0)
                : townshipStations.get(ThreadLocalRandom.current().nextInt(townshipStations.size()));
        Api.Answer as = api.call(pe, start + 1, "POST", "/api/v1/assignments", admin,
                Map.of("workerId", id, "stationId", station, "role", "SOCIAL_WORKER", "from", "2026-01-01"),
                "rel-assign-" + id, null, fixture ? Load::fixtureRetry : Api::transientFailure);
        if (!record(as, "assignment", id)) {
            journal.anomaly("worker " + id + " created but its assignment was not acknowledged");
            journal.batchWorkers.put(ext, id);
            return id;
        }
        journal.assignedWorkers.add(id);
        journal.assignments.add(as.body().path("id").asText());
        journal.ack("assignment", as.body().path("id").asText(), as.instance(), as.attempts(), id + "@" + station);
        return id;
    }

    private boolean record(Api.Answer a, String what, String id) {
        if (a.ok()) {
            return true;
        }
        if (a.status() == 0) {
            journal.gaveUp(what, id, a.raw());
        } else {
            journal.refused(what, id, a.status(), a.raw());
        }
        return false;
    }

    /** A phone's sync: {@code n} records with ids made on the phone, resent whole until answered. */
    List<String> sync(List<String> pr, int start, int n, boolean fixture) {
        ArrayNode records = Api.JSON.createArrayNode();
        List<String> ids = new ArrayList<>();
        List<Integer> minutes = new ArrayList<>();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String station = townshipStations.get(0);
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            int m = 10 + r.nextInt(110);
            ids.add(id);
            minutes.add(m);
            journal.attempted.add(id);
            ObjectNode rec = records.addObject().put("id", id).put("type", "GROUP_SESSION")
                    .put("occurredAt", day + "T" + String.format("%02d:%02d", 8 + r.nextInt(10), r.nextInt(60)) + ":00+08:00")
                    .put("durationMinutes", m).put("stationId", station).put("participantCount", 1 + r.nextInt(30));
            rec.putArray("serviceItems").add(RECORDS_PER_SYNC_ITEM);
        }
        ObjectNode body = Api.JSON.createObjectNode();
        body.set("records", records);
        String text = body.toString();
        Api.Answer a = api.call(pr, start, "POST", "/api/v1/service-records/batch", phoneToken, text, null, null,
                fixture ? Load::fixtureRetry : Api::transientFailure);
        if (!a.ok()) {
            if (!fixture) {
                record(a, "sync", String.join(",", ids));
            }
            return List.of();
        }
        List<String> acked = new ArrayList<>();
        JsonNode items = a.body().path("items");
        for (int i = 0; i < n; i++) {
            JsonNode item = items.get(i);
            String status = item.path("status").asText();
            if (status.equals("CREATED") || status.equals("UNCHANGED")) {
                if (status.equals("UNCHANGED") && a.attempts() == 1) {
                    journal.anomaly("record " + ids.get(i) + " UNCHANGED on its first send");
                }
                journal.records.put(ids.get(i), new int[] {minutes.get(i), 1});
                journal.ack("record", ids.get(i), a.instance(), a.attempts(), status + " " + minutes.get(i) + " min");
                acked.add(ids.get(i));
            } else {
                if (!fixture) {
                    journal.refused("record", ids.get(i), 200, item.path("problem").toString());
                }
            }
        }
        return acked;
    }

    /** Corrects one record of this virtual user (so no one else changes it): GET, then PUT with If-Match. */
    void correct(List<String> pr, int start, List<String> mine) {
        if (mine.isEmpty()) {
            return;
        }
        String id = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
        int target = 10 + ThreadLocalRandom.current().nextInt(110);
        for (int round = 0; round < 20; round++) {
            Api.Answer got = api.call(pr, start + round, "GET", "/api/v1/service-records/" + id, phoneToken, null, null, null,
                    Api::transientFailure);
            if (!got.ok()) {
                record(got, "correction-read", id);
                return;
            }
            if (round > 0 && got.body().path("durationMinutes").asInt() == target) {
                // the earlier PUT was applied but its answer lost: the read is the acknowledgement
                journal.correctionsAckedByRead.incrementAndGet();
                journal.records.put(id, new int[] {target, got.body().path("revision").asInt()});
                journal.ack("correction", id, got.instance(), round + 1, "applied, seen by read; " + target + " min");
                return;
            }
            ObjectNode c = (ObjectNode) got.body().deepCopy();
            for (String f : List.of("id", "revision", "stationId", "stationRegionCode", "recordedBy", "recordedAt", "updatedAt")) {
                c.remove(f);
            }
            c.put("durationMinutes", target);
            Api.Answer put = api.call(pr, start + round, "PUT", "/api/v1/service-records/" + id, phoneToken, c, null, got.etag(),
                    Api::transientFailure);
            if (put.ok()) {
                journal.corrections.incrementAndGet();
                journal.records.put(id, new int[] {target, put.body().path("revision").asInt()});
                journal.ack("correction", id, put.instance(), put.attempts() + round, target + " min");
                return;
            }
            if (put.status() != 412) {
                record(put, "correction", id);
                return;
            }
        }
        journal.anomaly("correction of " + id + " still 412 after 20 rounds");
    }

    void createStation(List<String> st, int start) {
        int n = nextVillage.getAndIncrement();
        if (n >= TOWNSHIPS * VILLAGES_PER_TOWNSHIP) {
            return;
        }
        String v = village(n);
        String key = "rel-station-" + UUID.randomUUID();
        ObjectNode s = Api.JSON.createObjectNode().put("name", "测试村" + n + "社工室").put("level", "VILLAGE_ROOM")
                .put("regionCode", v).put("parentId", townshipStations.get(n / VILLAGES_PER_TOWNSHIP))
                .put("operationMode", "PURCHASED_SERVICE").put("agencyId", agency);
        journal.attempted.add(v);
        Api.Answer a = api.call(st, start, "POST", "/api/v1/stations", admin, s, key, null, Api::transientFailure);
        if (a.status() == 409 && a.attempts() > 1) {
            journal.anomaly("station at " + v + ": 409 on a retry under the same Idempotency-Key " + key + ": " + a.raw());
        }
        if (record(a, "station", v)) {
            String id = a.body().path("id").asText();
            journal.attempted.add(id);
            journal.stations.add(id);
            journal.ack("station", id, a.instance(), a.attempts(), v);
        }
    }

    void hrBatch(List<String> pe, int start) {
        ArrayNode items = Api.JSON.createArrayNode();
        List<String> exts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String ext = "HR-" + UUID.randomUUID().toString().substring(0, 8);
            exts.add(ext);
            journal.attempted.add(ext);
            items.addObject().put("externalId", ext).put("name", "批量社工" + ext.substring(3)).put("idNumber", idNumber())
                    .put("phone", "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)))
                    .put("education", "BACHELOR").put("socialWorkDegree", true).put("category", "STATION_FULL_TIME")
                    .put("post", "SOCIAL_WORKER").put("grade", 3).put("employedFrom", "2026-01-01");
        }
        ObjectNode body = Api.JSON.createObjectNode().put("agencyId", agency);
        body.set("items", items);
        Api.Answer a = api.call(pe, start, "POST", "/api/v1/workers/batch", admin, body.toString(), null, null, Api::transientFailure);
        if (!record(a, "hr-batch", String.join(",", exts))) {
            return;
        }
        for (JsonNode item : a.body().path("items")) {
            String status = item.path("status").asText();
            String ext = item.path("externalId").asText();
            if (status.equals("REJECTED")) {
                journal.refused("hr-batch-item", ext, 200, item.path("problem").toString());
                continue;
            }
            String id = item.path("workerId").asText();
            journal.attempted.add(id);
            journal.batchWorkers.put(ext, id);
            journal.ack("hr-batch-item", id, a.instance(), a.attempts(), ext + " " + status);
        }
    }

    /** One virtual user until {@link #stop}: a weighted mix of the writes, spread over both instances. */
    void virtualUser(int vu) {
        List<String> st = bases("stations");
        List<String> pe = bases("personnel");
        List<String> pr = bases("projects");
        List<String> mine = new ArrayList<>();
        int op = vu;
        while (!stop) {
            op++;
            int start = op + vu;
            int pick = ThreadLocalRandom.current().nextInt(10);
            if (pick < 4) {
                // this user's own records: only it corrects them, so the expected minutes are exact
                mine.addAll(sync(pr, start, 5, false));
            } else if (pick < 6) {
                correct(pr, start, mine);
            } else if (pick < 7) {
                createStation(st, start);
            } else if (pick < 8) {
                createWorker(pe, start, false);
            } else {
                hrBatch(pe, start);
            }
            Api.sleep(100 + ThreadLocalRandom.current().nextInt(200));
        }
    }

}
