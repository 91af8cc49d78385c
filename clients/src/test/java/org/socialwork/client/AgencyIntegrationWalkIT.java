package org.socialwork.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.socialwork.client.personnel.api.WebhooksApi;
import org.socialwork.client.personnel.api.WorkersApi;
import org.socialwork.client.personnel.model.Category;
import org.socialwork.client.personnel.model.Education;
import org.socialwork.client.personnel.model.WebhookRequest;
import org.socialwork.client.personnel.model.WebhookView;
import org.socialwork.client.personnel.model.WorkerBatchItem;
import org.socialwork.client.personnel.model.WorkerBatchRequest;
import org.socialwork.client.personnel.model.WorkerBatchResult;
import org.socialwork.client.projects.api.FieldAppApi;
import org.socialwork.client.projects.api.ProjectsApi;
import org.socialwork.client.projects.api.ServiceRecordsApi;
import org.socialwork.client.projects.model.BatchRequest;
import org.socialwork.client.projects.model.ServiceRecordBatchResult;
import org.socialwork.client.projects.model.ProjectView;
import org.socialwork.client.projects.model.RecordType;
import org.socialwork.client.projects.model.ServiceRecordRequest;
import org.socialwork.client.projects.model.SyncChanges;
import org.socialwork.client.reporting.api.DashboardsApi;
import org.socialwork.client.reporting.model.Network;
import org.socialwork.client.stations.ApiException;
import org.socialwork.client.stations.ApiResponse;
import org.socialwork.client.stations.api.AgenciesApi;
import org.socialwork.client.stations.api.RegionsApi;
import org.socialwork.client.stations.api.StationsApi;
import org.socialwork.client.stations.model.AgencyView;
import org.socialwork.client.stations.model.OperationMode;
import org.socialwork.client.stations.model.PageStationView;
import org.socialwork.client.stations.model.Problem;
import org.socialwork.client.stations.model.RegionView;
import org.socialwork.client.stations.model.StationCreateRequest;
import org.socialwork.client.stations.model.StationLevel;
import org.socialwork.client.stations.model.StationStatus;
import org.socialwork.client.stations.model.StationUpdateRequest;
import org.socialwork.client.stations.model.StationView;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * What an agency integrator does with the generated clients, and nothing else, against the running
 * local stack (deploy/local/up.sh): run by deploy/local/client-walk.sh, rerunnable on the same stack.
 */
class AgencyIntegrationWalkIT {

    private static final String HAINING = "330481";
    private static final String WORKER_CHANGED = "org.socialwork.worker.changed.v1";
    private static final String HOST = System.getProperty("walk.host", "127.0.0.1");
    private static final Path REPOSITORY = Path.of(System.getProperty("walk.repository", "..")).toAbsolutePath().normalize();

