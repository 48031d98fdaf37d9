package dev.funnel.objection.api;

import static dev.funnel.objection.ObjectionServiceTestSupport.PATIENCE;
import static dev.funnel.objection.ObjectionServiceTestSupport.lost;
import static dev.funnel.objection.ObjectionServiceTestSupport.metric;
import static dev.funnel.objection.ObjectionServiceTestSupport.payload;
import static dev.funnel.objection.ObjectionServiceTestSupport.won;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.events.CloudEventTypes;
import dev.funnel.objection.ObjectionServiceTestSupport;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ObjectionResourceTest {

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource dataSource;

    private ObjectionServiceTestSupport support;

    @BeforeEach
    void support() {
        support = new ObjectionServiceTestSupport(kafka, dataSource);
    }

    @Test
    void anObjectionOfAnOpenProspectIsRecordedAndPublishedWithoutItsStatement() {
        UUID prospectId = support.openProspect();
        String raisedAt = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();

        String id = given().contentType(ContentType.JSON)
                .body(raise(null, prospectId, "PRICE", "Twice what we pay today, private remark", raisedAt))
                .post("/objections")
                .then().statusCode(201)
                .header("Location", containsString("/objections/"))
                .body("prospectId", equalTo(prospectId.toString()))
                .body("category", equalTo("PRICE"))
                .body("statement", equalTo("Twice what we pay today, private remark"))
                .body("raisedAt", equalTo(raisedAt))
                .body("status", equalTo("OPEN"))
                .body("bridge", nullValue())
                .extract().path("id");

        await().atMost(PATIENCE).until(() -> support.objectionEvents(prospectId).size() == 1);
        ConsumerRecord<String, byte[]> event = support.objectionEvents(prospectId).get(0);
        assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo(CloudEventTypes.OBJECTION_RAISED);
        assertThat(KafkaTestClient.header(event, "ce_source")).isEqualTo("/funnel/objection-service");
        JsonNode payload = payload(event);
        assertThat(payload.get("objectionId").asText()).isEqualTo(id);
        assertThat(payload.get("prospectId").asText()).isEqualTo(prospectId.toString());
        assertThat(payload.get("category").asText()).isEqualTo("PRICE");
        assertThat(payload.get("raisedAt").asText()).isEqualTo(raisedAt);
        assertThat(everythingIn(event)).doesNotContain("Twice what we pay").doesNotContain("statement");
        given().get("/objections/" + id).then().statusCode(200).body("statement", containsString("private"));
    }

    @Test
    void resolvingPublishesObjectionResolvedWithoutTheBridge() {
        UUID prospectId = support.openProspect();
        Instant raisedAt = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        String id = raiseAt(prospectId, "TRUST", raisedAt);
        String resolvedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString();

        given().contentType(ContentType.JSON)
                .body("{\"bridge\":\"Sent three references from their own trade\",\"resolvedAt\":\"" + resolvedAt
                        + "\"}")
                .post("/objections/" + id + "/resolve")
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("bridge", equalTo("Sent three references from their own trade"))
                .body("resolvedAt", equalTo(resolvedAt));

        await().atMost(PATIENCE).until(() -> support.objectionEvents(prospectId).size() == 2);
        ConsumerRecord<String, byte[]> event = support.objectionEvents(prospectId).get(1);
        assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo(CloudEventTypes.OBJECTION_RESOLVED);
        assertThat(payload(event).get("objectionId").asText()).isEqualTo(id);
        assertThat(payload(event).get("resolvedAt").asText()).isEqualTo(resolvedAt);
        assertThat(everythingIn(event)).doesNotContain("references").doesNotContain("bridge");
    }

    @Test
    void anUnknownProspectIsUnprocessableAndTheClientIsToldToRetry() {
        given().contentType(ContentType.JSON)
                .body(raise(null, UUID.randomUUID(), "NEED", "We do not need it", null))
                .post("/objections")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("2"))
                .body("detail", containsString("may not be replicated yet"))
                .body("detail", containsString("retry"))
                .body("violations.field", hasItem("prospectId"));
    }

    @Test
    void aProspectWonOrLostRefusesObjections() {
        UUID wonProspect = support.openProspect();
        UUID lostProspect = support.openProspect();
        support.awaitApplied(support.publish(won(wonProspect, Instant.now().minusSeconds(60))));
        support.awaitApplied(support.publish(lost(lostProspect, Instant.now().minusSeconds(60))));

        given().contentType(ContentType.JSON).body(raise(null, wonProspect, "TIMING", "Next quarter", null))
                .post("/objections")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("stage", equalTo("WON"))
                .body("violations.field", hasItem("prospectId"));
        given().contentType(ContentType.JSON).body(raise(null, lostProspect, "TIMING", "Next quarter", null))
                .post("/objections")
                .then().statusCode(409)
                .body("stage", equalTo("LOST"));
    }

    @Test
    void repeatingARaiseWithTheSameIdReturnsTheStoredObjectionAndPublishesNothingNew() {
        UUID prospectId = support.openProspect();
        UUID id = UUID.randomUUID();
        String body = raise(id, prospectId, "AUTHORITY", "My boss decides", null);

        String raisedAt = given().contentType(ContentType.JSON).body(body).post("/objections")
                .then().statusCode(201).extract().path("raisedAt");
        given().contentType(ContentType.JSON).body(body).post("/objections")
                .then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("raisedAt", equalTo(raisedAt));
        given().contentType(ContentType.JSON).body(raise(id, prospectId, "AUTHORITY", "Someone else decides", null))
                .post("/objections")
                .then().statusCode(409)
                .body("violations.field", hasItem("id"));
        String marker = raiseOne(prospectId, "OTHER");

        await().atMost(PATIENCE).until(() -> objectionIds(prospectId).contains(marker));
        assertThat(objectionIds(prospectId)).containsExactly(id.toString(), marker);
    }

    @Test
    void resolvingTwiceIsAConflictAndPublishesOnce() {
        UUID prospectId = support.openProspect();
        String id = raiseOne(prospectId, "COMPETITOR");
        resolve(id, "Showed the migration path").then().statusCode(200);

        resolve(id, "Another answer")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already resolved"));
        given().get("/objections/" + id).then().body("bridge", equalTo("Showed the migration path"));
        String marker = raiseOne(prospectId, "OTHER");
        await().atMost(PATIENCE).until(() -> objectionIds(prospectId).contains(marker));
        assertThat(support.objectionEvents(prospectId))
                .extracting(record -> KafkaTestClient.header(record, "ce_type"))
                .containsExactly(CloudEventTypes.OBJECTION_RAISED, CloudEventTypes.OBJECTION_RESOLVED,
                        CloudEventTypes.OBJECTION_RAISED);
    }

    @Test
    void concurrentRepeatsOfOneRaiseStoreAndPublishItOnce() throws Exception {
        UUID prospectId = support.openProspect();
        UUID id = UUID.randomUUID();
        String body = raise(id, prospectId, "TIMING", "Not before the next quarter", null);

        List<Integer> statuses = inParallel(8, () -> given().contentType(ContentType.JSON).body(body)
                .post("/objections").then().extract().statusCode());

        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        String marker = raiseOne(prospectId, "OTHER");
        await().atMost(PATIENCE).until(() -> objectionIds(prospectId).contains(marker));
        assertThat(objectionIds(prospectId)).containsExactly(id.toString(), marker);
    }

    @Test
    void concurrentResolutionsOfOneObjectionLetExactlyOneWin() throws Exception {
        UUID prospectId = support.openProspect();
        String id = raiseOne(prospectId, "NEED");
        AtomicInteger seller = new AtomicInteger();

        List<Integer> statuses = inParallel(4, () -> resolve(id, "Answer " + seller.incrementAndGet())
                .then().extract().statusCode());

        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        String marker = raiseOne(prospectId, "OTHER");
        await().atMost(PATIENCE).until(() -> objectionIds(prospectId).contains(marker));
        assertThat(support.objectionEvents(prospectId))
                .extracting(record -> KafkaTestClient.header(record, "ce_type"))
                .containsExactly(CloudEventTypes.OBJECTION_RAISED, CloudEventTypes.OBJECTION_RESOLVED,
                        CloudEventTypes.OBJECTION_RAISED);
    }

    /** Runs the same call from {@code clients} threads at once; returns each call's HTTP status. */
    private static List<Integer> inParallel(int clients, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aResolutionBeforeTheObjectionWasRaisedIsRefused() {
        UUID prospectId = support.openProspect();
        Instant raisedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        String id = given().contentType(ContentType.JSON)
                .body(raise(null, prospectId, "PRICE", "Too dear", raisedAt.toString()))
                .post("/objections").then().statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON)
                .body("{\"bridge\":\"Payment in three parts\",\"resolvedAt\":\"" + raisedAt.minusSeconds(1) + "\"}")
                .post("/objections/" + id + "/resolve")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("resolvedAt"));
        given().get("/objections/" + id).then().body("status", equalTo("OPEN"));
    }

    @Test
    void everyInvalidFieldIsNamed() {
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS).toString();

        given().contentType(ContentType.JSON).body("{}")
                .post("/objections")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("prospectId", "category", "statement"));
        given().contentType(ContentType.JSON)
                .body(raise(null, UUID.randomUUID(), "PRICE", "x".repeat(2001), tomorrow))
                .post("/objections")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("statement", "raisedAt"));
        given().contentType(ContentType.JSON)
                .body(raise(null, UUID.randomUUID(), "PRICE", "   ", "1999-12-31T23:59:59Z"))
                .post("/objections")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("statement", "raisedAt"));
        given().contentType(ContentType.JSON)
                .body(raise(null, UUID.randomUUID(), "PRICE", "nul \\u0000 inside", null))
                .post("/objections")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("statement"));
        given().contentType(ContentType.JSON)
                .body("{\"bridge\":\"\",\"resolvedAt\":\"" + tomorrow + "\"}")
                .post("/objections/" + UUID.randomUUID() + "/resolve")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("bridge", "resolvedAt"));
    }

    @Test
    void malformedJsonAndValuesOfTheWrongTypeAreBadRequestsNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"prospectId\": [")
                .post("/objections").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(raise(null, UUID.randomUUID(), "MONEY", "Too dear", null))
                .post("/objections").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("category"))
                .body("violations.message", hasItem(containsString("PRICE")));
        given().contentType(ContentType.JSON)
                .body("{\"prospectId\":\"not-a-uuid\",\"category\":\"PRICE\",\"statement\":\"x\"}")
                .post("/objections").then().statusCode(400)
                .body("violations.field", hasItem("prospectId"));
        given().contentType(ContentType.JSON)
                .body("{\"bridge\":\"x\",\"resolvedAt\":\"yesterday\"}")
                .post("/objections/" + UUID.randomUUID() + "/resolve").then().statusCode(400)
                .body("violations.field", hasItem("resolvedAt"));
        given().contentType(ContentType.JSON).body("null")
                .post("/objections").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void timesAreIsoTextNotBefore2000AndNotInTheFuture() {
        UUID prospectId = support.openProspect();
        String id = raiseOne(prospectId, "PRICE");
        List<String> refusedTimes = List.of("1700000000", "\"1700000000\"", "1700000000.5", "9223372036854775808",
                "-9223372036854775809", "1e400", "\"\"", "\"0000-01-01T00:00:00Z\"", "\"-5000-01-01T00:00:00Z\"",
                "\"1999-12-31T23:59:59Z\"", "\"+10000-01-01T00:00:00Z\"", "[2026,1,5]");

        for (String time : refusedTimes) {
            refused("/objections", "{\"prospectId\":\"" + prospectId
                    + "\",\"category\":\"PRICE\",\"statement\":\"Too dear\",\"raisedAt\":" + time + "}", "raisedAt");
            refused("/objections/" + id + "/resolve", "{\"bridge\":\"Pay monthly\",\"resolvedAt\":" + time + "}",
                    "resolvedAt");
        }

        given().queryParam("prospectId", prospectId.toString()).get("/objections")
                .then().body("total", equalTo(1)).body("items[0].status", equalTo("OPEN"));
    }

    @Test
    void valuesOfAnotherJsonTypeAreRefusedNotCoerced() {
        UUID prospectId = support.openProspect();
        String id = raiseOne(prospectId, "PRICE");
        String prospect = "\"prospectId\":\"" + prospectId + "\"";

        refused("/objections", "{" + prospect + ",\"category\":0,\"statement\":\"Too dear\"}", "category");
        refused("/objections", "{" + prospect + ",\"category\":9223372036854775808,\"statement\":\"x\"}", "category");
        refused("/objections", "{" + prospect + ",\"category\":1.5,\"statement\":\"Too dear\"}", "category");
        refused("/objections", "{" + prospect + ",\"category\":true,\"statement\":\"Too dear\"}", "category");
        refused("/objections", "{" + prospect + ",\"category\":\"PRICE\",\"statement\":true}", "statement");
        refused("/objections", "{" + prospect + ",\"category\":\"PRICE\",\"statement\":12}", "statement");
        refused("/objections", "{" + prospect + ",\"category\":\"PRICE\",\"statement\":1.5}", "statement");
        refused("/objections", "{" + prospect + ",\"category\":\"PRICE\",\"statement\":1e400}", "statement");
        refused("/objections", "{\"prospectId\":12,\"category\":\"PRICE\",\"statement\":\"Too dear\"}",
                "prospectId");
        refused("/objections", "{\"id\":\"\"," + prospect + ",\"category\":\"PRICE\",\"statement\":\"x\"}", "id");
        refused("/objections", "{\"id\":12," + prospect + ",\"category\":\"PRICE\",\"statement\":\"x\"}", "id");
        refused("/objections/" + id + "/resolve", "{\"bridge\":true}", "bridge");
        refused("/objections/" + id + "/resolve", "{\"bridge\":12}", "bridge");

        given().queryParam("prospectId", prospectId.toString()).get("/objections")
                .then().body("total", equalTo(1)).body("items[0].status", equalTo("OPEN"));
    }

    @Test
    void aBodyIsExactlyOneJsonObjectWithEachFieldOnce() {
        UUID prospectId = support.openProspect();
        String body = raise(null, prospectId, "PRICE", "Too dear", null);

        refused("/objections", body + " x", "body");
        refused("/objections", body + " {}", "body");
        refused("/objections", body + "}", "body");
        refused("/objections", "[" + body + "]", "body");
        refused("/objections", body.replace("}", ",\"statement\":\"Twice too dear\"}"), "statement")
                .body("detail", containsString("statement"));
        refused("/objections", body.replace("}", ",\"category\":\"NEED\"}"), "category");

        given().queryParam("prospectId", prospectId.toString()).get("/objections").then().body("total", equalTo(0));
    }

    @Test
    void malformedJsonAndInvalidUtf8AreExplainedWithTheirPosition() {
        refused("/objections", "{\"prospectId\": [", "prospectId")
                .body("detail", containsString("line 1, column"));
        refused("/objections", "{\"category\": \"PRICE\",\n \"statement\": tru}", "statement")
                .body("detail", containsString("line 2, column"));
        refused("/objections", "\"Too dear\" \"again\"", "body");
        refused("/objections", "{\"statement\": " + "1".repeat(1001) + "}", "statement")
                .body("detail", containsString("Number value length (1001) exceeds the maximum allowed (1000)"));
        refused("/objections", "{\"prospectId\" \"x\"}", "prospectId")
                .body("detail", containsString("line 1, column"));
        byte[] latin1 = raise(null, UUID.randomUUID(), "PRICE", "Gar\u00e7on", null)
                .getBytes(StandardCharsets.ISO_8859_1);
        given().contentType(ContentType.JSON).body(latin1).post("/objections")
                .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("statement"))
                .body("detail", containsString("UTF-8"));
    }

    @Test
    void textWithAnUnpairedSurrogateIsRefusedWhileAPairIsKeptAsSent() {
        UUID prospectId = support.openProspect();
        UUID id = UUID.randomUUID();

        refused("/objections", raise(id, prospectId, "PRICE", "a\\ud800b", null), "statement")
                .body("violations.message", hasItem(containsString("unpaired surrogate")));
        refused("/objections", raise(id, prospectId, "PRICE", "a\\udc00", null), "statement");
        String paired = raise(id, prospectId, "PRICE", "Too dear \\ud83d\\ude42", null);
        given().contentType(ContentType.JSON).body(paired).post("/objections").then().statusCode(201)
                .body("statement", equalTo("Too dear \uD83D\uDE42"));
        given().contentType(ContentType.JSON).body(paired).post("/objections").then().statusCode(200);
        refused("/objections/" + id + "/resolve", "{\"bridge\":\"\\ud83d pilot\"}", "bridge")
                .body("violations.message", hasItem(containsString("unpaired surrogate")));

        given().get("/objections/" + id).then().body("status", equalTo("OPEN"));
    }

    @Test
    void aNulInAQueryParameterIsNamedAndAMalformedIdIsNoSuchObjection() {
        for (String parameter : List.of("prospectId", "category", "status", "page", "size")) {
            given().urlEncodingEnabled(false).get("/objections?" + parameter + "=%00")
                    .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains(parameter))
                    .body("violations.in", contains("query"));
        }
        given().urlEncodingEnabled(false).get("/objections?category=PRICE%00")
                .then().statusCode(400).body("violations.field", contains("category"));
        given().urlEncodingEnabled(false).get("/objections/playbook?category=PRICE%00")
                .then().statusCode(400).body("violations.field", contains("category"));
        given().urlEncodingEnabled(false).get("/objections/playbook?category=PRICE&limit=%00")
                .then().statusCode(400).body("violations.field", contains("limit"));
        for (String page : List.of("abc", "1.0", "2147483648", "-2147483649")) {
            given().queryParam("page", page).get("/objections")
                    .then().statusCode(400).body("violations.field", contains("page"));
            given().queryParam("size", page).get("/objections")
                    .then().statusCode(400).body("violations.field", contains("size"));
        }

        for (String malformed : List.of("not-a-uuid", "%00", "6f1c1f4e-2f6a-4c52-9a35-0d9b7f8a1c0")) {
            given().urlEncodingEnabled(false).get("/objections/" + malformed)
                    .then().log().ifValidationFails().statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("No such objection"));
            given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"bridge\":\"Pay monthly\"}")
                    .post("/objections/" + malformed + "/resolve")
                    .then().log().ifValidationFails().statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("No such objection"));
        }
    }

    /** Posts the body and expects a 400 problem that names exactly this field. */
    private static ValidatableResponse refused(String path, String body, String field) {
        return given().contentType(ContentType.JSON).body(body).post(path)
                .then().log().ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains(field))
                .body("violations.in", contains("body"));
    }

    @Test
    void aBodyOver256KilobytesIsRefused() {
        given().contentType(ContentType.JSON)
                .body(raise(null, UUID.randomUUID(), "PRICE", "x".repeat(300 * 1024), null))
                .post("/objections")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownObjectionIsNotFound() {
        given().get("/objections/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        resolve(UUID.randomUUID().toString(), "Anything").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void listingFiltersByProspectCategoryAndStatusNewestFirst() {
        UUID prospectId = support.openProspect();
        UUID other = support.openProspect();
        Instant base = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String oldest = raiseAt(prospectId, "PRICE", base);
        String middle = raiseAt(prospectId, "TIMING", base.plusSeconds(60));
        String newest = raiseAt(prospectId, "PRICE", base.plusSeconds(120));
        raiseAt(other, "PRICE", base.plusSeconds(90));
        resolve(oldest, "Smaller first order").then().statusCode(200);

        given().queryParam("prospectId", prospectId.toString()).get("/objections")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", org.hamcrest.Matchers.contains(newest, middle, oldest));
        given().queryParam("prospectId", prospectId.toString()).queryParam("size", 2).queryParam("page", 1)
                .get("/objections")
                .then().body("items.id", org.hamcrest.Matchers.contains(oldest)).body("size", equalTo(2));
        given().queryParam("prospectId", prospectId.toString()).queryParam("category", "PRICE").get("/objections")
                .then().body("items.id", org.hamcrest.Matchers.contains(newest, oldest));
        given().queryParam("prospectId", prospectId.toString()).queryParam("status", "RESOLVED").get("/objections")
                .then().body("items.id", org.hamcrest.Matchers.contains(oldest));
        given().queryParam("prospectId", prospectId.toString()).queryParam("status", "OPEN")
                .queryParam("category", "PRICE").get("/objections")
                .then().body("items.id", org.hamcrest.Matchers.contains(newest));
    }

    @Test
    void badListingParametersAreNamed() {
        given().queryParam("prospectId", "abc").get("/objections")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("prospectId"))
                .body("violations.in", hasItem("query"));
        given().queryParam("category", "MONEY").get("/objections")
                .then().statusCode(400).body("violations.field", hasItem("category"));
        given().queryParam("status", "DONE").get("/objections")
                .then().statusCode(400).body("violations.field", hasItem("status"));
        given().queryParam("size", 501).get("/objections")
                .then().statusCode(400).body("violations.field", hasItem("size"));
        given().queryParam("page", "-1").get("/objections")
                .then().statusCode(400).body("violations.field", hasItem("page"));
        given().queryParam("page", "2147483647").get("/objections")
                .then().statusCode(400).body("violations.field", hasItem("page"));
    }

    @Test
    void raisedAndResolvedObjectionsAreCountedPerCategory() {
        UUID prospectId = support.openProspect();
        double raisedBefore = metric("funnel_objections_raised_total{category=\"NEED\"}");
        double resolvedBefore = metric("funnel_objections_resolved_total{category=\"NEED\"}");

        String id = raiseOne(prospectId, "NEED");
        raiseOne(prospectId, "NEED");
        resolve(id, "Showed what the last client saved").then().statusCode(200);
        given().contentType(ContentType.JSON).body(raise(null, UUID.randomUUID(), "NEED", "Unknown prospect", null))
                .post("/objections").then().statusCode(422);

        assertThat(metric("funnel_objections_raised_total{category=\"NEED\"}")).isEqualTo(raisedBefore + 2);
        assertThat(metric("funnel_objections_resolved_total{category=\"NEED\"}")).isEqualTo(resolvedBefore + 1);
    }

    private List<String> objectionIds(UUID prospectId) {
        return support.objectionEvents(prospectId).stream()
                .filter(record -> CloudEventTypes.OBJECTION_RAISED.equals(KafkaTestClient.header(record, "ce_type")))
                .map(record -> payload(record).get("objectionId").asText())
                .toList();
    }

    /** The value and every header of a record, as text: where a leaked statement or bridge would show. */
    private static String everythingIn(ConsumerRecord<String, byte[]> record) {
        StringBuilder text = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
        for (Header header : record.headers()) {
            text.append('\n').append(header.key()).append('=')
                    .append(new String(header.value(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    static String raiseOne(UUID prospectId, String category) {
        return given().contentType(ContentType.JSON)
                .body(raise(null, prospectId, category, "They said no", null))
                .post("/objections").then().statusCode(201).extract().path("id");
    }

    private static String raiseAt(UUID prospectId, String category, Instant at) {
        return given().contentType(ContentType.JSON)
                .body(raise(null, prospectId, category, "They said no", at.toString()))
                .post("/objections").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.Response resolve(String id, String bridge) {
        return given().contentType(ContentType.JSON)
                .body("{\"bridge\":\"" + bridge + "\"}")
                .post("/objections/" + id + "/resolve");
    }

    static String raise(UUID id, UUID prospectId, String category, String statement, String raisedAt) {
        StringBuilder json = new StringBuilder("{");
        if (id != null) {
            json.append("\"id\":\"").append(id).append("\",");
        }
        json.append("\"prospectId\":\"").append(prospectId).append("\",")
                .append("\"category\":\"").append(category).append("\",")
                .append("\"statement\":\"").append(statement).append("\"");
        if (raisedAt != null) {
            json.append(",\"raisedAt\":\"").append(raisedAt).append("\"");
        }
        return json.append("}").toString();
    }
}
