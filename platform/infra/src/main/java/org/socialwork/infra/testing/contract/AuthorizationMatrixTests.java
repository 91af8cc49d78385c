package org.socialwork.infra.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/**
 * Runs the {@link AuthorizationMatrix} on a service started by {@code @QuarkusTest}, with the rules
 * of its section in {@code docs/authorization.md}. Extend it once per service and build the
 * fixture: one object inside the callers' scope and one outside, per path parameter.
 */
public abstract class AuthorizationMatrixTests {

    /** The rules document, beside the README's description of the roles. */
    static final Path RULES = Path.of("../docs/authorization.md");

    /** What the matrix runs on: tokens scoped to the inside objects, and the objects themselves. */
    public record Fixture(Map<String, String> tokens, Map<String, AuthorizationMatrix.Objects> objects,
            Map<String, String> query, Set<String> outsideMarkers, Set<String> personalData) {
    }

    /** Creates the objects (through the API or the service's events) and mints the tokens. */
    protected abstract Fixture fixture();

    @Test
    void everyOperationKeepsItsRolesAndScopes() throws IOException {
        Fixture fixture = fixture();
        DatabaseRows rows = DatabaseRows.ofApplication();
        BadInputSweepTests.awaitQuiet(rows);
        String application = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        AuthorizationMatrix.Rules rules = AuthorizationMatrix.Rules.fromMarkdown(
                Files.readString(RULES, StandardCharsets.UTF_8), application);
        AuthorizationMatrix.Result result = new AuthorizationMatrix("http://localhost:" + RestAssured.port, rules,
                fixture.tokens(), fixture.objects(), fixture.query(), fixture.outsideMarkers(), fixture.personalData(),
                rows).run();
        AuthorizationMatrix.record(result, application);
        System.out.println(application + " authorization matrix: " + result.summary());
        assertThat(result.operations()).as("operations in the OpenAPI document").isPositive();
        assertThat(result.failures()).as(result.summary()).isEmpty();
    }
}
