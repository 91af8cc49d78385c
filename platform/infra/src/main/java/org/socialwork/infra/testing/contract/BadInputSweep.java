package org.socialwork.infra.testing.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.socialwork.infra.testing.contract.OpenApiOperations.Operation;
import org.socialwork.infra.testing.contract.OpenApiOperations.Parameter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bad-input suite: for every operation of a service's live OpenAPI document it generates
 * malformed, wrong-typed, missing, oversize, unknown-field, bad-path, bad-query, bad-token and
 * bad-Content-Type requests, and checks that each is answered without a 5xx, that every 4xx is an
 * RFC 9457 problem with a type (naming the field where a field is wrong), and that the database
 * holds exactly the rows it held before. Nothing is listed by hand: an operation added to a
 * service is swept the next time the suite runs. Every operation needs a bearer token except those
 * under {@code /public/}, the open-data disclosures.
 */
public final class BadInputSweep {

    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> SERVER_MANAGED = Set.of("id", "version", "createdAt", "updatedAt");

    /** What the sweep sent and found. */
    public record Result(int operations, int requests, Map<Integer, Integer> statuses, List<String> failures) {

        public String summary() {
            return operations + " operations, " + requests + " requests, statuses " + statuses + ", "
                    + failures.size() + " failures";
        }
    }

