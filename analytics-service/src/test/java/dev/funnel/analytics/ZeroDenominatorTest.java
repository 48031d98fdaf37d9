package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.breakdown;
import static dev.funnel.analytics.AnalyticsApi.categories;
import static dev.funnel.analytics.AnalyticsApi.figures;
import static dev.funnel.analytics.AnalyticsApi.funnel;
import static dev.funnel.analytics.AnalyticsApi.objections;
import static dev.funnel.analytics.AnalyticsApi.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.analytics.AnalyticsApi.Effort;
import dev.funnel.analytics.AnalyticsApi.Figures;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectSource;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A ratio whose denominator is zero is JSON null, never NaN, infinity or an error. */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ZeroDenominatorTest {

    private static final Figures NOTHING = new Figures(Effort.NONE, 0, 0, 0, 0, 0, 0,
            null, null, null, null, null, null, 0, 0);

    @Test
    void anEmptyRangeHasZeroCountsAndNullRatios() {
        LocalDate day = FunnelScenario.unusedDay();

        JsonNode answer = funnel(day, day.plusDays(30));

        assertThat(figures(answer)).isEqualTo(NOTHING);
        assertThat(answer.get("winRate").isNull()).isTrue();
        assertThat(answer.at("/conversion/foundToContacted").isNull()).isTrue();
        assertThat(rows(breakdown("source", day, day.plusDays(30))))
                .containsExactly(Map.entry("MARKETING", NOTHING), Map.entry("SALES", NOTHING));
        assertThat(rows(breakdown("week", day, day.plusDays(30)))).isEmpty();
        JsonNode objections = objections(day, day.plusDays(30));
        assertThat(categories(objections)).allSatisfy(category -> {
            assertThat(category.resolutionRate()).isNull();
            assertThat(category.winRateAllResolved()).isNull();
            assertThat(category.winRateNotAllResolved()).isNull();
        });
        assertThat(objections.at("/neverObjected/winRate").isNull()).isTrue();
    }

    @Test
    void aProspectOnlyFoundHasNullRatiosBeyondFound() {
        LocalDate day = FunnelScenario.unusedDay();
        String owner = "zed-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            RawEvent.of(new ProspectFound(UUID.randomUUID(), ProspectSource.SALES, null, owner, 0, "EUR",
                    day.atTime(12, 0).toInstant(ZoneOffset.UTC))).sendWith(kafka);
        }

        await().atMost(FunnelScenarioTest.PROJECTED).untilAsserted(() ->
                assertThat(figures(funnel(day, day, "owner", owner))).isEqualTo(new Figures(Effort.NONE,
                        1, 0, 0, 0, 0, 1, 0.0, null, 0.0, null, null, null, 0, 0)));
    }
}
