package org.socialwork.platform.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.platform.problem.ProblemType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The test app's document as {@link ContractFilter} leaves it: the shared contract on real operations. */
@QuarkusTest
class ContractFilterTest {

    private JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        return operation;
    }

    @Test
    void theDocumentNamesItsContactAndLicenceAndTheBearerScheme() {
        assertThat(document.at("/info/contact/name").asText()).contains("社工站");
        assertThat(document.at("/info/license/identifier").asText()).isEqualTo("Apache-2.0");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/schemas/Problem/properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "instance", "code", "errors");
    }

    @Test
    void aCreateWithABodyAndAnIdempotencyKeyListsTheErrorsThePlatformAnswers() {
        JsonNode responses = operation("/notes", "post").path("responses");
        assertThat(responses.fieldNames()).toIterable().contains("400", "401", "409", "413", "415", "422");
        assertThat(responses.fieldNames()).toIterable().doesNotContain("412", "428");
        for (String status : List.of("400", "401", "409", "413", "415", "422")) {
            JsonNode problem = responses.path(status).path("content").path("application/problem+json");
            assertThat(problem.at("/schema/$ref").asText()).as(status).isEqualTo("#/components/schemas/Problem");
            JsonNode example = problem.path("examples").elements().next().path("value");
            assertThat(example.path("status").asInt()).as(status).isEqualTo(Integer.parseInt(status));
            assertThat(example.path("type").asText()).as(status)
                    .isEqualTo(ProblemType.forStatus(Integer.parseInt(status)).uri());
        }
        assertThat(operation("/notes", "post").at("/security/0").fieldNames()).toIterable().containsExactly("bearer");
    }

    @Test
    void successResponsesDeclareTheHeadersThePlatformSets() {
        List<String> created = headers(operation("/notes", "post").path("responses"), "201");
        JsonNode update = operation("/notes/{id}", "put").path("responses");
        assertThat(created).contains("Location", "ETag", "Idempotent-Replayed");
        assertThat(update.fieldNames()).toIterable().contains("412", "428", "400", "401", "413", "415");
        assertThat(headers(update, "200")).contains("ETag");
        assertThat(document.at("/components/headers/ETag/description").asText()).contains("If-Match");
        assertThat(document.at("/components/headers/Link/description").asText()).contains("rel=\"next\"");
    }

    @Test
    void aReadWithoutParametersOrBodyGetsNoBadRequest() {
        JsonNode responses = operation("/notes/{id}", "get").path("responses");
        assertThat(responses.fieldNames()).toIterable().contains("400", "401").doesNotContain("413", "415", "412");
    }

    private static List<String> headers(JsonNode responses, String status) {
        List<String> names = new ArrayList<>();
        responses.path(status).path("headers").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
