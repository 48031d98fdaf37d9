package dev.funnel.prospect.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.events.CloudEventTypes;
import dev.funnel.events.Topics;
import dev.funnel.testing.EventContract;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TestTokens;
import dev.funnel.web.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A manager sets sellers' monthly quotas; each change is stored and published as SalesQuotaSet, keyed by the seller,
 * and setting the same targets again publishes nothing. A seller reads only their own quotas. Every seller name here
 * is used by this class only, so the events on its key are this class's.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class QuotaTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";
    private static final String MARIA = TestTokens.of("maria", Roles.MANAGER);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void aManagerSetsAQuotaThenReplacesItAndEachChangeIsPublishedOnceKeyedByTheSeller() throws IOException {
        as(MARIA).body("{\"customersTarget\":10,\"valueTargetMinor\":5000000,\"currency\":\"USD\"}")
                .put("/quotas/quinn/2026-12")
                .then().statusCode(201)
                .header("Location", endsWith("/quotas/quinn/2026-12"))
                .body("owner", equalTo("quinn"))
                .body("month", equalTo("2026-12"))
                .body("customersTarget", equalTo(10))
                .body("valueTargetMinor", equalTo(5000000))
                .body("currency", equalTo("USD"))
                .body("setBy", equalTo("maria"));
        // The same targets again: nothing changes and nothing is published.
        as(MARIA).body("{\"valueTargetMinor\":5000000,\"currency\":\"USD\",\"customersTarget\":10}")
                .put("/quotas/quinn/2026-12").then().statusCode(200).body("customersTarget", equalTo(10));
        // Replaced whole: the value target left out is no longer part of the quota.
        as(MARIA).body("{\"customersTarget\":12}").put("/quotas/quinn/2026-12")
                .then().statusCode(200)
                .body("customersTarget", equalTo(12))
                .body("valueTargetMinor", nullValue())
                .body("currency", nullValue());
        as(MARIA).body("{\"customersTarget\":3}").put("/quotas/quinn/2027-01").then().statusCode(201);

        await().atMost(DELIVERY).until(() -> quotaRecords("quinn").size() == 3);
        List<ConsumerRecord<String, byte[]>> records = quotaRecords("quinn");
        records.forEach(EventContract::assertConforms);
        assertThat(records).allSatisfy(record -> assertThat(KafkaTestClient.header(record, "ce_type"))
                .isEqualTo(CloudEventTypes.SALES_QUOTA_SET));
        JsonNode first = JSON.readTree(records.get(0).value());
        JsonNode replaced = JSON.readTree(records.get(1).value());
        assertThat(first.get("month").asText()).isEqualTo("2026-12");
        assertThat(first.get("customersTarget").asInt()).isEqualTo(10);
        assertThat(first.get("valueTargetMinor").asLong()).isEqualTo(5_000_000L);
        assertThat(first.get("currency").asText()).isEqualTo("USD");
        assertThat(first.get("setBy").asText()).isEqualTo("maria");
        assertThat(replaced.get("customersTarget").asInt()).isEqualTo(12);
        assertThat(replaced.has("valueTargetMinor")).isFalse();
        assertThat(replaced.has("currency")).isFalse();
        assertThat(Instant.parse(replaced.get("setAt").asText())).isAfter(Instant.parse(first.get("setAt").asText()));
        assertThat(JSON.readTree(records.get(2).value()).get("month").asText()).isEqualTo("2027-01");

        as(MARIA).get("/quotas/quinn/2026-12").then().statusCode(200).body("customersTarget", equalTo(12));
        given().auth().oauth2(TestTokens.of("ada", Roles.ADMIN)).queryParam("subjectId", "quinn/2026-12")
                .get("/audit").then().statusCode(200).body("total", equalTo(2))
                .body("items[0].action", equalTo("quota.set"));
    }

    @Test
    void aSellerSeesOnlyTheirOwnQuotasAndAnotherSellersIsAnsweredAsNeverSet() {
        as(MARIA).body("{\"customersTarget\":4}").put("/quotas/rosa/2026-11").then().statusCode(201);
        as(MARIA).body("{\"customersTarget\":6}").put("/quotas/ruth/2026-11").then().statusCode(201);
        String rosa = TestTokens.of("rosa", Roles.SELLER);

        as(rosa).queryParam("month", "2026-11").get("/quotas")
                .then().statusCode(200).body("owner", equalTo(List.of("rosa")));
        as(MARIA).queryParam("month", "2026-11").get("/quotas")
                .then().statusCode(200).body("findAll { it.owner in ['rosa', 'ruth'] }.owner",
                        equalTo(List.of("rosa", "ruth")));
        as(rosa).get("/quotas/rosa/2026-11").then().statusCode(200).body("customersTarget", equalTo(4));
        as(rosa).get("/quotas/ruth/2026-11").then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("No quota is set for ruth in 2026-11"));
        as(MARIA).get("/quotas/ruth/2026-10").then().statusCode(404).contentType(PROBLEM);
        as(rosa).body("{\"customersTarget\":40}").put("/quotas/rosa/2026-11").then().statusCode(403);
        as(MARIA).get("/quotas/rosa/2026-11").then().statusCode(200).body("customersTarget", equalTo(4));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "sara     | 2026-13    | {\"customersTarget\":1}                       | month            | path",
        "sara     | 2026-1     | {\"customersTarget\":1}                       | month            | path",
        "sara     | 1999-12    | {\"customersTarget\":1}                       | month            | path",
        "sara     | 2026-12-01 | {\"customersTarget\":1}                       | month            | path",
        "Sara     | 2026-12    | {\"customersTarget\":1}                       | owner            | path",
        "sara     | 2026-12    | {}                                            | customersTarget  | body",
        "sara     | 2026-12    | {\"customersTarget\":0}                       | customersTarget  | body",
        "sara     | 2026-12    | {\"customersTarget\":1000001}                 | customersTarget  | body",
        "sara     | 2026-12    | {\"valueTargetMinor\":100}                    | currency         | body",
        "sara     | 2026-12    | {\"customersTarget\":2,\"currency\":\"EUR\"}  | valueTargetMinor | body",
        "sara     | 2026-12    | {\"valueTargetMinor\":0,\"currency\":\"EUR\"} | valueTargetMinor | body",
        "sara     | 2026-12    | {\"valueTargetMinor\":5,\"currency\":\"EURO\"} | currency        | body",
    })
    void aBadQuotaIsA400NamingTheFieldAndNothingIsStoredOrPublished(String owner, String month, String body,
            String field, String in) {
        as(MARIA).body(body).put("/quotas/" + owner + "/" + month)
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations", hasSize(1))
                .body("violations[0].field", endsWith(field))
                .body("violations[0].in", equalTo(in));

        as(MARIA).queryParam("month", "2026-12").get("/quotas")
                .then().statusCode(200).body("findAll { it.owner == 'sara' }", hasSize(0));
        assertThat(quotaRecords("sara")).isEmpty();
    }

    /** The event keeps 120 characters of who set the quota: a longer name is refused before anything is stored. */
    @Test
    void aManagerWhoseNameTheQuotaCannotKeepIsRefusedAndNothingIsStored() {
        String longName = "m".repeat(121);
        as(TestTokens.of(longName, Roles.MANAGER)).body("{\"customersTarget\":2}").put("/quotas/sara/2026-12")
                .then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("longer than the 120 characters"));

        as(MARIA).get("/quotas/sara/2026-12").then().statusCode(404);
        assertThat(quotaRecords("sara")).isEmpty();
    }

    @Test
    void aBadMonthToListIsA400NamingTheParameter() {
        as(MARIA).queryParam("month", "12/2026").get("/quotas")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("month"))
                .body("violations[0].in", equalTo("query"));
    }

    @Test
    void aTextForANumberIsRefusedNotRead() {
        as(MARIA).body("{\"customersTarget\":\"5\"}").put("/quotas/sara/2026-12")
                .then().statusCode(400).contentType(PROBLEM);
        as(MARIA).body("{\"customersTarget\":5.5}").put("/quotas/sara/2026-12")
                .then().statusCode(400).contentType(PROBLEM);
    }

    /** Eight managers set the same new quota at once: one creates it, the others find it set; one event. */
    @Test
    void concurrentSettingsOfTheSameNewQuotaCreateItOnceAndPublishOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> settings = IntStream.range(0, 8)
                .<Callable<Integer>>mapToObj(i -> () -> as(MARIA).body("{\"customersTarget\":7}")
                        .put("/quotas/tess/2026-12").statusCode())
                .toList();
        List<Integer> statuses;
        try {
            statuses = pool.invokeAll(settings).stream().map(QuotaTest::result).toList();
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        // The relay publishes in commit order: once a later setting is out, every earlier one of tess's is too.
        as(MARIA).body("{\"customersTarget\":1}").put("/quotas/tess/2027-06").then().statusCode(201);
        await().atMost(DELIVERY).until(() -> quotaRecords("tess").size() >= 2);
        assertThat(quotaRecords("tess")).hasSize(2);
    }

    private static int result(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<ConsumerRecord<String, byte[]>> quotaRecords(String owner) {
        return kafka.readAll(Topics.SALES_QUOTAS, owner);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
