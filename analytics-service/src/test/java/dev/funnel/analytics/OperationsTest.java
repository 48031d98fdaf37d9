package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.funnel;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import dev.funnel.events.CloudEventTypes;
import dev.funnel.events.LostReason;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectLost;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.ProspectWon;
import dev.funnel.events.Topics;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class OperationsTest {

    @Test
    void readinessCoversTheDatabaseKafkaAndTheConsumer() {
        // The application may answer before the Kafka consumer is connected and ready: wait for it, not check once.
        await().atMost(FunnelScenarioTest.PROJECTED).untilAsserted(() -> ManagementInterface.given()
                .get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database",
                        "Kafka", "SmallRye Reactive Messaging - readiness check",
                        "Funnel projection")));
        ManagementInterface.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusSeesTheFunnelAndTheProjection() {
        LocalDate day = FunnelScenario.unusedDay();
        String owner = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        RawEvent found = RawEvent.of(new ProspectFound(UUID.randomUUID(), ProspectSource.MARKETING, "ops-blog",
                owner, 0, "EUR", day.atTime(9, 0).toInstant(ZoneOffset.UTC)));
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            found.sendWith(kafka);
            found.sendWith(kafka);
            kafka.produce(Topics.PROSPECTS, owner, "not json".getBytes(StandardCharsets.UTF_8),
                    RawEvent.headers(UUID.randomUUID().toString(), CloudEventTypes.PROSPECT_FOUND, found(day)));
        }
        await().atMost(FunnelScenarioTest.PROJECTED).untilAsserted(() ->
                assertThat(funnel(day, day, "owner", owner).at("/stages/found").asLong()).isEqualTo(1));
        // The duplicate and the poison record must be done too before a later class counts anything: the lag of
        // /admin/projection is read from the broker on each call, where the gauge may show one from before.
        await().atMost(FunnelScenarioTest.PROJECTED).until(AnalyticsApi::projection,
                now -> now.path("lagByTopic").path(Topics.PROSPECTS).asLong(-1) == 0);

        // A plain condition, not RestAssured assertions: each failed assertion would log the whole scrape.
        await().atMost(FunnelScenarioTest.PROJECTED).until(OperationsTest::scrape, scrape ->
                scrape.contains("funnel_prospects{source=\"MARKETING\",stage=\"found\"}")
                        && scrape.contains("funnel_prospects{source=\"SALES\",stage=\"open\"}")
                        && scrape.contains(
                                "funnel_analytics_events_applied_total{path=\"live\",type=\"ProspectFound\"}")
                        && scrape.contains("funnel_analytics_events_duplicates_total{type=\"ProspectFound\"}")
                        && scrape.contains("funnel_analytics_events_dead_lettered_total{topic=\"funnel.prospects.v1\","
                                + "type=\"ProspectFound\"}")
                        && scrape.contains(
                                "funnel_analytics_projection_lag_events{topic=\"funnel.prospects.v1\"} 0.0"));
    }

    @Test
    void theProspectGaugesCountWhatTheReadModelHolds() throws Exception {
        Map<String, Double> before = settledSalesGauges();
        LocalDate day = FunnelScenario.unusedDay();
        UUID won = UUID.randomUUID();
        Instant at = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            RawEvent.of(new ProspectFound(won, ProspectSource.SALES, null, "gauges", 0, "EUR", at)).sendWith(kafka);
            RawEvent.of(new ProspectFound(UUID.randomUUID(), ProspectSource.SALES, null, "gauges", 0, "EUR", at))
                    .sendWith(kafka);
            RawEvent.of(new ProspectWon(won, 900, "EUR", at.plusSeconds(3600))).sendWith(kafka);
        }

        // Two found, one of them won (which counts as contacted too), one still open.
        Map<String, Double> expected = new HashMap<>(before);
        expected.merge("found", 2.0, Double::sum);
        expected.merge("contacted", 1.0, Double::sum);
        expected.merge("won", 1.0, Double::sum);
        expected.merge("open", 1.0, Double::sum);
        await().atMost(FunnelScenarioTest.PROJECTED).until(OperationsTest::salesGauges, expected::equals);
    }

    @Test
    void eachTechniqueHasItsOwnStageGauges() throws Exception {
        String technique = "gauged-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = FunnelScenario.unusedDay();
        UUID won = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        Instant at = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            for (UUID prospect : List.of(won, lost, UUID.randomUUID())) {
                RawEvent.of(new ProspectFound(prospect, ProspectSource.MARKETING, technique, "maria", 0, "EUR", at))
                        .sendWith(kafka);
            }
            RawEvent.of(new ProspectWon(won, 900, "EUR", at.plusSeconds(3600))).sendWith(kafka);
            RawEvent.of(new ProspectLost(lost, LostReason.PRICE, at.plusSeconds(3600))).sendWith(kafka);
        }

        Map<String, Double> expected = Map.of("found", 3.0, "contacted", 1.0, "objected", 0.0, "won", 1.0,
                "lost", 1.0, "open", 1.0);
        await().atMost(FunnelScenarioTest.PROJECTED).until(() -> techniqueGauges(technique), expected::equals);
    }

    private static Map<String, Double> techniqueGauges(String technique) {
        String metrics = scrape();
        Map<String, Double> gauges = new HashMap<>();
        for (String stage : List.of("found", "contacted", "objected", "won", "lost", "open")) {
            String series = "funnel_prospects_by_technique{stage=\"" + stage + "\",technique=\"" + technique + "\"} ";
            metrics.lines().filter(line -> line.startsWith(series)).findFirst()
                    .ifPresent(line -> gauges.put(stage, Double.parseDouble(line.substring(series.length()))));
        }
        return gauges;
    }

    /** The SALES gauges once nothing is in flight: the lag is 0 and two reads a refresh apart agree. */
    private static Map<String, Double> settledSalesGauges() {
        await().atMost(FunnelScenarioTest.PROJECTED).until(AnalyticsApi::projection,
                now -> now.path("lagByTopic").path(Topics.PROSPECTS).asLong(-1) == 0);
        AtomicReference<Map<String, Double>> previous = new AtomicReference<>(Map.of());
        // Polled further apart than the test profile's refresh interval of 1 s: equal twice means settled.
        await().atMost(FunnelScenarioTest.PROJECTED).pollInterval(Duration.ofMillis(1_500)).until(() -> {
            Map<String, Double> now = salesGauges();
            return now.equals(previous.getAndSet(now));
        });
        return previous.get();
    }

    private static Map<String, Double> salesGauges() {
        String metrics = scrape();
        Map<String, Double> gauges = new HashMap<>();
        for (String stage : List.of("found", "contacted", "objected", "won", "lost", "open")) {
            String series = "funnel_prospects{source=\"SALES\",stage=\"" + stage + "\"} ";
            metrics.lines().filter(line -> line.startsWith(series)).findFirst()
                    .ifPresent(line -> gauges.put(stage, Double.parseDouble(line.substring(series.length()))));
        }
        return gauges;
    }

    private static String scrape() {
        return ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void theProjectionReportsWhatItDid() {
        given().get("/admin/projection").then().statusCode(200)
                .body("eventsApplied", notNullValue())
                .body("lag", notNullValue())
                .body("lagByTopic", aMapWithSize(Topics.all().size()));
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        ManagementInterface.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/funnel/breakdown"))
                .body(containsString("/funnel/objections"))
                .body(containsString("/insights/consistency"))
                .body(containsString("/insights/sprout-lag"))
                .body(containsString("/insights/hunting-vs-farming"))
                .body(containsString("/insights/harvest"))
                .body(containsString("/admin/projection/rebuild"));
    }

    private static ProspectFound found(LocalDate day) {
        return new ProspectFound(UUID.randomUUID(), ProspectSource.SALES, null, "ops", 0, "EUR",
                day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