    private static String token(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(REPOSITORY.resolve("deploy/local/token.sh").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(false).start();
        String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("token.sh " + String.join(" ", arguments)).isZero();
        return token;
    }

    private static org.socialwork.client.stations.ApiClient stations(String token) {
        return new org.socialwork.client.stations.ApiClient().setHost(HOST).setPort(8081)
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    private static org.socialwork.client.personnel.ApiClient personnel(String token) {
        return new org.socialwork.client.personnel.ApiClient().setHost(HOST).setPort(8082)
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    private static org.socialwork.client.projects.ApiClient projects(String token) {
        return new org.socialwork.client.projects.ApiClient().setHost(HOST).setPort(8083)
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    private static org.socialwork.client.reporting.ApiClient reporting(String token) {
        return new org.socialwork.client.reporting.ApiClient().setHost(HOST).setPort(8084)
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    @Test
    void anAgencyIntegratorWalksThePlatformWithTheGeneratedClients() throws Exception {
        String bureau = token("--role", "bureau-admin", "--region", HAINING, "--subject", "client-walk");
        StationsApi stationsApi = new StationsApi(stations(bureau));

        // Haining's stations page by page: every page in the county, none twice, as many as one big page.
        List<StationView> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            PageStationView page = stationsApi.listStations(null, cursor, null, null, 5, null, HAINING, null, null);
            assertThat(page.getItems()).hasSizeLessThanOrEqualTo(5);
            paged.addAll(page.getItems());
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null);
        List<StationView> all = stationsApi.listStations(null, null, null, null, 200, null, HAINING, null, null).getItems();
        assertThat(pages).isGreaterThan(1);
        assertThat(paged).extracting(StationView::getId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(all.stream().map(StationView::getId).toList());
        assertThat(paged).allSatisfy(s -> assertThat(s.getRegionCode()).startsWith(HAINING));

        // A village room under an open township station, at a village that has none yet.
        Set<String> taken = new HashSet<>();
        all.forEach(s -> taken.add(s.getRegionCode()));
        StationView township = all.stream().filter(s -> s.getLevel() == StationLevel.TOWNSHIP_STATION)
                .filter(s -> s.getStatus() != StationStatus.CLOSED).findFirst().orElseThrow();
        RegionView village = new RegionsApi(stations(bureau)).listRegionChildren(township.getRegionCode(), null, null, 200)
                .getItems().stream().filter(r -> !taken.contains(r.getCode())).findFirst().orElseThrow();
        StationCreateRequest room = new StationCreateRequest().name(village.getName() + "社工室")
                .level(StationLevel.VILLAGE_ROOM).regionCode(village.getCode()).parentId(township.getId())
                .operationMode(OperationMode.GOVERNMENT_RUN);
        String key = UUID.randomUUID().toString();
        ApiResponse<StationView> created = stationsApi.createStationWithHttpInfo(room, key);
        ApiResponse<StationView> replayed = stationsApi.createStationWithHttpInfo(room, key);
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(replayed.getStatusCode()).isEqualTo(201);
        assertThat(replayed.getData().getId()).isEqualTo(created.getData().getId());
        assertThat(replayed.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThat(created.getHeaders().get("location").get(0)).endsWith("/api/v1/stations/" + created.getData().getId());

        // Updated with the ETag of the typed response; the old ETag then gets a typed 412 problem.
        String etag = created.getHeaders().get("etag").get(0);
        StationUpdateRequest change = new StationUpdateRequest().name(room.getName()).parentId(township.getId())
                .operationMode(OperationMode.GOVERNMENT_RUN).address("海宁市" + village.getName() + "村委会一楼");
        ApiResponse<StationView> updated = stationsApi.updateStationWithHttpInfo(created.getData().getId(), etag, change);
        assertThat(updated.getData().getVersion()).isEqualTo(created.getData().getVersion() + 1);
        assertThat(updated.getData().getAddress()).isEqualTo(change.getAddress());
        assertThat(updated.getHeaders().get("etag")).containsExactly("\"" + updated.getData().getVersion() + "\"");
        assertThatThrownBy(() -> stationsApi.updateStation(created.getData().getId(), etag, change))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(412);
                    Problem problem = readProblem(stations(bureau), e.getResponseBody());
                    assertThat(problem.getStatus()).isEqualTo(412);
                    assertThat(problem.getType()).hasToString("urn:socialwork:problem:precondition-failed");
                });

        // The agency's HR system upserts its workers in a batch; sent again, it changes nothing.
        String admin = token("--role", "platform-admin", "--subject", "client-walk");
        AgencyView agency = new AgenciesApi(stations(admin)).listAgencies(null, null, 200, HAINING, null, null).getItems()
                .stream().filter(a -> a.getName().contains("益民")).findFirst().orElseThrow();
        String agencyToken = token("--role", "agency-admin", "--agency", agency.getId().toString());
        String run = Long.toString(System.currentTimeMillis(), 36);
        WorkerBatchRequest batch = new WorkerBatchRequest().agencyId(agency.getId())
                .addItemsItem(worker("walk-" + run + "-1", "陆晓燕"))
                .addItemsItem(worker("walk-" + run + "-2", "沈建国"));
        WorkersApi workers = new WorkersApi(personnel(agencyToken));
        try (HookReceiver hooks = new HookReceiver()) {
            // The HR system also hears of its workers by webhook: subscribed with the secret shown once.
            WebhooksApi webhooks = new WebhooksApi(personnel(agencyToken));
            org.socialwork.client.personnel.ApiResponse<WebhookView> subscribed = webhooks.createWebhookWithHttpInfo(
                    new WebhookRequest().url(hooks.url()).addEventTypesItem(WORKER_CHANGED).description("益民人事系统（客户端演练）"));
            assertThat(subscribed.getStatusCode()).isEqualTo(201);
            String secret = subscribed.getData().getSecret();
            assertThat(secret).startsWith("whsec_");

            WorkerBatchResult first = workers.upsertWorkerBatch(batch);
            WorkerBatchResult again = workers.upsertWorkerBatch(batch);
            assertThat(first.getCreated()).as(first.toString()).isEqualTo(2);
            assertThat(again.getUnchanged()).as(again.toString()).isEqualTo(2);
            assertThat(again.getCreated()).isZero();

            // Each new worker arrives once as a signed CloudEvent naming it, without its name, ID number or phone.
            List<String> ids = first.getItems().stream().map(i -> i.getWorkerId().toString()).toList();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(hooks.workerIds()).containsAll(ids));
            for (HookReceiver.Delivery delivery : hooks.deliveries()) {
                assertThat(verifies(secret, delivery)).as("signature of delivery " + delivery.id()).isTrue();
                assertThat(delivery.body()).doesNotContain("陆晓燕", "沈建国", "idNumber", "\"phone\"");
            }
            assertThat(hooks.deliveries().stream().map(HookReceiver.Delivery::id)).doesNotHaveDuplicates();
            webhooks.deleteWebhook(subscribed.getData().getId(), subscribed.getHeaders().get("etag").get(0));
        }

        // A field worker's phone syncs a day's records of the demo project, once however often it is sent.
        ProjectView project = new ProjectsApi(projects(bureau)).listProjects(null, null, 200, HAINING, null, null)
                .getItems().stream().filter(p -> "HN-DEMO-SGZ-01".equals(p.getCode())).findFirst().orElseThrow();
        // The lead is the worker the demo assigned to the project's station; the rest of the team may
        // work at other stations, where a phone may not record.
        UUID fieldWorker = project.getTeam().stream().filter(m -> "PROJECT_LEAD".equals(m.getRole()))
                .findFirst().orElseThrow().getWorkerId();
        String phone = token("--role", "field-worker", "--worker", fieldWorker.toString());
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai"));
        OffsetDateTime occurredAt = now.minusSeconds(5).toLocalDate().equals(now.toLocalDate()) ? now.minusSeconds(5) : now;
        UUID recordId = UUID.randomUUID();
        BatchRequest day = new BatchRequest().addRecordsItem(new ServiceRecordRequest().id(recordId)
                .type(RecordType.GROUP_SESSION).occurredAt(occurredAt).durationMinutes(60).participantCount(12)
                .stationId(project.getStationIds().get(0)).projectId(project.getId()).addServiceItemsItem("ELDERLY_CARE"));
        ServiceRecordsApi records = new ServiceRecordsApi(projects(phone));
        ServiceRecordBatchResult sent = records.createServiceRecordBatch(day);
        ServiceRecordBatchResult resent = records.createServiceRecordBatch(day);
        assertThat(sent.getCreated()).as(sent.toString()).isEqualTo(1);
        assertThat(resent.getCreated()).isZero();
        assertThat(resent.getUnchanged()).isEqualTo(1);
        FieldAppApi field = new FieldAppApi(projects(phone));
        List<UUID> synced = new ArrayList<>();
        String syncCursor = null;
        SyncChanges changes;
        do {
            changes = field.listSyncChanges(syncCursor);
            changes.getRecords().forEach(r -> synced.add(r.getId()));
            syncCursor = changes.getCursor();
        } while (Boolean.TRUE.equals(changes.getMore()));
        assertThat(synced).contains(recordId).doesNotHaveDuplicates();

        // The county's dashboard, as a provincial dashboard reads it.
        String dashboard = token("--role", "dashboard", "--region", HAINING);
        Network network = new DashboardsApi(reporting(dashboard)).getNetworkDashboard(HAINING, null);
        assertThat(network.getRegion().getCode()).isEqualTo(HAINING);
        assertThat(network.getCoverage()).isNotNull();
    }

    /**
     * The receiver's side of a Standard Webhooks signature: HMAC-SHA256 with the secret's key over
     * "id.timestamp.body", base64, after "v1,".
     */
    private static boolean verifies(String secret, HookReceiver.Delivery delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
                .getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(("v1," + Base64.getEncoder().encodeToString(expected)).getBytes(StandardCharsets.UTF_8),
                delivery.signature().getBytes(StandardCharsets.UTF_8));
    }

    /** An agency's webhook endpoint on loopback: it keeps what it receives and answers 204. */
    private static final class HookReceiver implements AutoCloseable {

        record Delivery(String id, String timestamp, String signature, String body) {
        }

        private final HttpServer server;
        private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        private final ObjectMapper mapper = new ObjectMapper();

        HookReceiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(HOST, 0), 0);
            server.createContext("/hooks", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://" + HOST + ":" + server.getAddress().getPort() + "/hooks";
        }

        List<Delivery> deliveries() {
            return List.copyOf(deliveries);
        }

        List<String> workerIds() throws IOException {
            List<String> ids = new ArrayList<>();
            for (Delivery delivery : deliveries) {
                JsonNode event = mapper.readTree(delivery.body());
                if (WORKER_CHANGED.equals(event.path("type").asText())) {
                    ids.add(event.path("data").path("id").asText());
                }
            }
            return ids;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static WorkerBatchItem worker(String externalId, String name) {
        return new WorkerBatchItem().externalId(externalId).name(name).idNumber(residentId())
                .phone("139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)))
                .education(Education.BACHELOR).socialWorkDegree(true).category(Category.PROJECT_WORKER)
                .post("SOCIAL_WORKER").grade(5).employedFrom(LocalDate.of(2024, 3, 1));
    }

    /** A resident ID number of Haining with a valid check digit (GB 11643), born in the 1990s. */
    private static String residentId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = HAINING + (1990 + random.nextInt(10)) + String.format("%02d%02d", 1 + random.nextInt(12),
                1 + random.nextInt(28)) + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static Problem readProblem(org.socialwork.client.stations.ApiClient client, String body) {
        try {
            return client.getObjectMapper().readValue(body, Problem.class);
        } catch (IOException e) {
            throw new AssertionError("the 412 body is not a Problem: " + body, e);
        }
    }
}
