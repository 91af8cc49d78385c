package org.socialwork.platform.personaldata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.socialwork.platform.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PersonalDataAuditTest {

    @Inject
    EntityManager em;

    @Test
    void everyUnmaskedReadLeavesOneAuditRowAndMaskedReadsNone() {
        String admin = Tokens.platformAdmin();
        String id = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"text\":\"contact 13812345678\",\"region\":\"4501\"}")
                .when().post("/notes").then().statusCode(201).extract().path("id");

        given().header("Authorization", admin).when().get("/notes/" + id + "/contact")
                .then().statusCode(200).body("phone", equalTo("138****5678"));
        assertThat(auditRows(id)).isEmpty();

        String reader = Tokens.withRoles("case-manager-7", "platform-admin", "personal-data");
        given().header("Authorization", reader).queryParam("purpose", "home visit planning")
                .when().get("/notes/" + id + "/contact")
                .then().statusCode(200).body("phone", equalTo("13812345678"));
        List<Object[]> rows = auditRows(id);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).isEqualTo("case-manager-7");
        assertThat(rows.get(0)[1]).isEqualTo("phone");
        assertThat(rows.get(0)[2]).isEqualTo("home visit planning");
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> auditRows(String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select actor, fields, purpose from personal_data_access where subject_id = cast(?1 as uuid)")
                .setParameter(1, id).getResultList());
    }
}
