package org.socialwork.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The document check on a small fixture (src/test/resources/events) that holds, and on copies of it
 * broken one way each: every way must be refused, naming the file and the place.
 */
class AsyncApiDocumentTest {

    private static final List<String> FIXTURE = List.of("asyncapi.yaml", "schemas/thing-changed.v1.schema.json",
            "schemas/fact-recorded.v1.schema.json", "examples/thing-changed.v1.json", "examples/fact-recorded.v1.json");

    /** The fixture's files in memory, so that a test can break one. */
    private static final class MemoryFolder implements AsyncApiDocument.Folder {
        final Map<String, byte[]> files = new TreeMap<>();

        MemoryFolder() {
            for (String path : FIXTURE) {
                try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("events/" + path)) {
                    files.put(path, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        MemoryFolder with(String path, UnaryOperator<String> change) {
            files.put(path, change.apply(new String(files.get(path), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            return this;
        }

        @Override
        public Optional<byte[]> read(String path) {
            return Optional.ofNullable(files.get(path));
        }

        @Override
        public List<String> list(String path) {
            return files.keySet().stream().filter(p -> p.startsWith(path + "/")).map(p -> p.substring(path.length() + 1))
                    .filter(name -> !name.contains("/")).toList();
        }

        @Override
        public String describe(String path) {
            return "events/" + path;
        }
    }

    private static List<String> problems(MemoryFolder folder) {
        return AsyncApiDocument.read(folder).problems();
    }

    @Test
    void theFixtureHoldsAndResolvesChannelToMessageToPayload() throws Exception {
        AsyncApiDocument document = AsyncApiDocument.read(new MemoryFolder()).requireValid();
        assertThat(document.addresses()).containsExactly("fixture.thing.v1", "fixture.fact.v1");
        assertThat(document.exampleFiles()).containsExactlyInAnyOrder("examples/thing-changed.v1.json",
                "examples/fact-recorded.v1.json");
        AsyncApiDocument.Message thing = document.channelAt("fixture.thing.v1").orElseThrow()
                .messageOfType("org.example.thing.changed.v1").orElseThrow();
        ObjectMapper json = new ObjectMapper();
        assertThat(thing.payloadProblems(json.readTree("{\"id\":\"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\",\"version\":1,"
                + "\"size\":\"SMALL\"}"))).isEmpty();
        assertThat(thing.payloadProblems(json.readTree("{\"id\":\"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\",\"version\":1,"
                + "\"size\":\"HUGE\",\"phone\":\"13800000000\"}"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(document.channelAt("fixture.thing.v1").orElseThrow().messageOfType("org.example.fact.recorded.v1"))
                .as("a type of another channel").isEmpty();
    }

    @Test
    void aDocumentThatIsNotYamlIsRefused() {
        assertThat(problems(new MemoryFolder().with("asyncapi.yaml", yaml -> yaml.replace(
                "title: contract-check fixture", "title: contract: check fixture"))))
                .anySatisfy(p -> assertThat(p).contains("events/asyncapi.yaml").contains("YAML"));
    }

    @Test
    void aDocumentThatBreaksTheAsyncApiSpecificationIsRefused() {
        assertThat(problems(new MemoryFolder().with("asyncapi.yaml", yaml -> yaml.replace("action: send", "action: publish"))))
                .anySatisfy(p -> assertThat(p).contains("not valid AsyncAPI 3.0.0").contains("/operations/"));
    }

    @Test
    void aReferenceToNothingIsRefused() {
        assertThat(problems(new MemoryFolder().with("asyncapi.yaml", yaml -> yaml.replace(
                "schemas/thing-changed.v1.schema.json", "schemas/thing-changed.v2.schema.json"))))
                .anySatisfy(p -> assertThat(p).contains("thing-changed.v2.schema.json").contains("does not"));
        assertThat(problems(new MemoryFolder().with("asyncapi.yaml", yaml -> yaml.replace(
                "$ref: '#/components/messages/thingChanged'", "$ref: '#/components/messages/thingRenamed'"))))
                .anySatisfy(p -> assertThat(p).contains("thingRenamed"));
    }

    @Test
    void anExampleThatBreaksItsMessagesSchemaIsRefused() {
        assertThat(problems(new MemoryFolder().with("examples/thing-changed.v1.json", example -> example.replace(
                "\"LARGE\"", "\"ENORMOUS\""))))
                .anySatisfy(p -> assertThat(p).contains("examples/thing-changed.v1.json"));
    }

    @Test
    void anExampleOfNoMessageIsRefused() {
        MemoryFolder folder = new MemoryFolder();
        folder.files.put("examples/orphan-changed.v1.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(problems(folder)).anySatisfy(p -> assertThat(p).contains("orphan-changed.v1.json"));
        assertThatThrownBy(() -> AsyncApiDocument.read(folder).requireValid()).isInstanceOf(AssertionError.class);
    }
}
