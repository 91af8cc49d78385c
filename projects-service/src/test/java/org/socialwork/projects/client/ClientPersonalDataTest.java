package org.socialwork.projects.client;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.socialwork.projects.Fixtures.HAINING;
import static org.socialwork.projects.Fixtures.as;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.projects.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ClientPersonalDataTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void idNumbersAndPhonesAreEncryptedMaskedAndEveryUnmaskedReadIsAudited() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String idNumber = Fixtures.idNumber();
        Map<String, Object> body = Fixtures.clientBody(w, "张秀英", idNumber, "13812345678");
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        String id = as(worker).body(body).post("/api/v1/clients").then().statusCode(201)
                .body("idNumber", equalTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14)))
                .body("phone", equalTo("138****5678")).body("masked", equalTo(true))
                .body("requiredVisitsPerMonth", equalTo(2)).body("gender", org.hamcrest.Matchers.notNullValue())
                .extract().path("id");
        org.assertj.core.api.Assertions.assertThat(Fixtures.count(dataSource,
                "select count(*) from client where id = ? and id_number_enc not like ? and phone_enc not like ?",
                java.util.UUID.fromString(id), "%" + idNumber + "%", "%13812345678%")).isEqualTo(1);

        as(worker).get("/api/v1/clients/" + id).then().statusCode(200).body("phone", equalTo("138****5678"));
        String auditor = Fixtures.bureauWithPersonalData(HAINING);
        as(auditor).get("/api/v1/clients/" + id).then().statusCode(200).body("idNumber", equalTo(idNumber))
                .body("phone", equalTo("13812345678")).body("masked", equalTo(false));
        as(Fixtures.bureau(HAINING)).get("/api/v1/personal-data-access?subjectId=" + id).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].actor", equalTo("bureau-pd-" + HAINING))
                .body("[0].fields", equalTo("idNumber,phone"));
        as(worker).get("/api/v1/personal-data-access?subjectId=" + id).then().statusCode(403);

        // Lookup by ID number travels in the body; the same person cannot be registered twice.
        as(worker).body(Map.of("idNumber", idNumber)).post("/api/v1/clients/lookup").then().statusCode(200)
                .body("id", equalTo(id));
        as(Fixtures.fieldWorker(java.util.UUID.randomUUID())).body(Map.of("idNumber", idNumber))
                .post("/api/v1/clients/lookup").then().statusCode(404);
        as(worker).body(Fixtures.clientBody(w, "张秀英", idNumber, null)).post("/api/v1/clients").then().statusCode(409)
                .body("code", equalTo("client.id-number.taken"));
        String wrong = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        as(worker).body(Fixtures.clientBody(w, "李四", wrong, null)).post("/api/v1/clients").then().statusCode(400)
                .body("errors.field", hasItem("idNumber")).body("detail", not(org.hamcrest.Matchers.containsString(wrong)));

        // Scope: another county's bureau and a worker of another station see nothing.
        as(Fixtures.bureau(Fixtures.PINGHU)).get("/api/v1/clients/" + id).then().statusCode(404);
        as(Fixtures.fieldWorker(java.util.UUID.randomUUID())).get("/api/v1/clients/" + id).then().statusCode(404);
        as(Fixtures.agencyAdmin(w.agency())).get("/api/v1/clients?station=" + w.station()).then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void onePlanPerPersonIsChangedWithIfMatch() {
        Fixtures.World w = Fixtures.world(dataSource, 1);
        String id = Fixtures.createClient(w, "王桂兰");
        String token = Fixtures.fieldWorker(w.workers().get(0));
        Map<String, Object> update = new java.util.LinkedHashMap<>(Fixtures.clientBody(w, "王桂兰", null, null));
        update.remove("idNumber");
        update.put("requiredVisitsPerMonth", 4);
        update.put("riskLevel", "HIGH_RISK");
        update.put("status", "ACTIVE");
        update.put("plan", Map.of("goals", java.util.List.of("每周探访一次", "链接医疗资源"), "serviceItems",
                java.util.List.of("ELDERLY_CARE", "ELDERLY_VISIT"), "reviewOn",
                Fixtures.clock().today().plusMonths(6).toString()));
        as(token).body(update).put("/api/v1/clients/" + id).then().statusCode(428);
        as(token).header("If-Match", "\"0\"").body(update).put("/api/v1/clients/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("plan.goals.size()", equalTo(2)).body("riskLevel", equalTo("HIGH_RISK"));
        update.put("villageRegionCode", "330482001001");
        as(token).header("If-Match", "\"1\"").body(update).put("/api/v1/clients/" + id).then().statusCode(422)
                .body("code", equalTo("client.village.unknown"));
    }
}
