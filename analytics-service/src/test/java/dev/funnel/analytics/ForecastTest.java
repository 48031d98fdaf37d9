package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.get;
import static dev.funnel.analytics.AnalyticsApi.parse;
import static dev.funnel.analytics.ForecastScenario.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The forecast and its backtest against {@link ForecastScenario}, loaded once through the real topics. Every
 * expected figure is counted by hand from the scenario's table; the README's worked example is this one.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ForecastTest {

    private static final double Z = 1.6448536269514722;
    private static ForecastScenario scenario;

    @BeforeAll
    static void loadTheScenario() {
        scenario = new ForecastScenario();
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            RawEvent.sendAll(kafka, scenario.records());
        }
    }

    @Test
    void eachOpenProspectIsWeightedByTheShareOfItsReferencesWonWithinTheHorizon() {
        JsonNode answer = forecast(Map.of());

        assertThat(answer.get("asOf").asText()).isEqualTo("2010-04-13");
        assertThat(answer.get("horizonDays").asInt()).isEqualTo(30);
        assertThat(answer.get("through").asText()).isEqualTo("2010-05-13");
        assertThat(answer.get("owner").isNull()).isTrue();
        // Open at day 100: O3 (found d80, age 20), O1 (d90, age 10), O2 (d95, age 5), oldest first.
        // O3, SALES and CONTACTED at age 20: a reference is found by d50 (d50 + 20 + 30 = d100), open and
        // contacted at its age 20. SALES ones: S1 won d30 (by d50), S2 lost: 2, fewer than 5. Contacted of any
        // source: S1, S2 and M1 (won d21, by d50), M2 (won d60, after d55), M3 (lost), M4 (won d50, by d65),
        // M6 (won d55, by d75), M7 (contacted d45, at d50 contacted, won d60, by d80); M5 was won at d25, S3 lost
        // at d30, S4 won at d50, M8 lost at d45: none open at their age 20. 5 won of 8.
        // O1, MARKETING and CONTACTED at age 10, references found by d60: M1 (won d21 by d40), M2 (won d60 after
        // d45), M3 (lost), M4 (won d50 by d55), M6 (won d55 by d65), M9 (lost): 3 of 6; M7 was not contacted at
        // age 10 (d40), M5 and M8 decided before it, B1 (d60) lost on d61.
        // O2, SALES and FOUND at age 5, references found by d65: SALES not contacted at age 5: S3 (lost), S4 (won
        // d50 by d65): 2; any source: and M7 (won d60 by d65): 3; every prospect open at age 5: M1, M2, M3, M4,
        // M6, M7, M9, S1, S2, S3, S4 (M5 won and M8 lost at exactly age 5, B1 lost at age 1), won by age 35:
        // M1 (d21 by d35), M4 (d50, by d50 exactly), M6 (d55 by d60), M7, S1 (d30 by d35), S4: 6 of 11.
        List<JsonNode> open = list(answer.get("openProspects"));
        assertThat(open).extracting(prospect -> prospect.get("prospectId").asText())
                .containsExactly(scenario.o3.toString(), scenario.o1.toString(), scenario.o2.toString());
        assertOpen(open.get(0), "SALES", null, "fc-ben", "CONTACTED", 20.0, 20_000, "USD", "STAGE", 8, 5);
        assertOpen(open.get(1), "MARKETING", "forecast-seo", "fc-ana", "CONTACTED", 10.0, 30_000, "EUR",
                "STAGE_AND_SOURCE", 6, 3);
        assertOpen(open.get(2), "SALES", null, "fc-ben", "FOUND", 5.0, 10_000, "EUR", "ALL", 11, 6);
    }

    @Test
    void theExpectedCustomersAreTheSumOfTheProbabilitiesWithThePoissonBinomialQuantiles() {
        JsonNode answer = forecast(Map.of());

        // 5/8 + 1/2 + 6/11 = 147/88. P(0 won) = 3/8 * 1/2 * 5/11 = 15/176 >= 5%: low = 0; P(3 won) = 30/176, so
        // P(<= 2) = 146/176 < 95%: high = 3.
        assertThat(answer.get("customers")).isEqualTo(parse("""
                {"open": 3, "estimated": 3, "withoutHistory": 0, "expected": %s, "low": 0, "high": 3}"""
                .formatted(147 / 88.0)));
        // EUR: 30,000 * 1/2 + 10,000 * 6/11 = 225,000/11 = 20,454.54..., rounded to 20,455; USD: 20,000 * 5/8.
        assertThat(answer.get("expectedValueMinor")).isEqualTo(parse("""
                {"EUR": 20455, "USD": 12500}"""));
    }

    @Test
    void eachTechniqueIsExpectedItsYieldTimesTheEffortThatFallsDueALagLater() {
        JsonNode marketing = forecast(Map.of()).get("marketing");

        // forecast-ads: worked 20 days of 60 minutes, no prospect yet: no lag, so no yield to expect from.
        // forecast-blog: first activity d50, first prospect d60: lag 10. Last 28 days (d72..d99): 14 * 20 + 14 * 10
        // = 420. Prospects d-265..d99: B1..B4 = 4; minutes a lag earlier, d-275..d89: 36 * 20 + 4 * 10 = 760.
        // Due in the horizon: the effort of d90..d119, of which d90..d99 is done (100 minutes) and d100..d119 at
        // the current 420/28 = 15 a day (300): 400 minutes, 400 * 4/760 = 40/19 prospects.
        // forecast-seo: first activity d-60, first prospect d0: lag 60, longer than the horizon, so all the effort
        // due (d40..d69, 900 minutes) is done. Prospects M1..M10 and O1 = 11 over d-325..d39's 100 days of 30
        // minutes = 3,000: 900 * 11/3000 = 3.3.
        assertThat(marketing.get("techniques")).isEqualTo(parse("""
                [{"technique": "forecast-ads", "lagDays": null, "minutesLast28Days": 1200, "minutesPerWeek": 300.0,
                  "prospectsLastYear": 0, "laggedMinutesLastYear": null, "prospectsPerHour": null,
                  "harvestedMinutes": null, "expectedProspects": null},
                 {"technique": "forecast-blog", "lagDays": 10, "minutesLast28Days": 420, "minutesPerWeek": 105.0,
                  "prospectsLastYear": 4, "laggedMinutesLastYear": 760, "prospectsPerHour": %s,
                  "harvestedMinutes": 400.0, "expectedProspects": %s},
                 {"technique": "forecast-seo", "lagDays": 60, "minutesLast28Days": 840, "minutesPerWeek": 210.0,
                  "prospectsLastYear": 11, "laggedMinutesLastYear": 3000, "prospectsPerHour": 0.22,
                  "harvestedMinutes": 900.0, "expectedProspects": 3.3}]""".formatted(6 / 19.0, 40 / 19.0)));
        // 33/10 + 40/19 = 1027/190.
        assertThat(marketing.get("expectedProspects").asDouble()).isEqualTo(1027 / 190.0);
    }

    @Test
    void aSellersForecastLearnsFromTheirProspectsAlone() {
        JsonNode answer = forecast(Map.of("owner", "fc-ben"));

        // O3 at age 20 among S1..S4: S1 (won) and S2 (lost) were open, S3 and S4 decided: 1 of 2, every stage.
        // O2 at age 5: S1, S2, S3, S4 all open, S1 and S4 won by age 35: 2 of 4.
        assertThat(answer.get("owner").asText()).isEqualTo("fc-ben");
        List<JsonNode> open = list(answer.get("openProspects"));
        assertThat(open).extracting(prospect -> prospect.get("prospectId").asText())
                .containsExactly(scenario.o3.toString(), scenario.o2.toString());
        assertOpen(open.get(0), "SALES", null, "fc-ben", "CONTACTED", 20.0, 20_000, "USD", "ALL", 2, 1);
        assertOpen(open.get(1), "SALES", null, "fc-ben", "FOUND", 5.0, 10_000, "EUR", "ALL", 4, 2);
        // Two halves: P(0) = P(2) = 1/4, P(1) = 1/2.
        assertThat(answer.get("customers")).isEqualTo(parse("""
                {"open": 2, "estimated": 2, "withoutHistory": 0, "expected": 1.0, "low": 0, "high": 2}"""));
        assertThat(answer.get("expectedValueMinor")).isEqualTo(parse("""
                {"EUR": 5000, "USD": 10000}"""));
    }

    @Test
    void withoutAnyHistoryNothingIsExpectedAndTheProspectsAreCountedAsSuch() {
        // As of day 0, M1 and S1 are open; nobody was found in the year before.
        JsonNode answer = forecast(Map.of("asOf", day(0).toString()));

        assertThat(answer.get("customers")).isEqualTo(parse("""
                {"open": 2, "estimated": 0, "withoutHistory": 2, "expected": 0.0, "low": 0, "high": 0}"""));
        assertThat(answer.get("expectedValueMinor")).isEmpty();
        assertThat(list(answer.get("openProspects"))).allSatisfy(prospect -> {
            assertThat(prospect.get("basis").asText()).isEqualTo("NONE");
            assertThat(prospect.get("references").asInt()).isZero();
            assertThat(prospect.get("probability").isNull()).isTrue();
            assertThat(prospect.get("wilsonLow").isNull()).isTrue();
        });
    }

    @Test
    void theBacktestScoresTheForecastsWhoseHorizonHasPassedAndOnlyThose() {
        JsonNode answer = get("/insights/forecast/backtest", Map.of("asOf", day(134).toString(), "weeksAgo", 5,
                "horizonDays", 30));

        assertThat(answer.get("weeksAgo").asInt()).isEqualTo(5);
        List<JsonNode> origins = list(answer.get("origins"));
        assertThat(origins).extracting(origin -> origin.get("asOf").asText())
                .containsExactly("2010-04-13", "2010-04-20", "2010-04-27", "2010-05-04", "2010-05-11");
        // Made as of day 99, judged through day 129: of O1, O2 and O3 only O1 was won (d110, 35,000 EUR); O3 was
        // won on d140, after the horizon. Of the techniques with an expectation (1027/190), forecast-blog brought B5
        // on d120.
        double error = 1 - 147 / 88.0;
        double marketingError = 1 - 1027 / 190.0;
        assertThat(origins.get(0)).isEqualTo(parse("""
                {"asOf": "2010-04-13", "through": "2010-05-13", "complete": true, "estimated": 3,
                 "expected": %s, "low": 0, "high": 3, "actual": 1, "error": %s, "absoluteError": %s,
                 "relativeError": %s, "inside": true, "expectedValueMinor": {"EUR": 20455, "USD": 12500},
                 "actualValueMinor": {"EUR": 35000}, "marketingExpected": %s, "marketingActual": 1,
                 "marketingError": %s}"""
                .formatted(147 / 88.0, error, Math.abs(error), error / (147 / 88.0), 1027 / 190.0,
                        marketingError)));
        // Day 106 + 30 is after day 134: not scored, what happened so far shown.
        for (JsonNode origin : origins.subList(1, origins.size())) {
            assertThat(origin.get("complete").asBoolean()).isFalse();
            assertThat(origin.get("error").isNull()).isTrue();
            assertThat(origin.get("inside").isNull()).isTrue();
            assertThat(origin.get("marketingError").isNull()).isTrue();
            assertThat(origin.get("expected").asDouble()).as(origin.get("asOf").asText())
                    .isEqualTo(forecast(Map.of("asOf", origin.get("asOf").asText())).at("/customers/expected")
                            .asDouble());
        }
        assertThat(answer.get("summary")).isEqualTo(parse("""
                {"scored": 1, "meanError": %s, "meanAbsoluteError": %s, "coverage": 1.0,
                 "marketingMeanError": %s, "marketingMeanAbsoluteError": %s}"""
                .formatted(error, Math.abs(error), marketingError, Math.abs(marketingError))));
    }

    @Test
    void theGaugesShowTodaysForecastPerHorizon() {
        await().atMost(FunnelScenarioTest.PROJECTED).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract()
                    .asString();
            for (int horizon : List.of(30, 60, 90)) {
                JsonNode today = get("/insights/forecast", Map.of("horizonDays", horizon));
                String label = "{horizon_days=\"" + horizon + "\"}";
                assertThat(gauge(metrics, "funnel_forecast_customers_expected" + label))
                        .isEqualTo(today.at("/customers/expected").asDouble());
                assertThat(gauge(metrics, "funnel_forecast_customers_low" + label))
                        .isEqualTo(today.at("/customers/low").asDouble());
                assertThat(gauge(metrics, "funnel_forecast_customers_high" + label))
                        .isEqualTo(today.at("/customers/high").asDouble());
                assertThat(gauge(metrics, "funnel_forecast_marketing_prospects_expected" + label))
                        .isEqualTo(today.at("/marketing/expectedProspects").asDouble());
            }
        });
    }

    /** Every prospect's events are in order on its partition; the activities and definitions on theirs. */
    @BeforeEach
    void awaitTheScenarioApplied() {
        await().atMost(FunnelScenarioTest.PROJECTED).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode losses = get("/insights/lost", Map.of("from", day(0).toString(), "to", day(95).toString()));
            JsonNode funnel = get("/funnel", Map.of("from", day(-60).toString(), "to", day(99).toString()));
            JsonNode later = forecast(Map.of("asOf", day(140).toString()));
            JsonNode blog = get("/funnel", Map.of("from", day(120).toString(), "to", day(120).toString()));
            return losses.get("lost").asLong() == 10 && losses.get("won").asLong() == 11
                    && blog.at("/stages/lost").asLong() == 1
                    && funnel.at("/effort/activities").asLong() == 230
                    && forecast(Map.of()).at("/marketing/techniques").size() == 3
                    && later.at("/customers/open").asLong() == 0;
        });
    }

    private static void assertOpen(JsonNode prospect, String source, String technique, String owner, String stage,
            double ageDays, long estimate, String currency, String basis, int references, int won) {
        assertThat(prospect.get("source").asText()).isEqualTo(source);
        assertThat(prospect.get("technique").isNull() ? null : prospect.get("technique").asText())
                .isEqualTo(technique);
        assertThat(prospect.get("owner").asText()).isEqualTo(owner);
        assertThat(prospect.get("stage").asText()).isEqualTo(stage);
        assertThat(prospect.get("ageDays").asDouble()).isEqualTo(ageDays);
        assertThat(prospect.get("estimatedValueMinor").asLong()).isEqualTo(estimate);
        assertThat(prospect.get("currency").asText()).isEqualTo(currency);
        assertThat(prospect.get("basis").asText()).isEqualTo(basis);
        assertThat(prospect.get("references").asInt()).isEqualTo(references);
        assertThat(prospect.get("referencesWon").asInt()).isEqualTo(won);
        assertThat(prospect.get("probability").asDouble()).isEqualTo((double) won / references);
        // Wilson's score interval at z = 1.645, by its textbook formula.
        double n = references;
        double p = won / n;
        double centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n);
        double half = Z / (1 + Z * Z / n) * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n));
        assertThat(prospect.get("wilsonLow").asDouble()).isCloseTo(centre - half, within(1e-12));
        assertThat(prospect.get("wilsonHigh").asDouble()).isCloseTo(centre + half, within(1e-12));
    }

    private static JsonNode forecast(Map<String, Object> extra) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("asOf", day(99).toString());
        query.put("horizonDays", 30);
        query.putAll(extra);
        return get("/insights/forecast", query);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static double gauge(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(series + " not exposed"));
    }
}
