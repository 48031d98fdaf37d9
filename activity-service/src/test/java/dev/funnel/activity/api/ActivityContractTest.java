package dev.funnel.activity.api;

import static dev.funnel.activity.api.ActivityServiceTestSupport.defineTechnique;
import static dev.funnel.activity.api.ActivityServiceTestSupport.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.events.CloudEventTypes;
import dev.funnel.events.Topics;
import dev.funnel.testing.EventContract;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What other teams and the business rely on beyond single requests: each record on the topic keeps the published
 * contract, parallel clients lose nothing, refused input leaves no trace, and every bound sits exactly where the
 * API says.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ActivityContractTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void everyRecordKeepsThePublishedContract() {
        String slug = uniqueSlug("contract");
        defineTechnique(slug, "DAILY");
        given().contentType(ContentType.JSON).body("{\"name\":\"Blog posts\",\"cadence\":\"WEEKLY\"}")
                .put("/techniques/" + slug).then().statusCode(200);
        log(slug, "2026-11-02", 30, "not for other teams").then().statusCode(201);

        await().atMost(DELIVERY).until(() -> records(slug).size() == 3);
        List<ConsumerRecord<String, byte[]>> records = records(slug);
        records.forEach(EventContract::assertConforms);
        assertThat(records).extracting(record -> KafkaTestClient.header(record, "ce_type")).containsExactly(
                CloudEventTypes.MARKETING_TECHNIQUE_DEFINED, CloudEventTypes.MARKETING_TECHNIQUE_DEFINED,
                CloudEventTypes.MARKETING_ACTIVITY_LOGGED);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(slug);
        assertThat(records).extracting(record -> KafkaTestClient.header(record, "ce_source"))
                .containsOnly("/funnel/activity-service");
        assertThat(new String(records.get(2).value())).doesNotContain("not for other teams");
    }

    @Test
    void twentyClientsLoggingAtOnceAreAllStoredAndPublished() throws Exception {
        String slug = uniqueSlug("crowd");
        defineTechnique(slug, "DAILY");

        List<Integer> statuses = inParallel(20,
                client -> log(slug, LocalDate.of(2026, 10, 1).plusDays(client).toString(), client, null)
                        .then().extract().statusCode());

        assertThat(statuses).hasSize(20).containsOnly(201);
        assertThat(given().get("/activities?technique=" + slug + "&size=500").then().statusCode(200)
                .extract().<Integer>path("total")).isEqualTo(20);
        await().atMost(DELIVERY).until(() -> activityRecords(slug).size() >= 20);
        Set<String> eventIds = new HashSet<>();
        activityRecords(slug).forEach(record -> eventIds.add(KafkaTestClient.header(record, "ce_id")));
        assertThat(eventIds).hasSize(20);
    }

    @Test
    void refusedInputStoresAndPublishesNothing() {
        String slug = uniqueSlug("refused");
        defineTechnique(slug, "DAILY");

        log(slug, "2026-11-03", 1441, null).then().statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"activities\":[" + body(slug, "2026-11-04", 10, null) + ","
                        + body(slug, "1999-12-31", 10, null) + "]}")
                .post("/activities/batch").then().statusCode(400);
        log(slug, "2026-11-05", 20, null).then().statusCode(201);

        await().atMost(DELIVERY).until(() -> activityRecords(slug).size() >= 1);
        assertThat(activityRecords(slug)).hasSize(1);
        assertThat(given().get("/activities?technique=" + slug).then().extract().<List<String>>path(
                "items.performedOn")).containsExactly("2026-11-05");
    }

    @Test
    void eachBoundIsWhereTheApiSaysItIs() {
        String slug = uniqueSlug("bounds");
        defineTechnique(slug, "DAILY");

        log(slug, "2000-01-01", 0, null).then().statusCode(201);
        log(slug, "1999-12-31", 0, null).then().statusCode(400);
        log(slug, "2026-11-01", 1440, null).then().statusCode(201);
        log(slug, "2026-11-01", -1, null).then().statusCode(400);
        log(slug, "2026-11-01", 30, "n".repeat(2000)).then().statusCode(201);
        log(slug, "2026-11-01", 30, "n".repeat(2001)).then().statusCode(400);
        assertThat(statusOnDay(today -> log(slug, today.plusDays(1).toString(), 5, null).then().extract()
                .statusCode())).isEqualTo(201);
        assertThat(statusOnDay(today -> log(slug, today.plusDays(2).toString(), 5, null).then().extract()
                .statusCode())).isEqualTo(400);

        assertThat(define(uniqueSlug("n"), "x".repeat(80))).isEqualTo(201);
        assertThat(define(uniqueSlug("n"), "x".repeat(81))).isEqualTo(400);
        assertThat(define(uniqueSlug("n"), "")).isEqualTo(400);
        assertThat(define("ab", "Two letters")).isEqualTo(201);
        assertThat(define("a", "One letter")).isEqualTo(400);
        assertThat(define("s".repeat(40), "Forty letters")).isEqualTo(201);
        assertThat(define("s".repeat(41), "Forty-one letters")).isEqualTo(400);
    }

    /**
     * A status for a date relative to today: asked again if midnight UTC passed during the call, since the service
     * may then have judged the date against the next day.
     */
    private static int statusOnDay(Function<LocalDate, Integer> call) {
        while (true) {
            LocalDate before = LocalDate.now(ZoneOffset.UTC);
            int status = call.apply(before);
            if (LocalDate.now(ZoneOffset.UTC).equals(before)) {
                return status;
            }
        }
    }

    private static int define(String slug, String name) {
        return given().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\",\"cadence\":\"DAILY\"}")
                .post("/techniques").then().extract().statusCode();
    }

    private static Response log(String slug, String day, int minutes, String notes) {
        return given().contentType(ContentType.JSON).body(body(slug, day, minutes, notes)).post("/activities");
    }

    private static String body(String slug, String day, int minutes, String notes) {
        return "{\"technique\":\"" + slug + "\",\"performedOn\":\"" + day + "\",\"minutesSpent\":" + minutes
                + (notes == null ? "" : ",\"notes\":\"" + notes + "\"") + "}";
    }

    private List<ConsumerRecord<String, byte[]>> records(String slug) {
        return kafka.readAll(Topics.MARKETING_ACTIVITIES, slug);
    }

    private List<ConsumerRecord<String, byte[]>> activityRecords(String slug) {
        return records(slug).stream().filter(record -> CloudEventTypes.MARKETING_ACTIVITY_LOGGED.equals(
                KafkaTestClient.header(record, "ce_type"))).toList();
    }

    private static List<Integer> inParallel(int clients, IntFunction<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(client);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
