package org.socialwork.stations.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.stations.station.StationFixtures.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The README's "Migrating a province" walk-through is real: its batch body, sent as the Tongxiang
 * bureau it names, answers exactly the lines the README prints, and so does the resend.
 */
@QuarkusTest
class StationBatchReadmeTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Test
    void theReadmeBatchAnswersWhatTheReadmeShows() throws Exception {
        StationFixtures.ensureRegions(dataSource);
        List<String> lines = Files.readAllLines(Path.of("../README.md"), StandardCharsets.UTF_8);
        int section = lines.indexOf("## Migrating a province");
        assertThat(section).as("README section").isPositive();
        int start = indexFrom(lines, section, "cat > /tmp/tongxiang.json <<'JSON'") + 1;
        int end = indexFrom(lines, start, "JSON");
        String body = String.join("\n", lines.subList(start, end));
        List<List<String>> expected = new ArrayList<>();
        for (int i = end; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
            if (lines.get(i).startsWith("curl ")) {
                expected.add(new ArrayList<>());
            } else if (lines.get(i).startsWith("#   ") && !expected.isEmpty()) {
                expected.get(expected.size() - 1).add(lines.get(i).substring(4));
            }
        }
        assertThat(expected).hasSize(2);

        String bureau = StationFixtures.bureauToken("bureau-admin", "330483");
        for (List<String> shown : expected) {
            String answer = as(bureau).header("Accept-Language", "en").body(body).post("/api/v1/stations/batch")
                    .then().statusCode(200).extract().asString();
            JsonNode result = mapper.readTree(answer);
            List<String> printed = new ArrayList<>();
            Map<String, Object> counts = new LinkedHashMap<>();
            for (String field : List.of("created", "updated", "unchanged", "refused")) {
                counts.put(field, result.get(field).asInt());
            }
            printed.add(mapper.writeValueAsString(counts));
            if (shown.size() > 1) {
                for (JsonNode item : result.get("items")) {
                    ObjectNode line = mapper.createObjectNode();
                    line.set("externalId", item.get("externalId"));
                    line.set("status", item.get("status"));
                    line.set("version", item.has("version") ? item.get("version") : null);
                    line.set("code", item.has("problem") ? item.get("problem").get("code") : null);
                    printed.add(mapper.writeValueAsString(line));
                }
            }
            assertThat(printed).containsExactlyElementsOf(shown);
        }
    }

    private static int indexFrom(List<String> lines, int from, String line) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals(line)) {
                return i;
            }
        }
        throw new AssertionError("README has no line '" + line + "' after line " + from);
    }
}
