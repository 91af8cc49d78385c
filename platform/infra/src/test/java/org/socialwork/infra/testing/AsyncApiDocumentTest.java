package org.socialwork.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The document check on a small fixture (src/test/resources/events) that holds, and on copies of it
 * broken one way each: every way must be refused, naming the file and the place.
 */
class AsyncApiDocumentTest {

    private static final String UUID = "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

    @TempDir
    Path temp;

    Path events;

    @BeforeEach
    void copyTheFixture() throws Exception {
        events = temp.resolve("events");
        Path fixture = Path.of(AsyncApiDocumentTest.class.getClassLoader().getResource("events/asyncapi.yaml").toURI()).getParent();
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = events.resolve(fixture.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    /** The problems of the fixture with {@code change} made to its file {@code path} (undone after). */
    private List<String> problemsAfter(String path, UnaryOperator<String> change) {
        Path file = events.resolve(path);
        try {
            String before = Files.readString(file);
            String after = change.apply(before);
            assertThat(after).as("the change to %s", path).isNotEqualTo(before);
            Files.writeString(file, after, StandardCharsets.UTF_8);
            try {
                return AsyncApiDocument.inDirectory(events).problems();
            } finally {
                Files.writeString(file, before, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFixtureHoldsAndResolvesChannelToMessageToPayload() throws Exception {
        AsyncApiDocument document = AsyncApiDocument.inDirectory(events).requireValid();
        assertThat(document.addresses()).containsExactly("fixture.thing.v1", "fixture.fact.v1");
        assertThat(document.messageCount()).isEqualTo(3);
        assertThat(document.exampleFiles()).containsExactly("examples/fact-recorded.v1.json", "examples/thing-changed.v1.json");
        AsyncApiDocument.Message thing = document.channelAt("fixture.thing.v1").orElseThrow()
                .messageOfType("org.example.thing.changed.v1").orElseThrow();
        assertThat(thing.payloadLocation()).isEqualTo("schemas/thing-changed.v1.schema.json");
        ObjectMapper json = new ObjectMapper();
        assertThat(thing.payloadProblems(json.readTree("{\"id\":\"" + UUID + "\",\"version\":1,\"size\":\"SMALL\"}"))).isEmpty();
        assertThat(thing.payloadProblems(json.readTree("{\"id\":\"not-a-uuid\",\"version\":1,\"size\":\"HUGE\","
                + "\"phone\":\"13800000000\"}"))).as("format, $defs enum and additionalProperties").hasSize(3);
        assertThat(thing.headersProblems(json.readTree("{\"ce_specversion\":\"1.0\",\"ce_id\":\"" + UUID + "\","
                + "\"ce_source\":\"urn:example:fixture\",\"ce_type\":\"org.example.thing.changed.v1\",\"ce_subject\":\"" + UUID
                + "\",\"ce_time\":\"2024-06-18T08:40:12Z\"}"))).isEmpty();
        assertThat(thing.headersProblems(json.readTree("{\"ce_specversion\":\"0.3\"}"))).isNotEmpty();
        assertThat(document.channelAt("fixture.thing.v1").orElseThrow().messageOfType("org.example.fact.recorded.v1"))
                .as("a type of another channel").isEmpty();
    }

    @Test
    void aDocumentThatIsNotYamlIsRefused() {
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace("title: contract-check fixture",
                "title: contract: check fixture")))
                .singleElement().asString().contains("events/asyncapi.yaml").contains("is not valid YAML");
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace("  version: 1.0.0", "  version: 1.0.0\n  version: 2.0.0")))
                .as("a duplicate key").singleElement().asString().contains("is not valid YAML").contains("version");
    }

    @Test
    void aDocumentThatBreaksTheAsyncApiSpecificationIsRefused() {
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace("action: send", "action: publish")))
                .anySatisfy(p -> assertThat(p).contains("events/asyncapi.yaml: not valid AsyncAPI 3.0.0")
                        .contains("publishThingChanged").contains("action"));
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace("address: fixture.thing.v1", "address: [fixture.thing.v1]")))
                .as("an address that is not a string")
                .anySatisfy(p -> assertThat(p).contains("not valid AsyncAPI 3.0.0").contains("thing").contains("address"));
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace("asyncapi: 3.0.0", "asyncapi: 9.9.9")))
                .singleElement().asString().contains("asyncapi.yaml#/asyncapi").contains("9.9.9");
    }

    @Test
    void aChannelWithoutAddressOrAMessageWithoutPayloadOrNameIsRefused() {
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace("    address: fixture.thing.v1\n", "")))
                .singleElement().asString().contains("asyncapi.yaml#/channels/thing").contains("no fixed address");
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace(
                "      payload:\n        $ref: 'schemas/thing-changed.v1.schema.json'\n", "")))
                .singleElement().asString().contains("asyncapi.yaml#/components/messages/thingChanged")
                .contains("has no payload");
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace("name: org.example.fact.corrected.v1",
                "name: org.example.fact.recorded.v1")))
                .singleElement().asString().contains("factCorrected").contains("name 'org.example.fact.recorded.v1' of another");
    }

    @Test
    void aReferenceToNothingIsRefused() {
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace("schemas/thing-changed.v1.schema.json",
                "schemas/thing-changed.v2.schema.json")))
                .singleElement().asString().contains("asyncapi.yaml#/components/messages/thingChanged/payload/$ref")
                .contains("thing-changed.v2.schema.json does not exist");
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace("$ref: '#/components/messages/thingChanged'",
                "$ref: '#/components/messages/thingRenamed'")))
                .singleElement().asString().contains("#/channels/thing/messages/thingChanged/$ref")
                .contains("nothing at '/components/messages/thingRenamed'");
        assertThat(problemsAfter("schemas/thing-changed.v1.schema.json", schema -> schema.replace("#/$defs/size", "#/$defs/sise")))
                .as("in a schema file the document reaches")
                .singleElement().asString().contains("thing-changed.v1.schema.json#/properties/size/$ref");
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace("'schemas/fact-recorded.v1.schema.json'",
                "'https://example.org/fact.json'")))
                .allSatisfy(p -> assertThat(p).contains("nothing is fetched")).hasSize(2);
    }

    @Test
    void anOperationSendingAMessageOfAnotherChannelIsRefused() {
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace("- $ref: '#/channels/thing/messages/thingChanged'",
                "- $ref: '#/channels/fact/messages/factRecorded'")))
                .singleElement().asString().contains("#/operations/publishThingChanged/messages/0");
    }

    @Test
    void anExampleThatBreaksItsMessagesSchemaIsRefused() {
        assertThat(problemsAfter("examples/thing-changed.v1.json", example -> example.replace("\"LARGE\"", "\"ENORMOUS\"")))
                .singleElement().asString().contains("examples/thing-changed.v1.json#")
                .contains("message 'thingChanged' of channel 'thing', example 0, payload does not match");
    }

    @Test
    void aMessageWithoutExampleAndAnExampleOfNoMessageAreRefused() throws Exception {
        String withExample = Files.readString(events.resolve("asyncapi.yaml"));
        assertThat(problemsAfter("asyncapi.yaml", yaml -> yaml.replace(
                "      examples:\n        - name: thing\n          payload:\n            $ref: 'examples/thing-changed.v1.json'\n", "")))
                .containsExactlyInAnyOrder(
                        events.resolve("asyncapi.yaml") + "#/components/messages/thingChanged: message 'thingChanged' of channel"
                                + " 'thing' has no example",
                        events.resolve("examples/thing-changed.v1.json") + ": is the example of no message");
        Files.writeString(events.resolve("asyncapi.yaml"), withExample.replace("$ref: 'examples/thing-changed.v1.json'",
                "$ref: 'examples/fact-recorded.v1.json'"));
        assertThatThrownBy(() -> AsyncApiDocument.inDirectory(events).requireValid()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not hold (").hasMessageContaining("is the example of no message")
                .hasMessageContaining("example 0, payload does not match");
    }
}
