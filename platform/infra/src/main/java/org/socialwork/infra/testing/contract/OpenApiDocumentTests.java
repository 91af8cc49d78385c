package org.socialwork.infra.testing.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.Validator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The live OpenAPI document is a contract integrators generate clients from: every operation has a
 * unique SDK-friendly operationId, a bilingual summary (English, then the Chinese term in
 * parentheses), a description and a tag described in both languages; every success response but
 * 204 has a schema; query filters are typed; JSON request bodies and the main single-object
 * responses carry examples, and the request examples are bodies the service itself accepts.
 * An operation added without these fails here. Extend it once per service ({@code @QuarkusTest})
 * and name the packages of its request records.
 */
public abstract class OpenApiDocumentTests {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z]+[A-Z][A-Za-z0-9]*");
    /** English, a space, then ASCII parentheses holding the Chinese term (full-width ones may nest inside). */
    private static final Pattern SUMMARY = Pattern.compile("[A-Z][^()]*[^ ()] \\([^()]*\\p{IsHan}[^()]*\\)");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** Query parameters that select one of a fixed set of values: they must declare the set. */
    private static final Set<String> ENUM_LIKE = Set.of("level", "status", "designation", "grade", "crs", "kind",
            "type", "category", "format", "state", "mode", "operationMode");
    /** Free-text query parameters, which need no type beyond string. */
    private static final Set<String> FREE_TEXT = Set.of("cursor", "q");
    /** The packages whose records are the service's request bodies (its own and the platform's it serves). */
    protected abstract List<String> dtoPackages();

    /**
     * Classes of those packages that nest request records (ReportRequests.Create is the schema
     * ReportCreateRequest): their records are found by the name their @Schema gives them.
     */
    protected List<Class<?>> dtoHolders() {
        return List.of();
    }

    private ObjectMapper mapper;
    private Validator validator;

    private JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        mapper = CDI.current().select(ObjectMapper.class).get();
        validator = CDI.current().select(Validator.class).get();
        String json = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        document = mapper.readTree(json);
    }

    @Test
    void everyOperationHasAUniqueOperationIdABilingualSummaryADescriptionAndATag() {
        List<String> wrong = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> tagDescriptions = new HashMap<>();
        document.path("tags").forEach(t -> tagDescriptions.put(t.path("name").asText(), t.path("description").asText("")));
        List<Op> operations = operations();
        assertThat(operations).as("operations in the document").hasSizeGreaterThanOrEqualTo(20);
        for (Op op : operations) {
            String id = op.node.path("operationId").asText("");
            if (!OPERATION_ID.matcher(id).matches()) {
                wrong.add(op + ": operationId '" + id + "' is not lowerCamel verb + noun");
            } else if (ids.containsKey(id)) {
                wrong.add(op + ": operationId " + id + " is also used by " + ids.get(id));
            }
            ids.put(id, op.toString());
            String summary = op.node.path("summary").asText("");
            if (!SUMMARY.matcher(summary).matches()) {
                wrong.add(op + ": summary '" + summary + "' is not 'English (中文)'");
            }
            if (op.node.path("description").asText("").isBlank()) {
                wrong.add(op + ": no description");
            }
            JsonNode tags = op.node.path("tags");
            if (tags.size() == 0) {
                wrong.add(op + ": no tag");
            }
            for (JsonNode tag : tags) {
                String description = tagDescriptions.get(tag.asText());
                if (description == null || description.isBlank() || !HAN.matcher(description).find()) {
                    wrong.add(op + ": tag '" + tag.asText() + "' has no bilingual description");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyOperationHasASuccessResponseAndEverySuccessButNoContentHasASchema() {
        List<String> wrong = new ArrayList<>();
        for (Op op : operations()) {
            JsonNode responses = op.node.path("responses");
            boolean success = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> response = it.next();
                String status = response.getKey();
                if (!status.startsWith("2")) {
                    if (response.getValue().path("description").asText("").isBlank()) {
                        wrong.add(op + ": response " + status + " has no description");
                    }
                    continue;
                }
                success = true;
                if (status.equals("204")) {
                    continue;
                }
                JsonNode content = response.getValue().path("content");
                if (content.size() == 0) {
                    wrong.add(op + ": response " + status + " has no content");
                }
                for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext();) {
                    Map.Entry<String, JsonNode> type = types.next();
                    JsonNode schema = type.getValue().path("schema");
                    if (!schema.isObject() || schema.size() == 0) {
                        wrong.add(op + ": response " + status + " " + type.getKey() + " has an empty schema");
                    }
                }
            }
            if (!success) {
                wrong.add(op + ": no 2xx response");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void queryParametersAreTypedAndEnumLikeOnesDeclareTheirValues() {
        List<String> wrong = new ArrayList<>();
        int enumLike = 0;
        for (Op op : operations()) {
            for (JsonNode parameter : op.node.path("parameters")) {
                String name = parameter.path("name").asText();
                if (parameter.path("description").asText("").isBlank()) {
                    wrong.add(op + ": parameter " + name + " has no description");
                }
                if (!"query".equals(parameter.path("in").asText())) {
                    continue;
                }
                JsonNode schema = resolve(parameter.path("schema"));
                if (ENUM_LIKE.contains(name)) {
                    enumLike++;
                    if (schema.path("enum").size() == 0) {
                        wrong.add(op + ": query " + name + " declares no enum (directly or by $ref)");
                    }
                    continue;
                }
                boolean plainString = "string".equals(schema.path("type").asText())
                        && !schema.has("enum") && !schema.has("format") && !schema.has("pattern") && !schema.has("maxLength");
                if (plainString && !FREE_TEXT.contains(name)) {
                    wrong.add(op + ": query " + name + " is an untyped string (give it an enum, format, pattern or length)");
                }
                if ("limit".equals(name) && !(schema.has("minimum") && schema.has("maximum"))) {
                    wrong.add(op + ": query limit has no minimum and maximum");
                }
            }
        }
        assertThat(enumLike).as("enum-like query parameters seen").isPositive();
        assertThat(wrong).isEmpty();
    }

    @Test
    void requestBodiesAndTheMainResponsesCarryExamplesTheServiceAccepts() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Op op : operations()) {
            JsonNode json = op.node.path("requestBody").path("content").path("application/json");
            if (!json.isMissingNode()) {
                if (json.path("examples").size() == 0) {
                    wrong.add(op + ": JSON request body without an example");
                }
                String ref = json.path("schema").path("$ref").asText("");
                Class<?> type = dto(ref.substring(ref.lastIndexOf('/') + 1));
                if (type == null) {
                    wrong.add(op + ": request body schema " + ref + " is not a record of the service");
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = json.path("examples").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> example = it.next();
                    try {
                        Object body = mapper.treeToValue(example.getValue().path("value"), type);
                        validator.validate(body).forEach(v -> wrong.add(op + ": example " + example.getKey() + ": "
                                + v.getPropertyPath() + " " + v.getMessage()));
                    } catch (Exception e) {
                        wrong.add(op + ": example " + example.getKey() + " is not a " + type.getSimpleName() + ": " + e.getMessage());
                    }
                }
            }
            String id = op.node.path("operationId").asText("");
            if (id.startsWith("get") || id.startsWith("create")) {
                boolean exampled = false;
                for (Iterator<Map.Entry<String, JsonNode>> it = op.node.path("responses").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> response = it.next();
                    if (response.getKey().startsWith("2")
                            && response.getValue().path("content").path("application/json").path("examples").size() > 0) {
                        exampled = true;
                    }
                }
                if (!exampled) {
                    wrong.add(op + ": the success response of a get or create has no example");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void modelNamesAreDistinctAndMeaningful() {
        List<String> names = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).as("schema names").isNotEmpty()
                .noneMatch(n -> n.matches(".*\\d$"))
                .doesNotContain("Kind", "Level", "Status", "Type");
    }

    private Class<?> dto(String simpleName) {
        for (String pkg : dtoPackages()) {
            try {
                return Class.forName(pkg + "." + simpleName);
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        for (Class<?> holder : dtoHolders()) {
            for (Class<?> nested : holder.getDeclaredClasses()) {
                Schema schema = nested.getAnnotation(Schema.class);
                if (nested.getSimpleName().equals(simpleName) || (schema != null && schema.name().equals(simpleName))) {
                    return nested;
                }
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private List<Op> operations() {
        List<Op> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Op(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), op.getValue()));
                }
            }
        }
        return operations;
    }

    private record Op(String method, String path, JsonNode node) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
