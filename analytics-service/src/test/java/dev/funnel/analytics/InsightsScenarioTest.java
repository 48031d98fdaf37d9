package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.get;
import static dev.funnel.analytics.AnalyticsApi.number;
import static dev.funnel.analytics.InsightsScenario.farmDay;
import static dev.funnel.analytics.InsightsScenario.huntDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every insight endpoint against {@link InsightsScenario}, loaded once through the real topics. The habit strengths
 * are the closed forms worked out in {@code HabitStrengthTest} (the WEEKDAYS one from a transcription of Loop's
 * {@code ScoreList}); everything else is counted by hand from the scenario's table.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class InsightsScenarioTest {

    private static final Offset<Double> EXACT = within(1e-12);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final LocalDate AS_OF = farmDay(65);
    private static InsightsScenario scenario;

    @BeforeAll
    static void loadTheScenario() {
        scenario = new InsightsScenario();
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            RawEvent.sendAll(kafka, scenario.records());
        }
    }

    @Test
    void consistencyOnARunningWednesday() {
        eventually(() -> {
            JsonNode answer = consistency(farmDay(0), AS_OF, AS_OF);

            assertThat(answer.get("asOf").asText()).isEqualTo("2001-03-07");
            assertThat(answer.get("typicalSproutLagDays").asLong()).isEqualTo(20);
            // Techniques started by asOf only, by slug: the 2007 ones do not exist yet.
            assertThat(slugs(answer)).containsExactlyElementsOf(scenario.farm());
            assertThat(answer.get("techniques")).filteredOn(row -> row.get("technique").asText()
                    .equals(scenario.abandoned)).singleElement()
                    .satisfies(row -> assertThat(row.get("name").asText()).isEqualTo("Newsletter"));
            Map<String, Kept> rows = kept(answer);
            assertThat(rows.get(scenario.abandoned)).isEqualTo(new Kept("WEEKLY", farmDay(0), farmDay(21), 21,
                    9, 4, 4 / 9.0, 0, 4, 1, "ABANDONED"));
            assertThat(rows.get(scenario.daily)).isEqualTo(new Kept("DAILY", farmDay(5), farmDay(64), 59,
                    60, 59, 59 / 60.0, 29, 30, 3, "GROWING"));
            assertThat(rows.get(scenario.early)).isEqualTo(new Kept("DAILY", farmDay(0), farmDay(11), 11,
                    65, 12, 12 / 65.0, 0, 12, 0, "ABANDONED_EARLY"));
            assertThat(rows.get(scenario.idle)).isEqualTo(new Kept("DAILY", null, null, 0,
                    45, 0, 0.0, 0, 0, 0, "ABANDONED_EARLY"));
            assertThat(rows.get(scenario.weekdays)).isEqualTo(new Kept("WEEKDAYS", farmDay(7), farmDay(64), 57,
                    42, 42, 1.0, 42, 42, 2, "GROWING"));
            assertThat(rows.get(scenario.weekly)).isEqualTo(new Kept("WEEKLY", farmDay(52), farmDay(59), 7,
                    2, 2, 1.0, 2, 2, 0, "SEEDING"));
            Map<String, Double> strength = strengths(answer);
            assertThat(strength.get(scenario.abandoned)).isCloseTo(0.2156925989557522, EXACT);
            assertThat(strength.get(scenario.daily)).isCloseTo(0.8989110945867305, EXACT);
            assertThat(strength.get(scenario.early)).isCloseTo(0.026550763501622218, EXACT);
            assertThat(strength.get(scenario.idle)).isZero();
            assertThat(strength.get(scenario.weekdays)).isCloseTo(0.9072764605979502, EXACT);
            assertThat(strength.get(scenario.weekly)).isCloseTo(0.1887003278398465, EXACT);
        });
    }

    @Test
    void consistencyOfASingleDayAndOfAnEmptyRange() {
        eventually(() -> {
            // Day 35, a Monday: the one day the daily technique missed.
            Map<String, Kept> monday = kept(consistency(farmDay(35), farmDay(35), AS_OF));
            assertThat(planned(monday, scenario.abandoned)).containsExactly(1L, 0L, 0.0);
            assertThat(planned(monday, scenario.daily)).containsExactly(1L, 0L, 0.0);
            assertThat(planned(monday, scenario.early)).containsExactly(1L, 0L, 0.0);
            assertThat(planned(monday, scenario.idle)).containsExactly(1L, 0L, 0.0);
            assertThat(planned(monday, scenario.weekdays)).containsExactly(1L, 1L, 1.0);
            assertThat(planned(monday, scenario.weekly)).containsExactly(0L, 0L, null);
            // Streaks and status do not depend on the range.
            assertThat(monday.get(scenario.daily).currentStreak()).isEqualTo(29);
            // Day 34, a Sunday: no weekday is planned.
            Map<String, Kept> sunday = kept(consistency(farmDay(34), farmDay(34), AS_OF));
            assertThat(planned(sunday, scenario.weekdays)).containsExactly(0L, 0L, null);
            assertThat(planned(sunday, scenario.daily)).containsExactly(1L, 1L, 1.0);

            JsonNode empty = consistency(LocalDate.of(2000, 12, 1), LocalDate.of(2000, 12, 31), AS_OF);
            Map<String, Kept> whole = kept(consistency(farmDay(0), AS_OF, AS_OF));
            kept(empty).forEach((technique, row) -> {
                assertThat(planned(row)).containsExactly(0L, 0L, null);
                assertThat(row.withoutRange()).isEqualTo(whole.get(technique).withoutRange());
            });
            assertThat(slugs(empty)).containsExactlyElementsOf(scenario.farm());
        });
    }

    @Test
    void aRunningPeriodCountsOnceKeptAndAWeekendEndsNoWeekdaysStreak() {
        eventually(() -> {
            // Wednesday day 58: the weekly technique's week is running, its Thursday not come yet; the daily
            // technique already worked that day.
            JsonNode wednesday = consistency(farmDay(49), farmDay(58), farmDay(58));
            Map<String, Kept> rows = kept(wednesday);
            assertThat(rows.get(scenario.weekly)).isEqualTo(new Kept("WEEKLY", farmDay(52), farmDay(52), 0,
                    1, 1, 1.0, 1, 1, 0, "SEEDING"));
            assertThat(strengths(wednesday).get(scenario.weekly)).isCloseTo(0.06578524125821668, EXACT);
            assertThat(planned(rows, scenario.daily)).containsExactly(10L, 10L, 1.0);
            assertThat(rows.get(scenario.daily).currentStreak()).isEqualTo(23);
            assertThat(strengths(wednesday).get(scenario.daily)).isCloseTo(0.9285895681982439, EXACT);
            // Saturday day 61: Friday's weekday is complete, and the streak runs back over 8 weekends to day 7.
            Kept saturday = kept(consistency(farmDay(56), farmDay(61), farmDay(61))).get(scenario.weekdays);
            assertThat(saturday).isEqualTo(new Kept("WEEKDAYS", farmDay(7), farmDay(60), 53,
                    5, 5, 1.0, 40, 40, 2, "GROWING"));
        });
    }

    @Test
    void sproutLagAsOfTheDayAsked() {
        eventually(() -> {
            JsonNode answer = get("/insights/sprout-lag", Map.of("asOf", AS_OF.toString()));

            assertThat(answer.get("asOf").asText()).isEqualTo("2001-03-07");
            // Lags 14 (abandoned), 20 (daily), 25 (weekdays): the median is 20 days, 3 weeks.
            assertThat(typicalLag(answer)).containsExactly(20L, 3L, 3L);
            assertThat(slugs(answer)).containsExactlyElementsOf(scenario.farm());
            Map<String, Sprout> rows = sprouts(answer);
            assertThat(rows.get(scenario.abandoned)).isEqualTo(new Sprout(farmDay(0), farmDay(14), 14L, null, null));
            assertThat(rows.get(scenario.daily)).isEqualTo(new Sprout(farmDay(5), farmDay(25), 20L, null, null));
            assertThat(rows.get(scenario.early)).isEqualTo(new Sprout(farmDay(0), null, null, 65L,
                    "week 10 of a typical 3-week lag"));
            assertThat(rows.get(scenario.idle)).isEqualTo(new Sprout(null, null, null, null, null));
            assertThat(rows.get(scenario.weekdays)).isEqualTo(new Sprout(farmDay(7), farmDay(32), 25L, null, null));
            // Its prospect on day 70 comes after the day asked about.
            assertThat(rows.get(scenario.weekly)).isEqualTo(new Sprout(farmDay(52), null, null, 13L,
                    "week 2 of a typical 3-week lag"));
        });
    }

    @Test
    void beforeAnyProspectTheTypicalLagIsSixWeeks() {
        eventually(() -> {
            JsonNode answer = get("/insights/sprout-lag", Map.of("asOf", farmDay(10).toString()));

            assertThat(typicalLag(answer)).containsExactly(42L, 6L, 0L);
            // The idle technique is defined only on day 20. The weekly one was defined on day 0 and is not worked
            // before day 52: as of day 10 it is a technique defined and left alone.
            assertThat(slugs(answer)).containsExactly(scenario.abandoned, scenario.daily, scenario.early,
                    scenario.weekdays, scenario.weekly);
            Map<String, Sprout> rows = sprouts(answer);
            assertThat(rows.get(scenario.abandoned)).isEqualTo(new Sprout(farmDay(0), null, null, 10L,
                    "week 2 of a typical 6-week lag"));
            assertThat(rows.get(scenario.daily)).isEqualTo(new Sprout(farmDay(5), null, null, 5L,
                    "week 1 of a typical 6-week lag"));
            assertThat(rows.get(scenario.weekdays)).isEqualTo(new Sprout(farmDay(7), null, null, 3L,
                    "week 1 of a typical 6-week lag"));
            assertThat(rows.get(scenario.weekly)).isEqualTo(new Sprout(null, null, null, null, null));
        });
    }

    @Test
    void asOfIsTodayUnlessAsked() {
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        JsonNode lag = get("/insights/sprout-lag", Map.of());
        JsonNode consistency = get("/insights/consistency", Map.of("from", "2001-01-01", "to", "2001-01-31"));
        LocalDate after = LocalDate.now(ZoneOffset.UTC);

        assertThat(LocalDate.parse(lag.get("asOf").asText())).isBetween(before, after);
        assertThat(LocalDate.parse(consistency.get("asOf").asText())).isBetween(before, after);
    }

    @Test
    void huntingConvertsFasterThanFarming() {
        eventually(() -> {
            JsonNode answer = huntingVsFarming(huntDay(0), huntDay(13));

            assertThat(cohort(answer.get("marketing"))).isEqualTo(new SourceCohort("MARKETING", 5, 3, 1, 0.75,
                    14.0, 20.0, Map.of("EUR", 80_000.0, "USD", 20_000.0), 0.4));
            assertThat(effort(answer.at("/marketing/effort"))).isEqualTo(new Effort(4, 240,
                    Map.of("EUR", 3000.0, "USD", 500.0), 48.0, 80.0, Map.of("EUR", 600.0, "USD", 100.0),
                    Map.of("EUR", 1000.0, "USD", 500 / 3.0)));
            assertThat(cohort(answer.get("sales"))).isEqualTo(new SourceCohort("SALES", 5, 3, 2, 0.6, 2.0, 5.0,
                    Map.of("EUR", 75_000.0), 0.6));
            assertThat(answer.at("/sales/effort").isNull()).isTrue();
            assertThat(answer.at("/sales/daysToWin/median").asDouble())
                    .isLessThan(answer.at("/marketing/daysToWin/median").asDouble());
        });
    }

    @Test
    void huntingVsFarmingOfASingleDayAndOfAnEmptyRange() {
        eventually(() -> {
            JsonNode day = huntingVsFarming(huntDay(0), huntDay(0));
            assertThat(cohort(day.get("marketing"))).isEqualTo(new SourceCohort("MARKETING", 1, 1, 0, 1.0, 10.0, 10.0,
                    Map.of("EUR", 50_000.0), 1.0));
            assertThat(effort(day.at("/marketing/effort"))).isEqualTo(new Effort(1, 60, Map.of("EUR", 1000.0),
                    60.0, 60.0, Map.of("EUR", 1000.0), Map.of("EUR", 1000.0)));
            assertThat(cohort(day.get("sales"))).isEqualTo(new SourceCohort("SALES", 1, 1, 0, 1.0, 2.0, 2.0,
                    Map.of("EUR", 40_000.0), 1.0));
        });
        JsonNode empty = huntingVsFarming(LocalDate.of(2006, 6, 1), LocalDate.of(2006, 6, 30));
        assertThat(cohort(empty.get("marketing"))).isEqualTo(new SourceCohort("MARKETING", 0, 0, 0, null, null, null,
                Map.of(), null));
        assertThat(effort(empty.at("/marketing/effort"))).isEqualTo(new Effort(0, 0, Map.of(), null, null, null,
                null));
        assertThat(cohort(empty.get("sales"))).isEqualTo(new SourceCohort("SALES", 0, 0, 0, null, null, null,
                Map.of(), null));
    }

    @Test
    void theHarvestPeaksThreeWeeksAfterTheEffort() {
        eventually(() -> {
            JsonNode answer = harvest(LocalDate.of(2007, 1, 29), LocalDate.of(2007, 4, 22), "0.5");

            assertThat(answer.get("theta").asDouble()).isEqualTo(0.5);
            List<Week> expected = new ArrayList<>();
            double[] adstock = {60, 30, 135, 97.5, 138.75, 69.375, 34.6875, 167.34375, 113.671875, 116.8359375,
                58.41796875, 119.208984375};
            int[] techniques = {1, 0, 2, 1, 1, 0, 0, 2, 1, 1, 0, 2};
            for (int t = 0; t < 12; t++) {
                expected.add(new Week(String.format("2007-W%02d", t + 5),
                        InsightsScenario.HARVEST_MONDAY.plusWeeks(t).toString(), InsightsScenario.HARVEST_MINUTES[t],
                        techniques[t], InsightsScenario.HARVEST_PROSPECTS[t], adstock[t]));
            }
            assertThat(weeks(answer)).containsExactlyElementsOf(expected);
            double[] correlations = {-0.2992483961369234, 0.13649911727415823, -0.5109405634161496, 1.0,
                -0.5241725584537413, 0.0, 0.02076136996343498, -0.2917299829957891, 0.8609160647753271};
            assertThat(answer.get("correlations")).hasSize(9);
            for (int k = 0; k < 9; k++) {
                JsonNode correlation = answer.get("correlations").get(k);
                assertThat(correlation.get("lagWeeks").asInt()).isEqualTo(k);
                assertThat(correlation.get("correlation").asDouble()).as("k = " + k)
                        .isCloseTo(correlations[k], EXACT);
            }
            assertThat(answer.get("bestLagWeeks").asInt()).isEqualTo(3);
            assertThat(answer.get("bestCorrelation").asDouble()).isCloseTo(1.0, EXACT);
        });
    }

    @Test
    void harvestOfASingleDayAnEmptyRangeAndTheDefaultTheta() {
        eventually(() -> {
            // Wednesday of W08: flyers' 30 minutes and two prospects; the week's other days are outside.
            JsonNode day = harvest(LocalDate.of(2007, 2, 21), LocalDate.of(2007, 2, 21), null);
            assertThat(day.get("theta").asDouble()).isEqualTo(0.7);
            assertThat(weeks(day)).containsExactly(new Week("2007-W08", "2007-02-19", 30, 1, 2, 30));
            assertThat(day.get("correlations")).hasSize(9)
                    .allSatisfy(correlation -> assertThat(correlation.get("correlation").isNull()).isTrue());
            assertThat(day.get("bestLagWeeks").isNull()).isTrue();
            assertThat(day.get("bestCorrelation").isNull()).isTrue();

            JsonNode defaultTheta = harvest(LocalDate.of(2007, 1, 29), LocalDate.of(2007, 4, 22), null);
            List<Week> weeks = weeks(defaultTheta);
            assertThat(weeks.get(0).adstock()).isCloseTo(60, EXACT);
            assertThat(weeks.get(1).adstock()).isCloseTo(42, EXACT);
            assertThat(weeks.get(2).adstock()).isCloseTo(149.4, EXACT);
            assertThat(weeks.get(11).adstock()).isCloseTo(180.87515618579997, EXACT);
        });
        JsonNode empty = harvest(LocalDate.of(2006, 6, 5), LocalDate.of(2006, 7, 16), "0");
        assertThat(weeks(empty)).extracting(Week::week)
                .containsExactly("2006-W23", "2006-W24", "2006-W25", "2006-W26", "2006-W27", "2006-W28");
        assertThat(weeks(empty)).allSatisfy(week -> {
            assertThat(week.effortMinutes()).isZero();
            assertThat(week.prospectsFound()).isZero();
            assertThat(week.adstock()).isZero();
        });
        // Nothing varies, so nothing correlates: null, not 0 and not NaN.
        assertThat(empty.get("correlations"))
                .allSatisfy(correlation -> assertThat(correlation.get("correlation").isNull()).isTrue());
        assertThat(empty.get("bestLagWeeks").isNull()).isTrue();
    }

    @Test
    void theGaugesShowEveryTechniqueAndEveryStatusToday() {
        eventually(() -> {
            String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();

            JsonNode asOfToday = get("/insights/consistency", Map.of("from", "2001-01-01", "to", "2001-01-01"));
            // Each status counts the techniques the API gives that status today, every status shown, 0 included.
            for (String status : List.of("ABANDONED_EARLY", "ABANDONED", "GROWING", "SEEDING")) {
                long withStatus = 0;
                for (JsonNode technique : asOfToday.get("techniques")) {
                    withStatus += status.equals(technique.get("status").asText()) ? 1 : 0;
                }
                assertThat(gauge(metrics, "funnel_techniques{status=\"" + status + "\"}")).as(status)
                        .isEqualTo(withStatus);
            }
            // In days on the API, in seconds on /q/metrics.
            assertThat(gauge(metrics, "funnel_typical_sprout_lag_seconds"))
                    .isEqualTo(asOfToday.get("typicalSproutLagDays").asDouble() * Duration.ofDays(1).toSeconds());
            Map<String, Double> today = strengths(asOfToday);
            for (String technique : scenario.farm()) {
                assertThat(gauge(metrics, "funnel_technique_habit_strength{technique=\"" + technique + "\"}"))
                        .as(technique).isCloseTo(today.get(technique), withinPercentage(1e-6));
            }
        });
    }

    private static void eventually(ThrowingRunnable assertions) {
        await().atMost(FunnelScenarioTest.PROJECTED).pollInterval(POLL).untilAsserted(assertions);
    }

    private static JsonNode consistency(LocalDate from, LocalDate to, LocalDate asOf) {
        return get("/insights/consistency", Map.of("from", from.toString(), "to", to.toString(),
                "asOf", asOf.toString()));
    }

    private static JsonNode huntingVsFarming(LocalDate from, LocalDate to) {
        return get("/insights/hunting-vs-farming", Map.of("from", from.toString(), "to", to.toString()));
    }

    private static JsonNode harvest(LocalDate from, LocalDate to, String theta) {
        Map<String, String> query = new HashMap<>(Map.of("from", from.toString(), "to", to.toString()));
        if (theta != null) {
            query.put("theta", theta);
        }
        return get("/insights/harvest", query);
    }

    /** The slugs of this scenario's techniques in the answer, in its order; other tests' techniques left out. */
    private static List<String> slugs(JsonNode answer) {
        List<String> slugs = new ArrayList<>();
        answer.get("techniques").forEach(row -> {
            String slug = row.get("technique").asText();
            if (scenario.farm().contains(slug)) {
                slugs.add(slug);
            }
        });
        return slugs;
    }

    private static Map<String, Kept> kept(JsonNode answer) {
        Map<String, Kept> rows = new LinkedHashMap<>();
        answer.get("techniques").forEach(row -> rows.put(row.get("technique").asText(), new Kept(
                row.get("cadence").asText(), date(row.get("firstActivityOn")), date(row.get("lastActivityOn")),
                row.get("activeForDays").asLong(), row.get("plannedPeriods").asLong(),
                row.get("activePeriods").asLong(), number(row.get("adherence")), row.get("currentStreak").asLong(),
                row.get("longestStreak").asLong(), row.get("prospects").asLong(), row.get("status").asText())));
        return rows;
    }

    private static Map<String, Double> strengths(JsonNode answer) {
        Map<String, Double> strengths = new HashMap<>();
        answer.get("techniques").forEach(row -> strengths.put(row.get("technique").asText(),
                row.get("habitStrength").asDouble()));
        return strengths;
    }

    private static List<Object> planned(Map<String, Kept> rows, String technique) {
        return planned(rows.get(technique));
    }

    private static List<Object> planned(Kept row) {
        List<Object> planned = new ArrayList<>();
        planned.add(row.plannedPeriods());
        planned.add(row.activePeriods());
        planned.add(row.adherence());
        return planned;
    }

    private static List<Long> typicalLag(JsonNode answer) {
        JsonNode typical = answer.get("typicalLag");
        return List.of(typical.get("days").asLong(), typical.get("weeks").asLong(),
                typical.get("techniques").asLong());
    }

    private static Map<String, Sprout> sprouts(JsonNode answer) {
        Map<String, Sprout> rows = new LinkedHashMap<>();
        answer.get("techniques").forEach(row -> rows.put(row.get("technique").asText(), new Sprout(
                date(row.get("firstActivityOn")), date(row.get("firstProspectOn")), whole(row.get("lagDays")),
                whole(row.get("daysSoFar")), row.get("progress").isNull() ? null : row.get("progress").asText())));
        return rows;
    }

    private static SourceCohort cohort(JsonNode node) {
        return new SourceCohort(node.get("source").asText(), node.get("found").asLong(), node.get("won").asLong(),
                node.get("lost").asLong(), number(node.get("winRate")), number(node.at("/daysToWin/median")),
                number(node.at("/daysToWin/p90")), amounts(node.get("wonValueMinor")),
                number(node.get("objectedShare")));
    }

    private static Effort effort(JsonNode node) {
        return new Effort(node.get("activities").asLong(), node.get("minutes").asLong(),
                amounts(node.get("costMinor")), number(node.get("minutesPerProspectFound")),
                number(node.get("minutesPerCustomerWon")), amounts(node.get("costPerProspectFoundMinor")),
                amounts(node.get("costPerCustomerWonMinor")));
    }

    private static List<Week> weeks(JsonNode answer) {
        List<Week> weeks = new ArrayList<>();
        answer.get("weeks").forEach(week -> weeks.add(new Week(week.get("week").asText(),
                week.get("startsOn").asText(), week.get("effortMinutes").asLong(),
                week.get("activeTechniques").asLong(), week.get("prospectsFound").asLong(),
                week.get("adstock").asDouble())));
        return weeks;
    }

    /** Amounts per currency; null when the service said null. */
    private static Map<String, Double> amounts(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        Map<String, Double> amounts = new TreeMap<>();
        node.fields().forEachRemaining(entry -> amounts.put(entry.getKey(), entry.getValue().asDouble()));
        return amounts;
    }

    private static LocalDate date(JsonNode node) {
        return node.isNull() ? null : LocalDate.parse(node.asText());
    }

    private static Long whole(JsonNode node) {
        return node.isNull() ? null : node.asLong();
    }

    private static double gauge(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(series + " not exposed"));
    }

    /** A consistency row, habit strength apart (compared within 1e-12). */
    record Kept(String cadence, LocalDate firstActivityOn, LocalDate lastActivityOn, long activeForDays,
            long plannedPeriods, long activePeriods, Double adherence, long currentStreak, long longestStreak,
            long prospects, String status) {

        /** What is as of asOf, whatever the range. */
        List<Object> withoutRange() {
            return Arrays.asList(cadence, firstActivityOn, lastActivityOn, activeForDays, currentStreak,
                    longestStreak, prospects, status);
        }
    }

    record Sprout(LocalDate firstActivityOn, LocalDate firstProspectOn, Long lagDays, Long daysSoFar,
            String progress) {
    }

    record SourceCohort(String source, long found, long won, long lost, Double winRate, Double medianDaysToWin,
            Double p90DaysToWin, Map<String, Double> wonValueMinor, Double objectedShare) {
    }

    record Effort(long activities, long minutes, Map<String, Double> costMinor, Double minutesPerProspectFound,
            Double minutesPerCustomerWon, Map<String, Double> costPerProspectFoundMinor,
            Map<String, Double> costPerCustomerWonMinor) {
    }

    record Week(String week, String startsOn, long effortMinutes, long activeTechniques, long prospectsFound,
            double adstock) {
    }
}
