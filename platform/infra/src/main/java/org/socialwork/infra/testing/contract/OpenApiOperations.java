package org.socialwork.infra.testing.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations of a running service, read from its live OpenAPI document: what the contract
 * suites generate their requests from, so that an operation added tomorrow is covered without
 * anyone listing it.
 */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One parameter of an operation, with its schema ({@code $ref}s resolved). */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation: method, path template, id, parameters and the JSON body schema if it takes one. */
    public record Operation(String method, String path, String operationId, List<Parameter> parameters,
            JsonNode bodySchema, boolean bodyRequired, Set<String> bodyMediaTypes) {

        public boolean isRead() {
            return "GET".equals(method);
        }

        public boolean takesJson() {
            return bodySchema != null;
        }

        /**
         * True when the path names one object, false for a collection: it has a path parameter that
         * is not an enumeration (an export's file format names a representation, not an object).
         */
        public boolean namesAnObject() {
            return in("path").stream().anyMatch(p -> p.schema().path("enum").size() == 0);
        }

        public List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        public String id() {
            return operationId != null ? operationId : method + " " + path;
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + id() + ")";
        }
    }

    private final JsonNode document;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    /** Reads the document the service serves at {@code /q/openapi}. */
    public static OpenApiOperations fetch(String baseUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
            }
            return new OpenApiOperations(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            List<Parameter> shared = parameters(path.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode node = op.getValue();
                List<Parameter> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(node.path("parameters")));
                JsonNode content = node.path("requestBody").path("content");
                JsonNode jsonBody = null;
                Set<String> mediaTypes = new java.util.TreeSet<>();
                for (Iterator<String> types = content.fieldNames(); types.hasNext();) {
                    String type = types.next();
                    mediaTypes.add(type);
                    if (type.toLowerCase(Locale.ROOT).contains("json")) {
                        jsonBody = resolve(content.path(type).path("schema"));
                    }
                }
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        node.hasNonNull("operationId") ? node.get("operationId").asText() : null, parameters,
                        jsonBody, node.path("requestBody").path("required").asBoolean(false), mediaTypes));
            }
        }
        operations.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    private List<Parameter> parameters(JsonNode list) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode raw : list) {
            JsonNode p = resolve(raw);
            parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(false),
                    resolve(p.path("schema"))));
        }
        return parameters;
    }

    /**
     * The schema with {@code $ref}s resolved and {@code allOf} merged, so that generators see the
     * properties, types, enums, formats and bounds directly.
     */
    public JsonNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || schema.isNull() || depth > 12) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = document.at(ref.substring(1));
            return resolve(target, depth + 1);
        }
        if (schema.has("allOf")) {
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode resolved = resolve(part, depth + 1);
                resolved.fields().forEachRemaining(f -> {
                    if (f.getKey().equals("properties") && merged.has("properties")) {
                        ((ObjectNode) merged.get("properties")).setAll((ObjectNode) f.getValue());
                    } else {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
            }
            schema.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("allOf")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            return merged;
        }
        return schema;
    }

    /** The JSON type a schema declares ({@code type} may be a list in OpenAPI 3.1); null if none. */
    public static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return null;
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return null;
    }
}
