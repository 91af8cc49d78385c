package org.socialwork.personnel.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The live OpenAPI document is a contract integrators generate clients from: every operation has a
 * stable, unique operationId, a bilingual summary (English, then the Chinese term in parentheses), a
 * description, a tag described in both languages, a typed success answer, a 404 where it names an
 * object, documented parameters, typed enum filters and examples of its JSON bodies. An operation
 * added without them fails here.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Query parameters that filter by a closed set of values: each must carry an enum (or a $ref to one). */
    private static final Set<String> ENUM_LIKE = Set.of("status", "level", "qualificationLevel", "kind", "type",
            "category", "format", "state", "role");
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z]+[A-Z][a-zA-Z0-9]*");
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff]");
    private static final Pattern BILINGUAL_SUMMARY = Pattern.compile("\\S.* \\([^()]*[\\u3400-\\u9fff][^()]*\\)");

    private JsonNode document;

    @BeforeEach
    void readTheLiveDocument() {
        document = fetch();
    }

    private static JsonNode fetch() {
        String body = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString();
        try {
            return new ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One operation of the document, with where it sits. */
    private record Op(String method, String path, JsonNode node) {

        String key() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }

        List<JsonNode> parameters() {
            List<JsonNode> all = new ArrayList<>();
            node.path("parameters").forEach(all::add);
            return all;
        }
    }

    private List<Op> operations() {
        List<Op> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Op(op.getKey(), path.getKey(), op.getValue()));
                }
            }
        }
        return operations;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; current != null && current.has("$ref") && depth < 10; depth++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current == null || current.isMissingNode() ? null : current;
    }

    @Test
    void documentsEveryOperationOfTheService() {
        // The 41 operations of docs/authorization.md (personnel-service): none may fall out of the document.
        assertThat(operations()).hasSizeGreaterThanOrEqualTo(41);
    }

    @Test
    void everyOperationHasAUniqueLowerCamelOperationId() {
        List<String> failures = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Op op : operations()) {
            String id = op.node().path("operationId").asText("");
            if (!OPERATION_ID.matcher(id).matches()) {
                failures.add(op.key() + ": operationId '" + id + "' is not lowerCamel verb + noun");
            }
            String other = seen.put(id, op.key());
            if (other != null) {
                failures.add(op.key() + ": operationId '" + id + "' is also used by " + other);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyOperationHasABilingualSummaryADescriptionAndADescribedTag() {
        Map<String, String> tags = new HashMap<>();
        document.path("tags").forEach(t -> tags.put(t.path("name").asText(), t.path("description").asText("")));
        List<String> failures = new ArrayList<>();
        for (Op op : operations()) {
            String summary = op.node().path("summary").asText("");
            if (!BILINGUAL_SUMMARY.matcher(summary).matches()) {
                failures.add(op.key() + ": summary '" + summary + "' is not 'English (中文)'");
            }
            if (op.node().path("description").asText("").isBlank()) {
                failures.add(op.key() + ": no description");
            }
            if (op.node().path("tags").size() == 0) {
                failures.add(op.key() + ": no tag");
            }
            op.node().path("tags").forEach(tag -> {
                String description = tags.get(tag.asText());
                if (description == null || !CJK.matcher(description).find()) {
                    failures.add(op.key() + ": tag '" + tag.asText() + "' has no bilingual description");
                }
            });
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everySuccessAnswerIsTyped() {
        List<String> failures = new ArrayList<>();
        for (Op op : operations()) {
            JsonNode responses = op.node().path("responses");
            boolean success = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> response = it.next();
                if (!response.getKey().startsWith("2")) {
                    continue;
                }
                success = true;
                if (response.getKey().equals("204")) {
                    continue;
                }
                JsonNode content = response.getValue().path("content");
                if (content.size() == 0) {
                    failures.add(op.key() + ": " + response.getKey() + " has no content");
                }
                content.fields().forEachRemaining(media -> {
                    JsonNode schema = resolve(media.getValue().path("schema"));
                    if (schema == null || schema.isEmpty()) {
                        failures.add(op.key() + ": " + response.getKey() + " " + media.getKey() + " has an empty schema");
                    }
                });
            }
            if (!success) {
                failures.add(op.key() + ": no 2xx response");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theMainObjectsAnswersAndEveryJsonBodyCarryAnExample() {
        List<String> failures = new ArrayList<>();
        for (Op op : operations()) {
            op.node().path("requestBody").path("content").fields().forEachRemaining(media -> {
                if (media.getKey().contains("json") && media.getValue().path("examples").size() == 0
                        && !media.getValue().has("example")) {
                    failures.add(op.key() + ": the " + media.getKey() + " body has no example");
                }
            });
            boolean readOfOne = op.method().equals("get") && op.path().endsWith("}");
            List<String> codes = new ArrayList<>();
            if (readOfOne) {
                codes.add("200");
            }
            codes.add("201");
            for (String code : codes) {
                JsonNode json = op.node().path("responses").path(code).path("content").path("application/json");
                if (!json.isMissingNode() && json.path("examples").size() == 0 && !json.has("example")) {
                    failures.add(op.key() + ": the " + code + " answer has no example");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void parametersAreDescribedAndEnumFiltersTyped() {
        List<String> failures = new ArrayList<>();
        for (Op op : operations()) {
            boolean namesAnObject = false;
            for (JsonNode parameter : op.parameters()) {
                String name = parameter.path("name").asText();
                String in = parameter.path("in").asText();
                if (parameter.path("description").asText("").isBlank()) {
                    failures.add(op.key() + ": " + in + " parameter " + name + " has no description");
                }
                JsonNode schema = resolve(parameter.path("schema"));
                if ("path".equals(in)) {
                    namesAnObject |= schema == null || schema.path("enum").size() == 0;
                }
                if ("query".equals(in) && ENUM_LIKE.contains(name) && (schema == null || schema.path("enum").size() == 0)) {
                    failures.add(op.key() + ": query parameter " + name + " carries no enum");
                }
                if ("query".equals(in) && "limit".equals(name)
                        && (schema == null || !schema.has("minimum") || !schema.has("maximum"))) {
                    failures.add(op.key() + ": limit has no minimum and maximum");
                }
            }
            if (namesAnObject && !op.node().path("responses").has("404")) {
                failures.add(op.key() + ": names an object but documents no 404");
            }
            if (!op.node().path("responses").has("401")) {
                failures.add(op.key() + ": documents no 401");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void schemaNamesAreDistinctAndMeaningful() {
        List<String> failures = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (Character.isDigit(name.charAt(name.length() - 1))) {
                failures.add("schema " + name + " ends in a digit: two classes share a simple name");
            }
        });
        assertThat(failures).isEmpty();
    }
}
