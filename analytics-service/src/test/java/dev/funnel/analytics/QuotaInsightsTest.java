package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.get;
import static dev.funnel.analytics.AnalyticsApi.parse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.ProspectWon;
import dev.funnel.events.SalesQuotaSet;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.ManagementInterface;
import dev.funnel.testing.TestTokens;
import dev.funnel.web.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quotas and their pace against {@link QuotaScenario}, loaded once through the real topics. Every expected figure
 * is worked out by hand in the comments; the README's worked example is the first test.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class QuotaInsightsTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void loadTheScenario() {
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            RawEvent.sendAll(kafka, new QuotaScenario().records());
        }
    }

    @Test
    void aSellerBehindPaceIsToldTheProjectionWhatEachWeekNeedsAndHowTheEarlierMonthsEnded() {
        JsonNode answer = awaitQuota("2011-03", "2011-03-13");

        assertThat(answer.get("month").asText()).isEqualTo("2011-03");
        assertThat(answer.get("asOf").asText()).isEqualTo("2011-03-13");
        assertThat(answer.get("daysInMonth").asInt()).isEqualTo(31);
        assertThat(answer.get("daysGone").asInt()).isEqualTo(13);
        assertThat(answer.get("daysLeft").asInt()).isEqualTo(18);
        // Customers: 4 won (the CHF one counts as a customer); 4 * 31 / 13 = 9.538 -> 9.54; (10 - 4) * 7 / 18 =
        // 2.333 -> 2.34 rounded up. Value: EUR 1,800,000 won; 1,800,000 * 31 / 13 = 4,292,307.69 -> 4,292,308;
        // 3,200,000 * 7 / 18 = 1,244,444.44 -> 1,244,445 rounded up. The 03-14 win is after the day asked.
        // History: 2011-02 met (2 of 2), 2011-01 missed (1 of 5 customers, though EUR 200,000 of 100,000);
        // 2010-02 is 13 months back, not shown.
        assertThat(seller(answer, QuotaScenario.ANA)).isEqualTo(parse("""
                {"owner": "quota-ana", "met": false,
                 "customers": {"target": 10, "won": 4, "projected": 9.54, "neededPerWeek": 2.34, "met": false,
                               "onPace": false, "pace": "at this rate 9 of 10 by the month's end"},
                 "value": {"currency": "EUR", "targetMinor": 5000000, "wonMinor": 1800000,
                           "projectedMinor": 4292308, "neededPerWeekMinor": 1244445, "met": false, "onPace": false,
                           "pace": "at this rate EUR 42,923.08 of EUR 50,000.00 by the month's end"},
                 "wonOtherCurrencies": {"CHF": 200000},
                 "monthsMet": 1, "monthsMissed": 1,
                 "history": [
                   {"month": "2011-02", "met": true, "customers": {"target": 2, "won": 2, "met": true}},
                   {"month": "2011-01", "met": false, "customers": {"target": 5, "won": 1, "met": false},
                    "currency": "EUR", "value": {"target": 100000, "won": 200000, "met": true}}]}"""));
    }

    @Test
    void aSellerWhoMetTheQuotaEarlyNeedsNothingMoreAndOnlySellersWithAQuotaInTheMonthAreListed() {
        JsonNode answer = awaitQuota("2011-03", "2011-03-13");

        // CHF 1,200,000 of 1,000,000: met. Projected 1,200,000 * 31 / 13 = 2,861,538.46 -> 2,861,538.
        assertThat(seller(answer, QuotaScenario.BEN)).isEqualTo(parse("""
                {"owner": "quota-ben", "met": true,
                 "value": {"currency": "CHF", "targetMinor": 1000000, "wonMinor": 1200000,
                           "projectedMinor": 2861538, "neededPerWeekMinor": 0, "met": true, "onPace": true,
                           "pace": "CHF 12,000.00 of CHF 10,000.00: met with 18 days to go"},
                 "wonOtherCurrencies": {}, "monthsMet": 0, "monthsMissed": 0, "history": []}"""));
        // quota-cy has a quota only in February: March does not list them, though they won in March.
        assertThat(owners(answer)).containsExactly(QuotaScenario.ANA, QuotaScenario.BEN);
    }

    @Test
    void aMonthNotBegunHasNoPaceYetAndAMonthNotOverIsNotCountedAsMissed() {
        JsonNode april = awaitQuota("2011-04", "2011-03-13");

        assertThat(april.get("daysGone").asInt()).isZero();
        assertThat(april.get("daysLeft").asInt()).isEqualTo(30);
        // 3 * 7 / 30 = 0.7. ben's March is not over on 03-13 but met already: it counts as met.
        assertThat(seller(april, QuotaScenario.BEN)).isEqualTo(parse("""
                {"owner": "quota-ben", "met": false,
                 "customers": {"target": 3, "won": 0, "neededPerWeek": 0.70, "met": false,
                               "pace": "the month has not begun: 3 to reach"},
                 "wonOtherCurrencies": {}, "monthsMet": 1, "monthsMissed": 0,
                 "history": [{"month": "2011-03", "met": true, "currency": "CHF",
                              "value": {"target": 1000000, "won": 1200000, "met": true}}]}"""));
        // ana's March is neither over nor met on 03-13: it is not counted either way (met is left out).
        // 12 * 7 / 30 = 2.8.
        assertThat(seller(april, QuotaScenario.ANA)).isEqualTo(parse("""
                {"owner": "quota-ana", "met": false,
                 "customers": {"target": 12, "won": 0, "neededPerWeek": 2.80, "met": false,
                               "pace": "the month has not begun: 12 to reach"},
                 "wonOtherCurrencies": {}, "monthsMet": 1, "monthsMissed": 1,
                 "history": [
                   {"month": "2011-03", "customers": {"target": 10, "won": 4, "met": false},
                    "currency": "EUR", "value": {"target": 5000000, "won": 1800000, "met": false}},
                   {"month": "2011-02", "met": true, "customers": {"target": 2, "won": 2, "met": true}},
                   {"month": "2011-01", "met": false, "customers": {"target": 5, "won": 1, "met": false},
                    "currency": "EUR", "value": {"target": 100000, "won": 200000, "met": true}}]}"""));
    }

    @Test
    void aMonthThatIsOverSaysHowItEnded() {
        JsonNode february = awaitQuota("2011-02", "2011-03-13");

        assertThat(february.get("daysLeft").asInt()).isZero();
        // ana: 2 of 2 (the 02-28 23:59 win counts for February). cy: 0 of 1 in February (their win was 03-03).
        assertThat(seller(february, QuotaScenario.ANA).get("customers")).isEqualTo(parse("""
                {"target": 2, "won": 2, "projected": 2.00, "neededPerWeek": 0.00, "met": true, "onPace": true,
                 "pace": "2 of 2: met"}"""));
        assertThat(seller(february, QuotaScenario.CY).get("customers")).isEqualTo(parse("""
                {"target": 1, "won": 0, "projected": 0.00, "met": false, "onPace": false,
                 "pace": "0 of 1: missed"}"""));
        assertThat(seller(february, QuotaScenario.CY).get("met").asBoolean()).isFalse();
    }

    @Test
    void theMonthIsTheMonthOfTheDayAskedUnlessNamed() {
        awaitQuota("2011-03", "2011-03-13");

        JsonNode answer = get("/insights/quota", Map.of("asOf", "2011-03-13"));

        assertThat(answer.get("month").asText()).isEqualTo("2011-03");
        assertThat(owners(answer)).containsExactly(QuotaScenario.ANA, QuotaScenario.BEN);
    }

    @Test
    void aSellerSeesOnlyTheirOwnQuota() {
        awaitQuota("2011-03", "2011-03-13");

        String body = given().auth().oauth2(TestTokens.of(QuotaScenario.BEN, Roles.SELLER))
                .queryParam("month", "2011-03").queryParam("asOf", "2011-03-13")
                .get("/insights/quota").then().statusCode(200).extract().asString();

        assertThat(owners(parse(body))).containsExactly(QuotaScenario.BEN);
    }

    @Test
    void aBadMonthOrDayIsA400NamingTheParameter() {
        for (String[] bad : List.of(new String[] {"month", "2011-13"}, new String[] {"month", "+2011-03"},
                new String[] {"month", "1999-12"}, new String[] {"asOf", "2011-02-30"})) {
            given().queryParam(bad[0], bad[1]).get("/insights/quota")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo(bad[0]))
                    .body("violations[0].in", equalTo("query"));
        }
    }

    /** The gauges are this month's (the real clock's): a quota set now and a win now move them. */
    @Test
    void theCurrentMonthsAttainmentAndPaceAreGauges() {
        Instant now = Instant.now();
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        UUID prospect = UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            RawEvent.sendAll(kafka, List.of(
                    RawEvent.of(new SalesQuotaSet("quota-gauge", month, 4, null, null, QuotaScenario.MANAGER, now)),
                    RawEvent.of(new ProspectFound(prospect, ProspectSource.SALES, null, "quota-gauge", 100, "EUR",
                            now.minusSeconds(60))),
                    RawEvent.of(new ProspectWon(prospect, 100, "EUR", now))));
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString())
                        .contains("funnel_quota_attainment_ratio{owner=\"quota-gauge\",target=\"customers\"} 0.25"));
    }

    private static JsonNode awaitQuota(String month, String asOf) {
        // Applied once ana's March counts all four wins and the replaced quota's 10, and April has both quotas.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode march = get("/insights/quota", Map.of("month", "2011-03", "asOf", "2011-03-13"));
            JsonNode april = get("/insights/quota", Map.of("month", "2011-04", "asOf", "2011-03-13"));
            JsonNode ana = seller(march, QuotaScenario.ANA);
            return ana != null && ana.path("customers").path("won").asInt() == 4
                    && ana.path("customers").path("target").asInt() == 10 && ana.path("history").size() == 2
                    && ana.path("value").path("wonMinor").asLong() == 1_800_000
                    && seller(march, QuotaScenario.BEN) != null && owners(april).size() == 2;
        });
        return get("/insights/quota", Map.of("month", month, "asOf", asOf));
    }

    private static JsonNode seller(JsonNode answer, String owner) {
        for (JsonNode seller : answer.get("sellers")) {
            if (seller.get("owner").asText().equals(owner)) {
                return seller;
            }
        }
        return null;
    }

    private static List<String> owners(JsonNode answer) {
        return answer.get("sellers").findValuesAsText("owner").stream().filter(o -> o.startsWith("quota-")).toList();
    }
}
