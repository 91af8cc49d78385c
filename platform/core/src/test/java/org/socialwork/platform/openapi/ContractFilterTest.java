package org.socialwork.platform.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.platform.problem.ProblemType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.openapi.api.SmallRyeOpenAPI;

/**
 * The test app's document as {@link ContractFilter} leaves it: the shared contract on real operations
 * (NoteResource, and ContractShapeResource for the shapes the notes lack).
 */
@QuarkusTest
class ContractFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String raw;
    private JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        raw = given().queryParam("format", "json").get("/q/openapi").asString();
        document = JSON.readTree(raw);
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        return operation;
    }

    @Test
    void theDocumentNamesItsContactAndLicenceAndTheBearerScheme() {
        // the test app sets none of quarkus.smallrye-openapi.info-*: the filter fills them
        assertThat(document.at("/info/contact/name").asText()).isEqualTo(ContractFilter.CONTACT_NAME);
        assertThat(document.at("/info/contact/url").asText()).startsWith("https://");
        assertThat(document.at("/info/contact/email").asText()).contains("@");
        assertThat(document.at("/info/license/name").asText()).isEqualTo("Apache-2.0");
        assertThat(document.at("/info/license/url").asText()).isEqualTo(ContractFilter.LICENSE_URL);
        JsonNode bearer = document.at("/components/securitySchemes/bearer");
        assertThat(bearer.path("type").asText()).isEqualTo("http");
        assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asText()).isEqualTo("JWT");
        JsonNode problem = document.at("/components/schemas/Problem");
        assertThat(problem.path("properties").fieldNames()).toIterable()
                .containsExactly("type", "title", "status", "detail", "instance", "code", "errors");
        problem.path("properties").forEach(property -> assertThat(property.path("description").asText()).isNotBlank());
        assertThat(problem.at("/properties/errors/items/$ref").asText()).isEqualTo("#/components/schemas/ProblemFieldError");
        assertThat(document.at("/components/schemas/ProblemFieldError/properties").fieldNames()).toIterable()
                .containsExactly("field", "message");
    }

    @Test
    void everyOperationNamesTheBearerSchemeWithoutScopesAndItsRolesInTheDescription() {
        // the test app's resources are all @Authenticated or @RolesAllowed; another test's resource is open
        document.path("paths").properties().forEach(item -> item.getValue().forEach(operation -> {
            if (operation.has("responses") && (operation.has("security") || item.getKey().matches("/(notes|shapes|contract-shapes)\\b.*"))) {
                assertThat(operation.path("security").toString()).as(item.getKey()).isEqualTo("[{\"bearer\":[]}]");
            }
        }));
        assertThat(operation("/contract-shapes/{id}", "delete").path("description").asText())
                .endsWith("Roles: auditor, station-admin.");
        assertThat(operation("/notes", "post").path("description").asText()).doesNotContain("Roles:");
    }

    @Test
    void aCreateWithABodyAndAnIdempotencyKeyListsTheErrorsThePlatformAnswersWithTheirRealTypes() {
        JsonNode responses = operation("/notes", "post").path("responses");
        assertThat(responses.fieldNames()).toIterable().contains("400", "401", "409", "413", "415", "422")
                .doesNotContain("412", "428");
        assertProblem(responses, "400", ProblemType.VALIDATION);
        assertProblem(responses, "401", ProblemType.UNAUTHORIZED);
        assertProblem(responses, "409", ProblemType.IDEMPOTENCY_IN_PROGRESS);
        assertProblem(responses, "413", ProblemType.PAYLOAD_TOO_LARGE);
        assertProblem(responses, "415", ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertProblem(responses, "422", ProblemType.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void aStatusTheResourceDeclaresKeepsItsDescriptionAndGetsTheDomainAndThePlatformExample() {
        JsonNode responses = operation("/contract-shapes/claims", "post").path("responses");
        assertThat(responses.path("409").path("description").asText()).isEqualTo("The region already has a claim");
        assertProblem(responses, "409", ProblemType.CONFLICT, ProblemType.IDEMPOTENCY_IN_PROGRESS);
        assertProblem(responses, "422", ProblemType.IDEMPOTENCY_KEY_REUSED);
        assertThat(headers(responses, "201")).contains("Location", "ETag", "Idempotent-Replayed");
    }

    @Test
    void anIfMatchOperationListsThePreconditionsAndDeclaresTheETagOnlyWhereABodyCarriesIt() {
        JsonNode update = operation("/notes/{id}", "put").path("responses");
        assertThat(update.fieldNames()).toIterable().contains("400", "401", "412", "413", "415", "428")
                .doesNotContain("409", "422");
        assertProblem(update, "412", ProblemType.PRECONDITION_FAILED);
        assertProblem(update, "428", ProblemType.PRECONDITION_REQUIRED);
        assertThat(headers(update, "200")).containsExactly("ETag");

        JsonNode remove = operation("/contract-shapes/{id}", "delete").path("responses");
        assertThat(remove.fieldNames()).toIterable().contains("204", "400", "401", "412", "428")
                .doesNotContain("413", "415");
        assertThat(headers(remove, "204")).isEmpty();
        assertThat(document.at("/components/headers/ETag/description").asText()).contains("If-Match");
    }

    @Test
    void aVersionedReadDeclaresItsETagAndAPageItsLinkWhateverTheMethod() {
        JsonNode read = operation("/notes/{id}", "get").path("responses");
        assertThat(read.fieldNames()).toIterable().contains("400", "401").doesNotContain("412", "413", "415", "428");
        assertThat(headers(read, "200")).containsExactly("ETag");
        assertThat(headers(operation("/notes", "get").path("responses"), "200")).containsExactly("Link");
        assertThat(headers(operation("/contract-shapes/search", "post").path("responses"), "200")).containsExactly("Link");
        assertThat(document.at("/components/headers/Link/description").asText()).contains("rel=\"next\"");
    }

    @Test
    void aReadWithoutParametersGetsNoBadRequestAndTooManyOrUnavailableGetRetryAfter() {
        JsonNode busy = operation("/contract-shapes/busy", "get").path("responses");
        assertThat(busy.fieldNames()).toIterable().contains("200", "401", "429", "503").doesNotContain("400");
        assertThat(headers(busy, "200")).isEmpty();
        assertThat(headers(busy, "429")).containsExactly("Retry-After");
        assertThat(headers(busy, "503")).containsExactly("Retry-After");
        assertProblem(busy, "503", ProblemType.UNAVAILABLE);
        assertThat(busy.at("/503/content/application~1problem+json/examples/unavailable/value/detail").asText())
                .isEqualTo("The region index is being rebuilt");
    }

    @Test
    void everyHeaderIsDefinedOnceAndReferenced() {
        assertThat(document.at("/components/headers").fieldNames()).toIterable()
                .containsExactly("ETag", "Idempotent-Replayed", "Link", "Location", "Retry-After");
        document.path("paths").forEach(item -> item.forEach(operation -> operation.path("responses")
                .forEach(response -> response.path("headers").forEach(header -> assertThat(header.path("$ref").asText())
                        .startsWith("#/components/headers/")))));
    }

    @Test
    void runningTheFilterAgainOnTheFilteredDocumentChangesNothing() throws Exception {
        JsonNode once = document;
        JsonNode twice = JSON.readTree(refilter(raw));
        assertThat(twice).isEqualTo(once);
        assertThat(JSON.readTree(refilter(refilter(raw)))).isEqualTo(once);
    }

    private static String refilter(String json) {
        return SmallRyeOpenAPI.builder()
                .withCustomStaticFile(() -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                .enableModelReader(false).enableStandardStaticFiles(false).enableAnnotationScan(false)
                .enableStandardFilter(false).addFilter(new ContractFilter())
                .build().toJSON();
    }

    private static void assertProblem(JsonNode responses, String status, ProblemType... types) {
        JsonNode problem = responses.path(status).path("content").path("application/problem+json");
        assertThat(problem.at("/schema/$ref").asText()).as(status).isEqualTo("#/components/schemas/Problem");
        List<String> exampleTypes = new ArrayList<>();
        problem.path("examples").forEach(example -> {
            assertThat(example.at("/value/status").asInt()).as(status).isEqualTo(Integer.parseInt(status));
            assertThat(example.at("/value/title").asText()).as(status).doesNotStartWith("problem.");
            exampleTypes.add(example.at("/value/type").asText());
        });
        assertThat(exampleTypes).as(status).containsExactly(List.of(types).stream().map(ProblemType::uri).toArray(String[]::new));
    }

    private static List<String> headers(JsonNode responses, String status) {
        assertThat(responses.has(status)).as(status).isTrue();
        List<String> names = new ArrayList<>();
        responses.path(status).path("headers").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
