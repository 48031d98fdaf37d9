package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.projection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scripted scenario through the real topics: every figure of every endpoint, whatever the delivery. */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class FunnelScenarioTest {

    static final Duration PROJECTED = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forTestBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void scriptedScenarioGivesTheHandComputedFigures() {
        FunnelScenario scenario = FunnelScenario.create();

        RawEvent.sendAll(kafka, scenario.records());

        awaitAnswers(scenario);
    }

    @Test
    void everyEventSentTwiceGivesTheSameFiguresAndCountsTheDuplicates() {
        FunnelScenario scenario = FunnelScenario.create();
        List<RawEvent> records = scenario.records();
        long duplicatesBefore = projection().get("duplicatesSkipped").asLong();

        RawEvent.sendAll(kafka, records);
        RawEvent.sendAll(kafka, records);

        await().atMost(PROJECTED).untilAsserted(() -> assertThat(projection().get("duplicatesSkipped").asLong())
                .isEqualTo(duplicatesBefore + records.size()));
        ScenarioAnswers.assertAll(scenario);
    }

    @Test
    void eventsInReverseOrderGiveTheSameFigures() {
        // Every ProspectWon before its ProspectFound, every resolve before its raise, every activity before its
        // technique's definition.
        FunnelScenario scenario = FunnelScenario.create();
        List<RawEvent> records = new ArrayList<>(scenario.records());
        Collections.reverse(records);

        RawEvent.sendAll(kafka, records);

        awaitAnswers(scenario);
    }

    @Test
    void shuffledEventsGiveTheSameFigures() {
        FunnelScenario scenario = FunnelScenario.create();
        List<RawEvent> records = new ArrayList<>(scenario.records());
        long seed = new Random().nextLong();
        Collections.shuffle(records, new Random(seed));

        RawEvent.sendAll(kafka, records);

        await().atMost(PROJECTED).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    try {
                        ScenarioAnswers.assertAll(scenario);
                    } catch (AssertionError e) {
                        throw new AssertionError("shuffled with seed " + seed + ": " + e.getMessage(), e);
                    }
                });
    }

    static void awaitAnswers(FunnelScenario scenario) {
        await().atMost(PROJECTED).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> ScenarioAnswers.assertAll(scenario));
    }
}
