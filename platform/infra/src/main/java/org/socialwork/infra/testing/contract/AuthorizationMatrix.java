package org.socialwork.infra.testing.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.socialwork.infra.testing.contract.OpenApiOperations.Operation;
import org.socialwork.infra.testing.contract.OpenApiOperations.Parameter;

/**
 * The authorization matrix: every operation of a service's live OpenAPI document, called by every
 * role, on an object inside and an object outside the caller's scope. The expected access of each
 * role lives in one table ({@link Rules}) in the service's test, beside the role descriptions of
 * the README; an operation without a row fails the build, so a new endpoint cannot ship without a
 * decision about who may call it.
 * <ul>
 * <li>a single-object read the role may not make, or of an object outside its scope: 404, exactly
 * as for a missing object;</li>
 * <li>a write the role may not make: 403, before the body is read;</li>
 * <li>a list or export the role may not use: 403; one it may use never holds a row outside its
 * scope;</li>
 * <li>no answer to a caller without {@code personal-data} contains an unmasked ID number or phone.</li>
 * </ul>
 */
public final class AuthorizationMatrix {

    /** The roles of DESIGN.md §7, in the order of the table's columns. */
    public static final List<String> ROLES = List.of("platform-admin", "bureau-admin", "bureau-viewer", "agency-admin",
            "field-worker", "evaluator", "dashboard");

    /** What a role may do with an operation. */
    public enum Access {
        /** May call it, for objects in its scope: in-scope reads answer 2xx, out-of-scope reads 404. */
        SCOPED('y'),
        /** May call it, and the answer does not depend on scope (national reference data). */
        ANY('g'),
        /** May not call it. */
        NONE('-');

        final char mark;

        Access(char mark) {
            this.mark = mark;
        }

        static Access of(char mark) {
            for (Access access : values()) {
                if (access.mark == mark) {
                    return access;
                }
            }
            throw new IllegalArgumentException("unknown access mark '" + mark + "': use y, g or -");
        }
    }

    /**
     * The table: one row per operation ({@code METHOD path}, as in the OpenAPI document), one mark
     * per role in {@link #ROLES} order. It is a Markdown table under the heading {@code ## <service>}
     * of {@code docs/authorization.md}, where the roles are described:
     * {@code | GET /api/v1/stations/{id} | g | y | y | y | y | y | - |}.
     */
    public static final class Rules {

        private final Map<String, List<Access>> rows = new LinkedHashMap<>();

        /** The table under {@code ## section} of a Markdown document. */
        public static Rules fromMarkdown(String markdown, String section) {
            Rules rules = new Rules();
            boolean inSection = false;
            for (String raw : markdown.split("\n")) {
                String line = raw.strip();
                if (line.startsWith("## ")) {
                    inSection = line.substring(3).strip().equals(section);
                    continue;
                }
                if (!inSection || !line.startsWith("|") || line.startsWith("|--") || line.startsWith("| operation")) {
                    continue;
                }
                String[] cells = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length()).split("\\|");
                if (cells.length != ROLES.size() + 1) {
                    throw new IllegalArgumentException("row '" + line + "' needs an operation and " + ROLES.size() + " marks");
                }
                String operation = cells[0].strip().replace("`", "");
                List<Access> access = new ArrayList<>();
                for (int i = 1; i < cells.length; i++) {
                    access.add(Access.of(cells[i].strip().charAt(0)));
                }
                if (rules.rows.put(operation, access) != null) {
                    throw new IllegalArgumentException("operation " + operation + " has two rows");
                }
            }
            if (rules.rows.isEmpty()) {
                throw new IllegalArgumentException("no table under '## " + section + "'");
            }
            return rules;
        }

        Access of(String operationId, String role) {
            return rows.get(operationId).get(ROLES.indexOf(role));
        }

        boolean has(String operationId) {
            return rows.containsKey(operationId);
        }

