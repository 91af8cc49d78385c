package org.socialwork.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service must do once started on real infrastructure: be ready only with its database
 * and broker up, and serve its OpenAPI document and Swagger UI. Extend it in a {@code @QuarkusTest}.
 */
public abstract class ServiceSmokeTests {

    @Test
    void readyWithItsDatabaseAndBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }

    @Test
    void servesItsOpenApiDocumentAndSwaggerUi() {
        String application = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo(application));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
