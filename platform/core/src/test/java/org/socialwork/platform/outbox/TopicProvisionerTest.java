package org.socialwork.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.socialwork.infra.testing.TestInfrastructure;
import org.socialwork.infra.testing.TopicReader;
import org.socialwork.platform.Tokens;
import org.socialwork.platform.testapp.NoteResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TopicProvisionerTest {

    @Inject
    TopicProvisioner provisioner;

    private static String cleanupPolicy(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        }
    }

    @Test
    void entityTopicsAreCreatedCompactedAndOthersWithTheDeletePolicy() throws Exception {
        assertThat(provisioner.ensure(Set.of("platform-test.probe-entity.v1", "platform-test.probe-facts.v1"))).isTrue();
        assertThat(cleanupPolicy("platform-test.probe-entity.v1")).isEqualTo("compact");
        assertThat(cleanupPolicy("platform-test.probe-facts.v1")).isEqualTo("delete");
    }

    @Test
    void everyDeclaredEntityTopicExistsBeforeItsFirstEventSoConsumersNeverWaitOnAMissingTopic() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(cleanupPolicy("platform-test.never-published.v1")).isEqualTo("compact"));
    }

    @Test
    void theRelayPublishesEntitySnapshotsToACompactedTopic() throws Exception {
        String id = given().header("Authorization", Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body("{\"text\":\"compacted\",\"region\":\"4601\"}")
                .when().post("/notes").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TopicReader.read(NoteResource.TOPIC, r -> id.equals(r.key()), Duration.ofMillis(500)).isEmpty());
        assertThat(cleanupPolicy(NoteResource.TOPIC)).isEqualTo("compact");
    }
}
