package dev.funnel.activity.api;

import static dev.funnel.activity.api.ActivityServiceTestSupport.defineTechnique;
import static dev.funnel.activity.api.ActivityServiceTestSupport.eventsFor;
import static dev.funnel.activity.api.ActivityServiceTestSupport.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.activity.api.ActivityServiceTestSupport.ReceivedEvent;
import dev.funnel.events.CloudEventTypes;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ActivityResourceTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void loggedActivityIsStoredAndPublishedWithoutItsNotes() {
        String slug = uniqueSlug("blog");
        defineTechnique(slug, "DAILY");

        String id = given().contentType(ContentType.JSON)
                .body(activity(null, slug, "2026-11-20", 45, 1250L, "EUR", "wrote about pricing, private"))
                .post("/activities")
                .then().statusCode(201)
                .header("Location", containsString("/activities/"))
                .body("technique", equalTo(slug))
                .body("minutesSpent", equalTo(45))
                .body("costMinor", equalTo(1250))
                .body("currency", equalTo("EUR"))
                .body("notes", equalTo("wrote about pricing, private"))
                .extract().path("id");

        await().atMost(DELIVERY).until(() -> activityEvents(slug).size() == 1);
        JsonNode payload = activityEvents(slug).get(0).payload();
        assertThat(payload.get("activityId").asText()).isEqualTo(id);
        assertThat(payload.get("technique").asText()).isEqualTo(slug);
        assertThat(payload.get("performedOn").asText()).isEqualTo("2026-11-20");
        assertThat(payload.get("minutesSpent").asInt()).isEqualTo(45);
        assertThat(payload.get("costMinor").asLong()).isEqualTo(1250L);
        assertThat(payload.get("currency").asText()).isEqualTo("EUR");
        assertThat(payload.has("loggedAt")).isTrue();
        assertThat(payload.toString()).doesNotContain("pricing").doesNotContain("notes");
        given().get("/activities/" + id).then().statusCode(200).body("notes", equalTo("wrote about pricing, private"));
    }

    @Test
    void costAndCurrencyDefaultWhenLeftOut() {
        String slug = uniqueSlug("flyers");
        defineTechnique(slug, "WEEKLY");

        given().contentType(ContentType.JSON)
                .body("{\"technique\":\"" + slug + "\",\"performedOn\":\"2026-11-02\",\"minutesSpent\":30}")
                .post("/activities")
                .then().statusCode(201)
                .body("costMinor", equalTo(0))
                .body("currency", equalTo("USD"))
                .body("notes", nullValue());
    }

    @Test
    void repeatingAPostWithTheSameIdReturnsTheStoredActivityAndPublishesNothingNew() {
        String slug = uniqueSlug("newsletter");
        defineTechnique(slug, "WEEKLY");
        UUID id = UUID.randomUUID();
        String body = activity(id, slug, "2026-11-18", 60, 0L, "USD", null);

        String loggedAt = given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(201).extract().path("loggedAt");
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("loggedAt", equalTo(loggedAt));
        String marker = logOne(slug, "2026-11-19");

        await().atMost(DELIVERY).until(() -> activityIds(slug).contains(marker));
        assertThat(activityIds(slug)).containsExactly(id.toString(), marker);
    }

    @Test
    void concurrentRepeatsOfOneActivityStoreAndPublishItOnce() throws Exception {
        String slug = uniqueSlug("race");
        defineTechnique(slug, "DAILY");
        UUID id = UUID.randomUUID();
        String body = activity(id, slug, "2026-11-10", 15, 0L, null, null);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                statuses.add(clients.submit(() -> given().contentType(ContentType.JSON).body(body)
                        .post("/activities").then().extract().statusCode()));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get(30, TimeUnit.SECONDS));
            }
            assertThat(codes).containsOnly(200, 201).containsOnlyOnce(201);
        } finally {
            clients.shutdown();
        }
        String marker = logOne(slug, "2026-11-11");

        await().atMost(DELIVERY).until(() -> activityIds(slug).contains(marker));
        assertThat(activityIds(slug)).containsExactly(id.toString(), marker);
    }

    @Test
    void theSameIdWithADifferentBodyIsAConflict() {
        String slug = uniqueSlug("talks");
        defineTechnique(slug, "WEEKLY");
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(activity(id, slug, "2026-11-18", 60, 0L, "USD", null))
                .post("/activities").then().statusCode(201);

        given().contentType(ContentType.JSON).body(activity(id, slug, "2026-11-18", 90, 0L, "USD", null))
                .post("/activities")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("id"));
    }

    @Test
    void anUnknownTechniqueIsUnprocessable() {
        given().contentType(ContentType.JSON)
                .body(activity(null, "never-defined", "2026-11-18", 60, 0L, "USD", null))
                .post("/activities")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("technique"));
    }

    @Test
    void everyInvalidFieldIsNamed() {
        String tooLong = "x".repeat(2001);
        // Far enough ahead that it is still after tomorrow when the request is validated after midnight UTC.
        String tooLate = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();

        given().contentType(ContentType.JSON)
                .body("{\"technique\":\"Bad Slug\",\"performedOn\":\"" + tooLate + "\","
                        + "\"minutesSpent\":1441,\"costMinor\":-1,\"currency\":\"XYZ\",\"notes\":\"" + tooLong + "\"}")
                .post("/activities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder(
                        "technique", "performedOn", "minutesSpent", "costMinor", "currency", "notes"));
    }

    @Test
    void textPostgresCannotStoreIsRefusedNotAServerError() {
        given().contentType(ContentType.JSON)
                .body("{\"technique\":\"blog\",\"performedOn\":\"2026-11-01\",\"minutesSpent\":1,"
                        + "\"notes\":\"before\\u0000after\"}")
                .post("/activities")
                .then().statusCode(400).body("violations.field", contains("notes"));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        given().contentType(ContentType.JSON).body("{}")
                .post("/activities")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("technique", "performedOn", "minutesSpent"));
    }

    @Test
    void workBefore2000IsRefusedAndTomorrowIsAccepted() {
        String slug = uniqueSlug("calls");
        defineTechnique(slug, "DAILY");
        // The boundary itself. Midnight UTC passing before the request only makes this day today, still accepted,
        // so this cannot fail spuriously; it fails only if the service refuses tomorrow.
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        given().contentType(ContentType.JSON).body(activity(null, slug, "1999-12-31", 10, 0L, null, null))
                .post("/activities").then().statusCode(400).body("violations.field", hasItem("performedOn"));
        given().contentType(ContentType.JSON).body(activity(null, slug, tomorrow, 10, 0L, null, null))
                .post("/activities").then().statusCode(201);
    }

    @Test
    void malformedJsonAndAWrongTypeAreBadRequests() {
        given().contentType(ContentType.JSON).body("{\"technique\": [")
                .post("/activities").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"technique\":\"blog\",\"performedOn\":\"yesterday\",\"minutesSpent\":10}")
                .post("/activities").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("performedOn"));
        given().contentType(ContentType.JSON)
                .body("{\"activities\":[{\"technique\":\"blog\",\"performedOn\":\"2026-01-01\","
                        + "\"minutesSpent\":\"ten\"}]}")
                .post("/activities/batch").then().statusCode(400)
                .body("violations.field", hasItem("activities[0].minutesSpent"));
    }

    @Test
    void aBodyOver256KilobytesIsRefused() {
        String notes = "x".repeat(300 * 1024);

        given().contentType(ContentType.JSON)
                .body("{\"technique\":\"blog\",\"performedOn\":\"2026-11-01\",\"minutesSpent\":1,\"notes\":\""
                        + notes + "\"}")
                .post("/activities")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void aValidBatchIsStoredAndPublishedInOneGo() {
        String slug = uniqueSlug("backfill");
        defineTechnique(slug, "DAILY");
        List<String> items = new ArrayList<>();
        for (int day = 1; day <= 30; day++) {
            items.add(activity(null, slug, String.format("2026-09-%02d", day), 20 + day, 0L, null, null));
        }

        given().contentType(ContentType.JSON).body("{\"activities\":[" + String.join(",", items) + "]}")
                .post("/activities/batch")
                .then().statusCode(201)
                .body("created", equalTo(30))
                .body("replayed", equalTo(0));

        await().atMost(DELIVERY).until(() -> activityEvents(slug).size() == 30);
        given().queryParam("technique", slug).queryParam("size", 500).get("/activities")
                .then().statusCode(200).body("total", equalTo(30));
    }

    @Test
    void aBatchWithInvalidItemsNamesEachByIndexAndStoresNothing() {
        String slug = uniqueSlug("mixed");
        defineTechnique(slug, "DAILY");
        String body = "{\"activities\":["
                + activity(null, slug, "2026-10-01", 30, 0L, null, null) + ","
                + activity(null, slug, "2026-10-02", -5, 0L, null, null) + ","
                + activity(null, slug, "2026-10-03", 30, 0L, "EURO", null) + "]}";

        given().contentType(ContentType.JSON).body(body)
                .post("/activities/batch")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("activities[1].minutesSpent", "activities[2].currency"));

        given().queryParam("technique", slug).get("/activities").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aBatchReferringToAnUnknownTechniqueNamesTheItemAndStoresNothing() {
        String slug = uniqueSlug("known");
        defineTechnique(slug, "DAILY");
        String body = "{\"activities\":["
                + activity(null, slug, "2026-10-01", 30, 0L, null, null) + ","
                + activity(null, "unknown-technique", "2026-10-02", 30, 0L, null, null) + "]}";

        given().contentType(ContentType.JSON).body(body)
                .post("/activities/batch")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("activities[1].technique"));

        given().queryParam("technique", slug).get("/activities").then().body("total", equalTo(0));
    }

    @Test
    void aBatchOverAThousandIsRefused() {
        String one = activity(null, "blog", "2026-10-01", 30, 0L, null, null);
        String body = "{\"activities\":[" + String.join(",", java.util.Collections.nCopies(1001, one)) + "]}";

        given().contentType(ContentType.JSON).body(body)
                .post("/activities/batch")
                .then().statusCode(400)
                .body("violations.field", hasItem("activities"));
    }

    @Test
    void listingIsNewestFirstFilteredAndPaged() {
        String slug = uniqueSlug("listing");
        defineTechnique(slug, "DAILY");
        for (String day : List.of("2026-08-03", "2026-08-01", "2026-08-05", "2026-08-02", "2026-08-04")) {
            logOne(slug, day);
        }

        given().queryParam("technique", slug).queryParam("size", 2).queryParam("page", 0).get("/activities")
                .then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.performedOn", org.hamcrest.Matchers.contains("2026-08-05", "2026-08-04"));
        given().queryParam("technique", slug).queryParam("size", 2).queryParam("page", 2).get("/activities")
                .then().body("items.performedOn", org.hamcrest.Matchers.contains("2026-08-01"));
        given().queryParam("technique", slug).queryParam("from", "2026-08-02").queryParam("to", "2026-08-03")
                .get("/activities")
                .then().body("items.performedOn", org.hamcrest.Matchers.contains("2026-08-03", "2026-08-02"));
    }

    @Test
    void badListingParametersAreNamed() {
        given().queryParam("size", 501).get("/activities")
                .then().statusCode(400).body("violations.field", hasItem("size"));
        given().queryParam("page", 2_000_000).get("/activities")
                .then().statusCode(400).body("violations.field", hasItem("page"));
        given().queryParam("from", "08/01/2026").get("/activities")
                .then().statusCode(400).body("violations.field", hasItem("from"));
        given().queryParam("from", "2026-08-05").queryParam("to", "2026-08-01").get("/activities")
                .then().statusCode(400).body("violations.field", hasItem("to"));
    }

    @Test
    void pageAndSizeThatAreNoWholeNumbersAreNamedNotNotFound() {
        given().queryParam("page", "abc").get("/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("page")).body("violations.in", contains("query"));
        given().queryParam("size", "1.0").get("/activities")
                .then().statusCode(400).body("violations.field", contains("size"));
        given().queryParam("page", "2147483648").get("/activities")
                .then().statusCode(400).body("violations.field", contains("page"));
    }

    @Test
    void aNulInTheTechniqueFilterIsABadRequest() {
        given().urlEncodingEnabled(false).get("/activities?technique=%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("technique")).body("violations.in", contains("query"));
        given().urlEncodingEnabled(false).get("/activities?technique=fz-blog%00")
                .then().statusCode(400).body("violations.field", contains("technique"));
    }

    @Test
    void aDayTheDatabaseCannotHoldIsABadRequest() {
        given().urlEncodingEnabled(false).get("/activities?from=%2B999999999-01-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("from"));
    }

    @Test
    void aMalformedActivityIdIsNotFound() {
        given().get("/activities/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
    }

    @Test
    void anUnknownActivityIsNotFound() {
        given().get("/activities/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void loggedActivitiesAreCountedPerTechnique() {
        String slug = uniqueSlug("counted");
        defineTechnique(slug, "DAILY");
        logOne(slug, "2026-07-01");
        logOne(slug, "2026-07-02");

        ManagementInterface.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("funnel_activities_logged_total{technique=\"" + slug + "\"} 2.0"));
    }

    private List<ReceivedEvent> activityEvents(String slug) {
        return eventsFor(kafka, slug).stream()
                .filter(event -> CloudEventTypes.MARKETING_ACTIVITY_LOGGED.equals(event.type()))
                .collect(Collectors.toList());
    }

    private List<String> activityIds(String slug) {
        return activityEvents(slug).stream().map(e -> e.payload().get("activityId").asText()).toList();
    }

    private static String logOne(String slug, String day) {
        return given().contentType(ContentType.JSON).body(activity(null, slug, day, 30, 0L, null, null))
                .post("/activities").then().statusCode(201).extract().path("id");
    }

    static String activity(UUID id, String technique, String performedOn, int minutes, Long costMinor,
            String currency, String notes) {
        StringBuilder json = new StringBuilder("{");
        if (id != null) {
            json.append("\"id\":\"").append(id).append("\",");
        }
        json.append("\"technique\":\"").append(technique).append("\",")
                .append("\"performedOn\":\"").append(performedOn).append("\",")
                .append("\"minutesSpent\":").append(minutes);
        if (costMinor != null) {
            json.append(",\"costMinor\":").append(costMinor);
        }
        if (currency != null) {
            json.append(",\"currency\":\"").append(currency).append("\"");
        }
        if (notes != null) {
            json.append(",\"notes\":\"").append(notes).append("\"");
        }
        return json.append("}").toString();
    }
}
