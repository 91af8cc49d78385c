package org.socialwork.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code SOCIALWORK_LOG_JSON=true} switches the console to one JSON object per record, for log
 * collectors (Loki, Elasticsearch, Alibaba Cloud SLS) in production.
 */
@QuarkusTest
@TestProfile(JsonConsoleLogTest.JsonLogs.class)
class JsonConsoleLogTest {

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("SOCIALWORK_LOG_JSON", "true");
        }
    }

    @Test
    void theConsoleWritesOneJsonObjectPerRecord() throws Exception {
        String line = ConsoleLog.line("站点已创建 station created");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode record = new ObjectMapper().readTree(line);
        assertThat(record.path("message").asText()).isEqualTo("站点已创建 station created");
        assertThat(record.path("level").asText()).isEqualTo("INFO");
        assertThat(record.path("loggerName").asText()).isEqualTo(ConsoleLog.LOGGER);
        assertThat(record.has("timestamp")).isTrue();
    }
}