    private final String baseUrl;
    private final Function<Operation, String> token;
    private final DatabaseRows rows;
    private final long maxJsonBody;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    /**
     * @param baseUrl     the running service, e.g. {@code http://localhost:8081}
     * @param token       the bearer token to send for an operation: one whose role may call it, so
     *                    that the request reaches the reading of its input
     * @param rows        the service's schema, counted before and after each operation's requests
     * @param maxJsonBody the JSON body limit the service is configured with
     */
    public BadInputSweep(String baseUrl, Function<Operation, String> token, DatabaseRows rows, long maxJsonBody) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.rows = rows;
        this.maxJsonBody = maxJsonBody;
    }

    public Result run() {
        OpenApiOperations document = OpenApiOperations.fetch(baseUrl);
        List<Operation> operations = document.operations();
        for (Operation operation : operations) {
            Map<String, Long> before = rows.count();
            sweep(document, operation);
            List<String> changed = DatabaseRows.changes(before, rows.count());
            if (!changed.isEmpty()) {
                failures.add(operation + ": refused requests changed the database: " + changed);
            }
        }
        return new Result(operations.size(), requests, Map.copyOf(statuses), List.copyOf(failures));
    }

    /** Writes the result where the build keeps its reports, for the closing note and for CI logs. */
    public static void record(Result result, String service) {
        try {
            Path dir = Path.of("target", "contract-suites");
            Files.createDirectories(dir);
            StringBuilder text = new StringBuilder(service + " bad-input sweep: " + result.summary() + "\n");
            result.failures().forEach(f -> text.append("FAIL ").append(f).append('\n'));
            Files.writeString(dir.resolve("bad-input.txt"), text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sweep(OpenApiOperations document, Operation operation) {
        String bearer = "Bearer " + token.apply(operation);
        Map<String, String> goodPath = new LinkedHashMap<>();
        operation.in("path").forEach(p -> goodPath.put(p.name(), Values.valid(p.schema())));
        Map<String, String> goodQuery = new LinkedHashMap<>();
        operation.in("query").stream().filter(Parameter::required).forEach(p -> goodQuery.put(p.name(), Values.valid(p.schema())));
        String url = url(operation, goodPath, goodQuery);
        byte[] someBody = operation.takesJson() ? "{}".getBytes(StandardCharsets.UTF_8) : null;
        Map<String, String> json = operation.takesJson() ? Map.of("Content-Type", "application/json") : Map.of();

        if (operation.path().contains("/public/")) {
            sweepInputs(document, operation, bearer, goodPath, goodQuery, url, someBody, json);
            return;
        }
        check(operation, "no token", new Http.Request(operation.method(), url, json, someBody, false), Set.of(401), null);
        check(operation, "forged token", new Http.Request(operation.method(), url,
                with(json, "Authorization", forged(bearer)), someBody, false), Set.of(401), null);
        check(operation, "not a bearer token", new Http.Request(operation.method(), url,
                with(json, "Authorization", "Basic YWRtaW46YWRtaW4="), someBody, false), Set.of(401), null);

        sweepInputs(document, operation, bearer, goodPath, goodQuery, url, someBody, json);
    }

    private void sweepInputs(OpenApiOperations document, Operation operation, String bearer, Map<String, String> goodPath,
            Map<String, String> goodQuery, String url, byte[] someBody, Map<String, String> json) {
        Map<String, String> authorized = with(json, "Authorization", bearer);
        for (Parameter parameter : operation.in("query")) {
            for (Values.Bad bad : Values.badParameterValues(parameter.schema())) {
                Map<String, String> query = new LinkedHashMap<>(goodQuery);
                query.put(parameter.name(), bad.value());
                check(operation, "query " + parameter.name() + ": " + bad.why(),
                        new Http.Request(operation.method(), url(operation, goodPath, query), authorized, someBody, false),
                        Set.of(400), parameter.name());
            }
            Map<String, String> query = new LinkedHashMap<>(goodQuery);
            query.put(parameter.name(), "\u0000'\";--" + "𠀀".repeat(200));
            check(operation, "query " + parameter.name() + ": control characters, quotes and 800 bytes of text",
                    new Http.Request(operation.method(), url(operation, goodPath, query), authorized, someBody, false),
                    Set.of(), null);
        }
        for (Parameter parameter : operation.in("path")) {
            List<String> values = new ArrayList<>(List.of("%20", "x".repeat(300), "..%2F..%2Fetc", "%E2%80%AE"));
            if ("uuid".equals(parameter.schema().path("format").asText())) {
                values.add("not-a-uuid");
            }
            for (String value : values) {
                Map<String, String> path = new LinkedHashMap<>(goodPath);
                path.put(parameter.name(), value);
                check(operation, "path " + parameter.name() + " = " + abbreviate(value),
                        new Http.Request(operation.method(), url(operation, path, goodQuery), authorized, someBody, false),
                        Set.of(400, 404), null);
            }
        }
        if (operation.takesJson()) {
            bodies(document, operation, url, bearer);
        } else if (!operation.bodyMediaTypes().isEmpty()) {
            String type = operation.bodyMediaTypes().iterator().next();
            check(operation, "a body without Content-Type", new Http.Request(operation.method(), url,
                    Map.of("Authorization", bearer), "garbage".getBytes(StandardCharsets.UTF_8), false), Set.of(415), null);
            check(operation, "a binary body declared as " + type, new Http.Request(operation.method(), url,
                    Map.of("Authorization", bearer, "Content-Type", type), new byte[] {0, (byte) 0xff, (byte) 0xfe, 0x1b, 0}, false),
                    Set.of(), null);
        }
    }

    private void bodies(OpenApiOperations document, Operation operation, String url, String bearer) {
        Map<String, String> auth = Map.of("Authorization", bearer);
        Map<String, String> json = Map.of("Authorization", bearer, "Content-Type", "application/json");
        JsonNode schema = operation.bodySchema();
        JsonNode properties = schema.path("properties");
        String first = properties.fieldNames().hasNext() ? properties.fieldNames().next() : "items";

        check(operation, "no Content-Type", new Http.Request(operation.method(), url, auth, bytes("{}"), false), Set.of(415), null);
        check(operation, "text/plain", new Http.Request(operation.method(), url,
                with(auth, "Content-Type", "text/plain"), bytes("{}"), false), Set.of(415), null);
        check(operation, "application/xml", new Http.Request(operation.method(), url,
                with(auth, "Content-Type", "application/xml"), bytes("<a/>"), false), Set.of(415), null);
        boolean objectBody = "object".equals(OpenApiOperations.type(schema));
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("malformed JSON", "{\"" + first + "\":");
        shapes.put("an empty body", "");
        shapes.put("the literal null", "null");
        shapes.put("trailing content", "{} {}");
        shapes.put("deep nesting", "{\"" + first + "\":" + "[".repeat(200) + "]".repeat(200) + "}");
        if (objectBody) {
            shapes.put("an array for the object", "[{}]");
            shapes.put("a string for the object", "\"text\"");
            shapes.put("a number for the object", "42");
        }
        shapes.forEach((why, body) -> check(operation, why, new Http.Request(operation.method(), url, json, bytes(body), false),
                Set.of(400), null));
        if (!objectBody) {
            return;
        }
        check(operation, "an unknown field", new Http.Request(operation.method(), url, json,
                bytes("{\"zzUnknownField\":1}"), false), Set.of(400), "zzUnknownField");
        for (String managed : SERVER_MANAGED) {
            if (!properties.has(managed)) {
                check(operation, "server-managed field " + managed, new Http.Request(operation.method(), url, json,
                        bytes("{\"" + managed + "\":\"" + UUID.randomUUID() + "\"}"), false), Set.of(400), managed);
            }
        }
        JsonNode required = schema.path("required");
        if (required.isArray() && required.size() > 0) {
            check(operation, "required fields missing", new Http.Request(operation.method(), url, json, bytes("{}"), false),
                    Set.of(400), required.get(0).asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode propertySchema = document.resolve(property.getValue());
            if (propertySchema.path("readOnly").asBoolean(false)) {
                continue;
            }
            for (Values.Bad bad : Values.wrongJson(propertySchema)) {
                check(operation, property.getKey() + ": " + bad.why(), new Http.Request(operation.method(), url, json,
                        bytes("{\"" + property.getKey() + "\":" + bad.value() + "}"), false), Set.of(400), property.getKey());
            }
        }
        Http.Request head = new Http.Request(operation.method(), url, json, null, false);
        Http.Response response = Http.sendHeadOnly(head, maxJsonBody + 1);
        record(operation, "a JSON body above the limit, announced by Content-Length", head, response, Set.of(413), null);
        Http.Request huge = new Http.Request(operation.method(), url, json, null, false);
        record(operation, "a 70 MB body", huge, Http.sendHeadOnly(huge, 70L * 1024 * 1024), Set.of(413), null);
    }

    private void check(Operation operation, String what, Http.Request request, Set<Integer> expected, String field) {
        record(operation, what, request, Http.send(request), expected, field);
    }

    private void record(Operation operation, String what, Http.Request request, Http.Response response,
            Set<Integer> expected, String field) {
        requests++;
        statuses.merge(response.status(), 1, Integer::sum);
        List<String> wrong = new ArrayList<>();
        if (response.status() < 100) {
            wrong.add(response.body());
        } else if (response.status() >= 500) {
            wrong.add("answered " + response.status());
        } else {
            if (!expected.isEmpty() && !expected.contains(response.status())) {
                wrong.add("answered " + response.status() + ", expected " + expected);
            }
            if (response.status() >= 400) {
                wrong.addAll(problemDefects(response, field));
            } else if (!expected.isEmpty()) {
                wrong.add("was accepted");
            }
        }
        if (!wrong.isEmpty()) {
            failures.add(operation + " [" + what + "] " + String.join("; ", wrong) + " — " + request.describe()
                    + " → " + abbreviate(response.body()));
        }
    }

    /** What is missing from a 4xx answer for it to be a problem a client can act on. */
    static List<String> problemDefects(Http.Response response, String field) {
        List<String> wrong = new ArrayList<>();
        if (!response.contentType().startsWith(PROBLEM)) {
            wrong.add("a " + response.status() + " without a problem body (Content-Type '" + response.contentType() + "')");
            return wrong;
        }
        JsonNode problem = response.json();
        if (problem == null || !problem.path("type").asText().startsWith("urn:socialwork:problem:")) {
            wrong.add("a problem without a type");
            return wrong;
        }
        if (problem.path("status").asInt() != response.status()) {
            wrong.add("problem status " + problem.path("status") + " differs from " + response.status());
        }
        if (field != null && response.status() == 400) {
            Set<String> fields = new HashSet<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            boolean named = fields.stream().anyMatch(f -> f.equals(field) || f.startsWith(field + ".") || f.startsWith(field + "["));
            if (!named) {
                wrong.add("the problem does not name field " + field + " (errors: " + fields + ")");
            }
        }
        return wrong;
    }

    private String url(Operation operation, Map<String, String> path, Map<String, String> query) {
        String filled = operation.path();
        for (var entry : path.entrySet()) {
            filled = filled.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        StringBuilder url = new StringBuilder(baseUrl).append(filled);
        char separator = '?';
        for (var entry : query.entrySet()) {
            url.append(separator).append(java.net.URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    private static String forged(String bearer) {
        String token = bearer.substring("Bearer ".length());
        int dot = token.lastIndexOf('.');
        String signature = token.substring(dot + 1);
        char flipped = signature.charAt(signature.length() / 2) == 'A' ? 'B' : 'A';
        return "Bearer " + token.substring(0, dot + 1) + signature.substring(0, signature.length() / 2) + flipped
                + signature.substring(signature.length() / 2 + 1);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
