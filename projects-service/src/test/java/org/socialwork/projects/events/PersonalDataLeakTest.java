package org.socialwork.projects.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialwork.projects.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.projects.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** No client's name, ID number or phone reaches any topic this service writes, nor its log. */
@QuarkusTest
@Tag("clock")
class PersonalDataLeakTest {

    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])(\\+?86[- ]?)?1[3-9]\\d{9}(?![\\w-])");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![\\w-])\\d{17}[\\dXx](?![\\w-])");
    private static final List<String> TOPICS = List.of("projects.project.v1", "projects.client.v1", "projects.need.v1",
            "projects.evaluation.v1", "projects.service-record.v1");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void noClientPersonalDataOnAnyTopicOrInTheLog() throws Exception {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String name = "泄露检查" + UUID.randomUUID().toString().substring(0, 4);
        String idNumber = Fixtures.idNumber();
        String phone = "1370000" + String.format("%04d", (int) (Math.random() * 10000));
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        String client = as(worker).body(Fixtures.clientBody(w, name, idNumber, phone)).post("/api/v1/clients").then()
                .statusCode(201).extract().path("id");
        // Failures log too: a duplicate, a lookup, an unmasked read and a record with a note naming the client.
        as(worker).body(Fixtures.clientBody(w, name, idNumber, phone)).post("/api/v1/clients").then().statusCode(409);
        as(worker).body(Map.of("idNumber", idNumber)).post("/api/v1/clients/lookup").then().statusCode(200);
        as(Fixtures.bureauWithPersonalData(Fixtures.HAINING)).get("/api/v1/clients/" + client).then().statusCode(200);
        Map<String, Object> visit = Fixtures.visit(UUID.randomUUID(), w, client, clock.now().minusHours(3).toString());
        visit.put("notes", name + " 电话 " + phone);
        as(worker).body(visit).post("/api/v1/service-records").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> !TopicReader.read("projects.client.v1",
                r -> client.equals(r.key()), Duration.ofSeconds(1)).isEmpty());
        await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.count(dataSource,
                "select count(*) from outbox_event where sent_at is null") == 0);

        for (String topic : TOPICS) {
            for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(topic, Duration.ofSeconds(1))) {
                String text = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(PHONE.matcher(text).find()).as("phone-like text on %s: %s", topic, text).isFalse();
                assertThat(RESIDENT_ID.matcher(text).find()).as("ID-number-like text on %s: %s", topic, text).isFalse();
                assertThat(text).as(topic).doesNotContain(name, "张秀英", "王桂兰");
            }
        }
        String log = Files.readString(Path.of("target/projects-service-test.log"), StandardCharsets.UTF_8);
        assertThat(log).isNotEmpty().doesNotContain(idNumber, phone, name);
    }
}
