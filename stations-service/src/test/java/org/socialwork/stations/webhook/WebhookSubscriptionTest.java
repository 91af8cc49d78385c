package org.socialwork.stations.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.socialwork.stations.station.StationFixtures.HAINING;
import static org.socialwork.stations.station.StationFixtures.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialwork.stations.station.StationFixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Subscriptions: who may make them, what is refused (and then nothing is stored), scope, If-Match. */
@QuarkusTest
class WebhookSubscriptionTest {

    private static final String STATION_CHANGED = "org.socialwork.station.changed.v1";

    @Inject
    AgroalDataSource dataSource;

    private String agency;
    private String token;

    @BeforeEach
    void agency() {
        StationFixtures.ensureRegions(dataSource);
        agency = StationFixtures.createAgency(HAINING);
        token = StationFixtures.agencyAdminToken(agency);
    }

    private static Map<String, Object> body(String url, Object eventTypes) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("eventTypes", eventTypes);
        return body;
    }

    private long subscriptions() {
        return Long.parseLong(StationFixtures.single(dataSource, "select count(*)::text from webhook_subscription"));
    }

    @Test
    void badSubscriptionsAreRefusedWithAProblemAndStoreNothing() {
        long before = subscriptions();
        String url = "http://127.0.0.1:9/hooks";
        refused(token, body(url, List.of("org.socialwork.region.changed.v1")), 400, "webhook.event-type");
        refused(token, body(url, List.of("org.socialwork.nothing.v1")), 400, "org.socialwork.nothing.v1");
        refused(token, body("ftp://127.0.0.1/hooks", List.of(STATION_CHANGED)), 400, "https");
        refused(token, body("not a url", List.of(STATION_CHANGED)), 400, "url");
        refused(token, body(url, List.of()), 400, "eventTypes");
        refused(token, body(null, List.of(STATION_CHANGED)), 400, "url");
        Map<String, Object> otherAgency = body(url, List.of(STATION_CHANGED));
        otherAgency.put("agencyId", UUID.randomUUID().toString());
        refused(token, otherAgency, 403, "agency");
        refused(StationFixtures.adminToken(), body(url, List.of(STATION_CHANGED)), 400, "agencyId");
        refused(StationFixtures.bureauToken("bureau-admin", HAINING), body(url, List.of(STATION_CHANGED)), 403, "");
        assertThat(subscriptions()).isEqualTo(before);
    }

    @Test
    void anAgencySeesOnlyItsOwnSubscriptionsAndChangesThemWithIfMatch() {
        String url = "http://127.0.0.1:9/hooks/" + UUID.randomUUID();
        String id = as(token).body(body(url, List.of(STATION_CHANGED))).post("/api/v1/webhooks").then().statusCode(201)
                .header("Location", startsWith("http")).header("ETag", equalTo("\"0\""))
                .body("agencyId", equalTo(agency)).body("status", equalTo("ACTIVE")).extract().path("id");
        as(token).body(body(url, List.of(STATION_CHANGED))).post("/api/v1/webhooks").then().statusCode(409)
                .body("type", equalTo("urn:socialwork:problem:conflict"));

        String outsider = StationFixtures.agencyAdminToken(StationFixtures.createAgency(HAINING));
        as(outsider).get("/api/v1/webhooks/" + id).then().statusCode(404);
        as(outsider).get("/api/v1/webhooks").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(outsider).get("/api/v1/webhooks?agencyId=" + agency).then().statusCode(403);
        as(token).get("/api/v1/webhooks").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.secret", not(hasItem(startsWith("whsec_"))));

        Map<String, Object> change = body(url + "/v2", List.of(STATION_CHANGED, "org.socialwork.agency.changed.v1"));
        as(token).body(change).put("/api/v1/webhooks/" + id).then().statusCode(428);
        as(token).header("If-Match", "\"7\"").body(change).put("/api/v1/webhooks/" + id).then().statusCode(412);
        as(token).header("If-Match", "\"0\"").body(change).put("/api/v1/webhooks/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("url", equalTo(url + "/v2")).body("eventTypes.size()", equalTo(2))
                .body("secret", nullValue());
        as(outsider).header("If-Match", "\"1\"").delete("/api/v1/webhooks/" + id).then().statusCode(404);
        as(token).header("If-Match", "\"0\"").delete("/api/v1/webhooks/" + id).then().statusCode(412);
        // Generated clients accept only what the document lists for the operation: problems, the 204 having no body.
        as(token).header("If-Match", "\"1\"").accept("application/problem+json").delete("/api/v1/webhooks/" + id)
                .then().statusCode(204);
        as(token).get("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    private static void refused(String caller, Map<String, Object> body, int status, String detailMentions) {
        as(caller).header("Accept-Language", "en").body(body).post("/api/v1/webhooks").then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", startsWith("urn:socialwork:problem:"))
                .body(detailMentions.isEmpty() ? "title" : "toString()", org.hamcrest.Matchers.containsString(detailMentions));
    }
}