        Set<String> operations() {
            return rows.keySet();
        }
    }

    /** An object of the fixture, as its path parameter: one the callers may see and one they may not. */
    public record Objects(String inside, String outside) {
    }

    /** What the matrix sent and found. */
    public record Result(int operations, int requests, Map<Integer, Integer> statuses, List<String> failures) {

        public String summary() {
            return operations + " operations × " + ROLES.size() + " roles, " + requests + " requests, statuses " + statuses
                    + ", " + failures.size() + " failures";
        }
    }

    private final String baseUrl;
    private final Rules rules;
    private final Map<String, String> tokens;
    private final Map<String, Objects> objects;
    private final Map<String, String> query;
    private final Set<String> outsideMarkers;
    private final Set<String> personalData;
    private final DatabaseRows rows;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    /**
     * @param tokens         a bearer token per role of {@link #ROLES}, each scoped to the fixture's
     *                       "inside" (its region, agency, worker or evaluator)
     * @param objects        per path prefix up to a parameter (e.g. {@code /api/v1/stations/{id}}),
     *                       the object inside and the one outside the callers' scope
     * @param query          query parameter values, by name for every operation that has the parameter, or
     *                       by {@code METHOD path?name} for one operation only (a filter one operation
     *                       needs, e.g. an agency, would otherwise narrow every list to it)
     * @param outsideMarkers strings only an object outside the scope carries (its id, its name):
     *                       no list answer may contain one
     * @param personalData   unmasked ID numbers and phones of the fixture: no answer may contain one
     * @param rows           the service's tables: the refused writes must leave every count as it was
     */
    public AuthorizationMatrix(String baseUrl, Rules rules, Map<String, String> tokens, Map<String, Objects> objects,
            Map<String, String> query, Set<String> outsideMarkers, Set<String> personalData, DatabaseRows rows) {
        this.baseUrl = baseUrl;
        this.rules = rules;
        this.tokens = tokens;
        this.objects = objects;
        this.query = query;
        this.outsideMarkers = outsideMarkers;
        this.personalData = personalData;
        this.rows = rows;
        for (String role : ROLES) {
            if (!tokens.containsKey(role)) {
                throw new IllegalArgumentException("no token for role " + role);
            }
        }
    }

    public Result run() {
        List<Operation> operations = OpenApiOperations.fetch(baseUrl).operations();
        Map<String, Long> before = rows.count();
        Set<String> seen = new LinkedHashSet<>();
        for (Operation operation : operations) {
            seen.add(key(operation));
            if (!rules.has(key(operation))) {
                failures.add(operation + " has no row in the authorization table: decide which roles may call it");
                continue;
            }
            Map<String, String> inside = new LinkedHashMap<>();
            Map<String, String> outside = new LinkedHashMap<>();
            if (!pathObjects(operation, inside, outside)) {
                continue;
            }
            for (String role : ROLES) {
                call(operation, role, rules.of(key(operation), role), inside, outside);
            }
        }
        for (String operationId : rules.operations()) {
            if (!seen.contains(operationId)) {
                failures.add("the authorization table names " + operationId + ", which the OpenAPI document does not have");
            }
        }
        DatabaseRows.changes(before, rows.count())
                .forEach(change -> failures.add("a refused write or a read changed the database: " + change));
        return new Result(operations.size(), requests, Map.copyOf(statuses), List.copyOf(failures));
    }

    private static String key(Operation operation) {
        return operation.method() + " " + operation.path();
    }

    public static void record(Result result, String service) {
        try {
            Path dir = Path.of("target", "contract-suites");
            Files.createDirectories(dir);
            StringBuilder text = new StringBuilder(service + " authorization matrix: " + result.summary() + "\n");
            result.failures().forEach(f -> text.append("FAIL ").append(f).append('\n'));
            Files.writeString(dir.resolve("authorization.txt"), text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean pathObjects(Operation operation, Map<String, String> inside, Map<String, String> outside) {
        for (Parameter parameter : operation.in("path")) {
            String marker = "{" + parameter.name() + "}";
            String prefix = operation.path().substring(0, operation.path().indexOf(marker) + marker.length());
            Objects pair = objects.get(prefix);
            if (pair == null && parameter.schema().path("enum").size() > 0) {
                // An enumerated path segment (an export's format) is not an object: any of its values will do.
                String value = parameter.schema().path("enum").get(0).asText();
                pair = new Objects(value, value);
            }
            if (pair == null) {
                failures.add(operation + " needs a fixture object for " + prefix + " (inside and outside the callers' scope)");
                return false;
            }
            inside.put(parameter.name(), pair.inside());
            outside.put(parameter.name(), pair.outside());
        }
        return true;
    }

    private void call(Operation operation, String role, Access access, Map<String, String> inside, Map<String, String> outside) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + tokens.get(role));
        if (!operation.isRead()) {
            if (access == Access.NONE) {
                byte[] body = operation.takesJson() ? "{}".getBytes(StandardCharsets.UTF_8) : null;
                if (operation.takesJson()) {
                    headers.put("Content-Type", "application/json");
                } else if (!operation.bodyMediaTypes().isEmpty()) {
                    headers.put("Content-Type", operation.bodyMediaTypes().iterator().next());
                    body = new byte[0];
                }
                headers.put("If-Match", "\"0\"");
                // A role that may not even see the object is told nothing about it (404); otherwise 403.
                expect(operation, role, "a write without the role", new Http.Request(operation.method(),
                        url(operation, inside), headers, body, false), operation.namesAnObject() ? Set.of(403, 404) : Set.of(403));
            }
            return;
        }
        if (access == Access.NONE) {
            expect(operation, role, operation.namesAnObject() ? "a read of an object the role may not see" : "a list the role may not use",
                    new Http.Request("GET", url(operation, inside), headers, null, false), operation.namesAnObject() ? 404 : 403);
            return;
        }
        Http.Response answer = expect(operation, role, "a read inside the scope",
                new Http.Request("GET", url(operation, inside), headers, null, false), 200);
        if (answer != null && answer.status() == 200 && !operation.namesAnObject() && access == Access.SCOPED) {
            for (String marker : outsideMarkers) {
                if (answer.body().contains(marker)) {
                    failures.add(operation + " as " + role + ": the list holds an object outside the caller's scope ("
                            + marker + ")");
                }
            }
        }
        if (operation.namesAnObject()) {
            expect(operation, role, access == Access.ANY ? "a read of national data" : "a read outside the scope",
                    new Http.Request("GET", url(operation, outside), headers, null, false), access == Access.ANY ? 200 : 404);
        }
    }

    private Http.Response expect(Operation operation, String role, String what, Http.Request request, int status) {
        return expect(operation, role, what, request, Set.of(status));
    }

    private Http.Response expect(Operation operation, String role, String what, Http.Request request, Set<Integer> status) {
        Http.Response response = Http.send(request);
        requests++;
        statuses.merge(response.status(), 1, Integer::sum);
        List<String> wrong = new ArrayList<>();
        if (!status.contains(response.status())) {
            wrong.add("answered " + response.status() + ", expected " + status.stream().sorted().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(" or ")));
        }
        if (response.status() >= 400) {
            wrong.addAll(BadInputSweep.problemDefects(response, null));
        }
        if (!role.contains("personal-data")) {
            for (String secret : personalData) {
                if (response.body().contains(secret)) {
                    wrong.add("unmasked personal data in the answer");
                }
            }
        }
        if (!wrong.isEmpty()) {
            failures.add(operation + " as " + role + " [" + what + "] " + String.join("; ", wrong) + " — " + request.describe()
                    + " → " + (response.body().length() > 300 ? response.body().substring(0, 300) + "…" : response.body()));
        }
        return response;
    }

    private String url(Operation operation, Map<String, String> path) {
        String filled = operation.path();
        for (var entry : path.entrySet()) {
            filled = filled.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        StringBuilder url = new StringBuilder(baseUrl).append(filled);
        char separator = '?';
        for (Parameter parameter : operation.in("query")) {
            String value = query.getOrDefault(key(operation) + "?" + parameter.name(), query.get(parameter.name()));
            if (value == null && parameter.required()) {
                value = Values.valid(parameter.schema());
            }
            if (value != null) {
                url.append(separator).append(parameter.name()).append('=')
                        .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }
}
