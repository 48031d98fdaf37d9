package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.amounts;
import static dev.funnel.analytics.AnalyticsApi.breakdown;
import static dev.funnel.analytics.AnalyticsApi.categories;
import static dev.funnel.analytics.AnalyticsApi.figures;
import static dev.funnel.analytics.AnalyticsApi.funnel;
import static dev.funnel.analytics.AnalyticsApi.get;
import static dev.funnel.analytics.AnalyticsApi.minor;
import static dev.funnel.analytics.AnalyticsApi.number;
import static dev.funnel.analytics.AnalyticsApi.objections;
import static dev.funnel.analytics.AnalyticsApi.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.analytics.AnalyticsApi.Category;
import dev.funnel.analytics.AnalyticsApi.Effort;
import dev.funnel.analytics.AnalyticsApi.Figures;
import dev.funnel.events.Cadence;
import dev.funnel.events.FunnelEvent;
import dev.funnel.events.LostReason;
import dev.funnel.events.MarketingActivityLogged;
import dev.funnel.events.MarketingTechniqueDefined;
import dev.funnel.events.ObjectionCategory;
import dev.funnel.events.ObjectionRaised;
import dev.funnel.events.ObjectionResolved;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectLost;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.ProspectWon;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The producers accept any amount from 0 to {@link Long#MAX_VALUE}, so two of them already add up to more than a
 * long holds. Sums of money are exact, whatever their size, and come out as JSON integers; what is derived from
 * them (cost per prospect, per customer) is the exact quotient rounded once to a double.
 *
 * <p>One week of a year of its own, Monday day 0 to Sunday day 6, every amount {@code Long.MAX_VALUE} (M):
 * <pre>
 * activities  gold d0 1440 min M XAU, gold d0 1440 min M XAU, gold d1 1440 min M XAU, gold d1 1440 min M EUR
 * G1 MARKETING gold found d0 09:00, PRICE objection raised and resolved, won d1 09:00 for M XAU  (1 day)
 * G2 MARKETING gold found d0 12:00, won d2 12:00 for M XAU                                      (2 days)
 * G3 MARKETING gold found d2 09:00, lost d3 (NO_RESPONSE), never contacted
 * H1 SALES          found d1 09:00, won d1 21:00 for M XAU                                      (0.5 days)
 * H2 SALES          found d1 10:00, won d2 10:00 for M XAU                                      (1 day)
 * </pre>
 * Every prospect is the same seller's.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class LargeAmountsTest {

    private static final BigInteger M = BigInteger.valueOf(Long.MAX_VALUE);

    private static LocalDate day0;
    private static String gold;
    private static String owner;

    @BeforeAll
    static void projectTheWeek() {
        day0 = FunnelScenario.unusedDay().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        gold = "gold-" + suffix;
        owner = "rich-" + suffix;
        List<FunnelEvent> events = new ArrayList<>();
        events.add(new MarketingTechniqueDefined(gold, "Gold leaf", Cadence.DAILY, at(-1, 9)));
        events.add(activity(0, "XAU"));
        events.add(activity(0, "XAU"));
        events.add(activity(1, "XAU"));
        events.add(activity(1, "EUR"));
        UUID g1 = found(events, ProspectSource.MARKETING, at(0, 9));
        UUID objection = UUID.randomUUID();
        events.add(new ObjectionRaised(objection, g1, ObjectionCategory.PRICE, at(0, 10)));
        events.add(new ObjectionResolved(objection, g1, at(0, 11)));
        events.add(new ProspectWon(g1, Long.MAX_VALUE, "XAU", at(1, 9)));
        UUID g2 = found(events, ProspectSource.MARKETING, at(0, 12));
        events.add(new ProspectWon(g2, Long.MAX_VALUE, "XAU", at(2, 12)));
        UUID g3 = found(events, ProspectSource.MARKETING, at(2, 9));
        events.add(new ProspectLost(g3, LostReason.NO_RESPONSE, at(3, 9)));
        UUID h1 = found(events, ProspectSource.SALES, at(1, 9));
        events.add(new ProspectWon(h1, Long.MAX_VALUE, "XAU", at(1, 21)));
        UUID h2 = found(events, ProspectSource.SALES, at(1, 10));
        events.add(new ProspectWon(h2, Long.MAX_VALUE, "XAU", at(2, 10)));
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            RawEvent.sendAll(kafka, events.stream().map(RawEvent::of).toList());
        }
    }

    @BeforeEach
    void awaitProjected() {
        // Neither answer sums money, so both are there to wait on even where money cannot be summed.
        await().atMost(FunnelScenarioTest.PROJECTED).untilAsserted(() -> {
            JsonNode rows = breakdown("owner", day0, day6()).get("rows");
            assertThat(rows).hasSize(1);
            Figures all = figures(rows.get(0));
            assertThat(all.found()).isEqualTo(5);
            assertThat(all.won() + all.lost()).isEqualTo(5);
            assertThat(all.objectionsResolved()).isEqualTo(1);
            assertThat(harvest().at("/weeks/0/effortMinutes").asLong()).isEqualTo(4 * 1440);
        });
    }

    @Test
    void theFunnelSumsTheCostExactly() {
        JsonNode answer = funnel(day0, day6());

        assertThat(answer.at("/effort/costMinor/XAU").isIntegralNumber()).isTrue();
        assertThat(figures(answer)).isEqualTo(new Figures(allEffort(), 5, 4, 1, 4, 1, 0,
                0.8, 1.0, 0.8, 0.8, 1.0, 2.0, 1, 1));
    }

    @Test
    void everyBreakdownSumsTheCostExactly() {
        assertThat(rows(breakdown("source", day0, day6()))).containsExactly(
                Map.entry("MARKETING", marketing()), Map.entry("SALES", sales()));
        Map<String, Figures> byTechnique = new LinkedHashMap<>();
        byTechnique.put(gold, marketing());
        byTechnique.put(null, sales()); // the hunted, without a technique, last
        assertThat(rows(breakdown("technique", day0, day6()))).containsExactlyEntriesOf(byTechnique);
        assertThat(rows(breakdown("owner", day0, day6()))).containsExactly(Map.entry(owner, withEffort(all(), null)));
        assertThat(rows(breakdown("week", day0, day6()))).containsExactly(Map.entry(isoWeek(day0), all()));
        assertThat(rows(breakdown("week", day0, day6(), "technique", gold))).containsExactly(
                Map.entry(isoWeek(day0), marketing()));
    }

    @Test
    void theObjectionsOfTheCohortAreCounted() {
        JsonNode answer = objections(day0, day6());

        assertThat(categories(answer).get(0)).isEqualTo(new Category("PRICE", 1, 1, 1.0, 1, 1.0, null));
        assertThat(answer.at("/neverObjected/prospects").asLong()).isEqualTo(4);
        assertThat(number(answer.at("/neverObjected/winRate"))).isEqualTo(0.75);
    }

    @Test
    void huntingVsFarmingSumsValueAndCostExactlyAndDividesThemOnce() {
        JsonNode answer = get("/insights/hunting-vs-farming", Map.of("from", day0.toString(), "to",
                day6().toString()));

        JsonNode marketing = answer.get("marketing");
        assertThat(marketing.get("found").asLong()).isEqualTo(3);
        assertThat(marketing.get("won").asLong()).isEqualTo(2);
        assertThat(marketing.get("lost").asLong()).isEqualTo(1);
        assertThat(number(marketing.get("winRate"))).isEqualTo(2 / 3.0);
        assertThat(amounts(marketing.get("wonValueMinor"))).isEqualTo(minor("XAU", M.multiply(BigInteger.TWO)));
        assertThat(number(marketing.get("objectedShare"))).isEqualTo(1 / 3.0);
        JsonNode effort = marketing.get("effort");
        assertThat(effort.get("activities").asLong()).isEqualTo(4);
        assertThat(effort.get("minutes").asLong()).isEqualTo(4 * 1440);
        assertThat(amounts(effort.get("costMinor"))).isEqualTo(costs());
        assertThat(number(effort.get("minutesPerProspectFound"))).isEqualTo(4 * 1440 / 3.0);
        assertThat(number(effort.get("minutesPerCustomerWon"))).isEqualTo(4 * 1440 / 2.0);
        // 3M / 3 = M exactly, whose nearest double is 2^63; M / 3 and 3M / 2 are rounded from the exact quotient.
        assertThat(doubles(effort.get("costPerProspectFoundMinor"))).isEqualTo(Map.of(
                "EUR", quotient(M, 3), "XAU", 0x1p63));
        assertThat(doubles(effort.get("costPerCustomerWonMinor"))).isEqualTo(Map.of(
                "EUR", quotient(M, 2), "XAU", quotient(M.multiply(BigInteger.valueOf(3)), 2)));

        JsonNode sales = answer.get("sales");
        assertThat(Arrays.asList(sales.get("found").asLong(), sales.get("won").asLong(), sales.get("lost").asLong(),
                number(sales.get("winRate")), number(sales.at("/daysToWin/median")),
                number(sales.at("/daysToWin/p90")), number(sales.get("objectedShare"))))
                .containsExactly(2L, 2L, 0L, 1.0, 0.5, 1.0, 0.0);
        assertThat(amounts(sales.get("wonValueMinor"))).isEqualTo(minor("XAU", M.multiply(BigInteger.TWO)));
        assertThat(sales.get("effort").isNull()).isTrue();
    }

    @Test
    void theOtherInsightsAnswerToo() {
        JsonNode week = harvest().get("weeks").get(0);
        assertThat(harvest().get("weeks")).hasSize(1);
        assertThat(Arrays.asList(week.get("week").asText(), week.get("effortMinutes").asLong(),
                week.get("activeTechniques").asLong(), week.get("prospectsFound").asLong(),
                week.get("adstock").asDouble()))
                .containsExactly(isoWeek(day0), 4 * 1440L, 1L, 3L, 4 * 1440.0);

        JsonNode consistency = get("/insights/consistency", Map.of("from", day0.toString(), "to",
                day6().toString(), "asOf", day6().toString()));
        assertThat(consistency.get("techniques")).filteredOn(row -> row.get("technique").asText().equals(gold))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("prospects").asLong()).isEqualTo(3);
                    assertThat(row.get("plannedPeriods").asLong()).isEqualTo(6);
                    assertThat(row.get("activePeriods").asLong()).isEqualTo(2);
                });
        JsonNode sproutLag = get("/insights/sprout-lag", Map.of("asOf", day6().toString()));
        assertThat(sproutLag.get("techniques")).filteredOn(row -> row.get("technique").asText().equals(gold))
                .singleElement().satisfies(row -> assertThat(row.get("lagDays").asLong()).isZero());
    }

    @Test
    void theGaugesStillAnswer() {
        assertThat(ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("funnel_prospects{");
    }

    private static Figures all() {
        return new Figures(allEffort(), 5, 4, 1, 4, 1, 0, 0.8, 1.0, 0.8, 0.8, 1.0, 2.0, 1, 1);
    }

    private static Figures marketing() {
        return new Figures(allEffort(), 3, 2, 1, 2, 1, 0, 2 / 3.0, 1.0, 2 / 3.0, 2 / 3.0, 1.0, 2.0, 1, 1);
    }

    private static Figures sales() {
        return new Figures(Effort.NONE, 2, 2, 0, 2, 0, 0, 1.0, 1.0, 1.0, 1.0, 0.5, 1.0, 0, 0);
    }

    private static Effort allEffort() {
        return new Effort(4, 4 * 1440, costs());
    }

    private static Map<String, BigInteger> costs() {
        return minor("EUR", M, "XAU", M.multiply(BigInteger.valueOf(3)));
    }

    private static Figures withEffort(Figures f, Effort effort) {
        return new Figures(effort, f.found(), f.contacted(), f.objected(), f.won(), f.lost(), f.open(),
                f.foundToContacted(), f.contactedToWon(), f.foundToWon(), f.winRate(), f.medianDaysToWin(),
                f.p90DaysToWin(), f.objectionsRaised(), f.objectionsResolved());
    }

    private static JsonNode harvest() {
        return get("/insights/harvest", Map.of("from", day0.toString(), "to", day6().toString()));
    }

    /** The exact quotient, rounded once to the nearest double. */
    private static double quotient(BigInteger dividend, int divisor) {
        return new BigDecimal(dividend).divide(BigDecimal.valueOf(divisor), MathContext.DECIMAL128)
                .doubleValue();
    }

    private static Map<String, Double> doubles(JsonNode node) {
        Map<String, Double> values = new HashMap<>();
        node.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().doubleValue()));
        return values;
    }

    private static LocalDate day6() {
        return day0.plusDays(6);
    }

    private static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static Instant at(int day, int hour) {
        return day0.plusDays(day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static MarketingActivityLogged activity(int day, String currency) {
        return new MarketingActivityLogged(UUID.randomUUID(), gold, day0.plusDays(day), 1440, Long.MAX_VALUE,
                currency, at(day, 23));
    }

    private static UUID found(List<FunnelEvent> events, ProspectSource source, Instant at) {
        UUID id = UUID.randomUUID();
        events.add(new ProspectFound(id, source, source == ProspectSource.MARKETING ? gold : null, owner,
                Long.MAX_VALUE, "XAU", at));
        return id;
    }
}
