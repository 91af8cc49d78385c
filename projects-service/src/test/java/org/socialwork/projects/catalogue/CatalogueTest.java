package org.socialwork.projects.catalogue;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.socialwork.projects.Fixtures.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.projects.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@Tag("clock")
class CatalogueTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessClock clock;

    @Test
    void theSeededCatalogueIsExtendedByAPlatformAdminAndUsableAtOnce() {
        as(Fixtures.bureau(Fixtures.HAINING)).get("/api/v1/service-items").then().statusCode(200)
                .body("code", hasItem("ELDERLY_CARE")).body("find { it.code == 'CHILD_WELFARE' }.labelEn", equalTo("Child welfare"));
        String code = "HOSPICE_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');
        Map<String, Object> item = Map.of("code", code, "category", "ELDERLY", "labelZh", "安宁疗护", "labelEn", "Hospice care");
        as(Fixtures.bureau(Fixtures.HAINING)).body(item).post("/api/v1/service-items").then().statusCode(403);

        Fixtures.World w = Fixtures.world(dataSource, 1);
        String client = Fixtures.createClient(w, "目录对象");
        Map<String, Object> visit = Fixtures.visit(UUID.randomUUID(), w, client, clock.now().minusHours(1).toString());
        visit.put("serviceItems", List.of(code));
        String worker = Fixtures.fieldWorker(w.workers().get(0));
        as(worker).body(visit).post("/api/v1/service-records").then().statusCode(422)
                .body("code", equalTo("catalogue.code.unknown"));
        as(Fixtures.admin()).body(item).post("/api/v1/service-items").then().statusCode(201);
        as(Fixtures.admin()).body(item).post("/api/v1/service-items").then().statusCode(409);
        as(worker).body(visit).post("/api/v1/service-records").then().statusCode(201)
                .body("serviceItems", equalTo(List.of(code)));
    }
}
