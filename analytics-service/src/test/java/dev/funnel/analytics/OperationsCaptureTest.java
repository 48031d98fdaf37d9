package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.projection;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.events.Cadence;
import dev.funnel.events.CloudEventTypes;
import dev.funnel.events.MarketingActivityLogged;
import dev.funnel.events.MarketingTechniqueDefined;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.SalesQuotaSet;
import dev.funnel.events.Topics;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.ManagementInterface;
import dev.funnel.testing.OperationsCapture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Captures this service's real metrics, health paths and configuration names for deploy/checks, which fails the
 * build when an alert, a dashboard or a Deployment uses something the service does not have.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class OperationsCaptureTest {

    @Test
    void metricsProbesAndSettingsAreCapturedAfterAnEventWasAppliedRepeatedAndDeadLettered() {
        LocalDate day = FunnelScenario.unusedDay();
        String owner = "capture-" + UUID.randomUUID().toString().substring(0, 8);
        RawEvent found = RawEvent.of(new ProspectFound(UUID.randomUUID(), ProspectSource.MARKETING, "capture-blog",
                owner, 0, "EUR", day.atTime(9, 0).toInstant(ZoneOffset.UTC)));
        // A technique worked today: the insight gauges (habit strength per technique) exist only for such.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        RawEvent defined = RawEvent.of(new MarketingTechniqueDefined("capture-blog", "Capture blog", Cadence.DAILY,
                today.atStartOfDay().toInstant(ZoneOffset.UTC)));
        RawEvent worked = RawEvent.of(new MarketingActivityLogged(UUID.randomUUID(), "capture-blog", today, 30, 0,
                "EUR", today.atStartOfDay().toInstant(ZoneOffset.UTC)));
        // A quota this month: the quota gauges have a series per seller with one.
        RawEvent quota = RawEvent.of(new SalesQuotaSet(owner, YearMonth.from(today), 3, null, null, "capture-manager",
                Instant.now()));
        JsonNode before = projection();
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            defined.sendWith(kafka);
            worked.sendWith(kafka);
            quota.sendWith(kafka);
            found.sendWith(kafka);
            // Twice: the duplicates counter, too, exists only once it counted one.
            found.sendWith(kafka);
            // The dead-letter counter exists only once a record was dead-lettered: the alert on it needs its name.
            kafka.produce(Topics.PROSPECTS, owner, "not json".getBytes(StandardCharsets.UTF_8),
                    RawEvent.headers(UUID.randomUUID().toString(), CloudEventTypes.PROSPECT_FOUND,
                            new ProspectFound(UUID.randomUUID(), ProspectSource.SALES, null, owner, 0, "EUR",
                                    day.atStartOfDay().toInstant(ZoneOffset.UTC))));
        }
        // The series below may exist already, from earlier classes: waiting only for them would let this class's
        // duplicate and dead letter be counted after a later class read its "before". So wait until both are
        // counted and nothing this class wrote is left: the lag of /admin/projection is read from the broker on
        // each call, where the lag gauge may still show a figure from before the sends.
        await().atMost(FunnelScenarioTest.PROJECTED).until(AnalyticsApi::projection, now ->
                now.get("duplicatesSkipped").asLong() >= before.get("duplicatesSkipped").asLong() + 1
                        && now.get("deadLettered").asLong() >= before.get("deadLettered").asLong() + 1
                        && now.path("lagByTopic").path(Topics.MARKETING_ACTIVITIES).asLong(-1) == 0
                        && now.path("lagByTopic").path(Topics.PROSPECTS).asLong(-1) == 0);

        String metrics = await().atMost(FunnelScenarioTest.PROJECTED).until(OperationsCaptureTest::scrape, scrape ->
                scrape.contains("funnel_analytics_events_applied_total{path=\"live\",type=\"ProspectFound\"}")
                        && scrape.contains("funnel_analytics_events_duplicates_total{type=\"ProspectFound\"}")
                        && scrape.contains("funnel_analytics_events_dead_lettered_total{")
                        && scrape.contains("funnel_analytics_batch_seconds_count")
                        && scrape.contains("funnel_prospects{source=\"MARKETING\",stage=\"found\"}")
                        && scrape.contains(
                                "funnel_prospects_by_technique{stage=\"found\",technique=\"capture-blog\"}")
                        && scrape.contains("funnel_analytics_projection_lag_events{topic=\"funnel.prospects.v1\"}")
                        && scrape.contains("funnel_technique_habit_strength{technique=\"capture-blog\"}")
                        && scrape.contains("funnel_techniques{status=\"SEEDING\"}")
                        && scrape.contains("funnel_typical_sprout_lag_seconds")
                        && scrape.contains("funnel_forecast_customers_expected{horizon_days=\"30\"}")
                        && scrape.contains(quotaSeries("funnel_quota_attainment_ratio", owner))
                        && scrape.contains(quotaSeries("funnel_quota_pace_ratio", owner)));
        List<String> healthUp = await().atMost(FunnelScenarioTest.PROJECTED).until(
                OperationsCaptureTest::healthPathsUp, up -> up.size() == OperationsCapture.HEALTH_PATHS.size());

        OperationsCapture.write("analytics-service", metrics, healthUp,
                ConfigProvider.getConfig().getPropertyNames());
    }

    private static String quotaSeries(String gauge, String owner) {
        return gauge + "{owner=\"" + owner + "\",target=\"customers\"}";
    }

    private static String scrape() {
        return ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static List<String> healthPathsUp() {
        return OperationsCapture.HEALTH_PATHS.stream()
                .filter(path -> ManagementInterface.given().get(path).statusCode() == 200)
                .toList();
    }
}
