package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.get;
import static dev.funnel.analytics.AnalyticsApi.parse;
import static dev.funnel.analytics.PipelineScenario.day;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time in stage and the losses against {@link PipelineScenario}, loaded once through the real topics. Every
 * expected figure is counted by hand from the scenario's table; the README's worked examples are these.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class PipelineInsightsTest {

    private static PipelineScenario scenario;

    @BeforeAll
    static void loadTheScenario() {
        scenario = new PipelineScenario();
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            RawEvent.sendAll(kafka, scenario.records());
        }
    }

    @Test
    void stagesAreTimedAsOfTheDayAskedAbout() {
        JsonNode answer = timeInStage(Map.of());

        assertThat(answer.get("asOf").asText()).isEqualTo("2013-01-27");
        assertThat(answer.get("window").asInt()).isEqualTo(30);
        // Contacted by day 21 00:00: 0.5, 1, 1, 1, 2, 2, 3, 10 days; decided: 1, 2, 4, 4, 7 (won 2, 4; lost 1, 4, 7).
        assertThat(answer.get("all")).isEqualTo(parse("""
                {"foundToContacted": {"prospects": 8, "medianDays": 1.0, "p90Days": 10.0},
                 "contactedToDecided": {"prospects": 5, "medianDays": 4.0, "p90Days": 7.0},
                 "contactedToWon": {"prospects": 2, "medianDays": 2.0, "p90Days": 4.0},
                 "contactedToLost": {"prospects": 3, "medianDays": 4.0, "p90Days": 7.0},
                 "window": {"days": 30, "found": 12, "wonWithin": 2, "share": 0.16666666666666666}}"""));
    }

    @Test
    void eachSourceAndOwnerIsTimedOnItsOwn() {
        JsonNode answer = timeInStage(Map.of());

        assertThat(answer.get("bySource")).isEqualTo(parse("""
                [{"group": "MARKETING", "times": {
                   "foundToContacted": {"prospects": 4, "medianDays": 1.0, "p90Days": 3.0},
                   "contactedToDecided": {"prospects": 3, "medianDays": 4.0, "p90Days": 7.0},
                   "contactedToWon": {"prospects": 1, "medianDays": 4.0, "p90Days": 4.0},
                   "contactedToLost": {"prospects": 2, "medianDays": 4.0, "p90Days": 7.0},
                   "window": {"days": 30, "found": 6, "wonWithin": 1, "share": 0.16666666666666666}}},
                 {"group": "SALES", "times": {
                   "foundToContacted": {"prospects": 4, "medianDays": 1.0, "p90Days": 10.0},
                   "contactedToDecided": {"prospects": 2, "medianDays": 1.0, "p90Days": 2.0},
                   "contactedToWon": {"prospects": 1, "medianDays": 2.0, "p90Days": 2.0},
                   "contactedToLost": {"prospects": 1, "medianDays": 1.0, "p90Days": 1.0},
                   "window": {"days": 30, "found": 6, "wonWithin": 1, "share": 0.16666666666666666}}}]"""));
        assertThat(answer.get("byOwner")).isEqualTo(parse("""
                [{"group": "ana", "times": {
                   "foundToContacted": {"prospects": 4, "medianDays": 1.0, "p90Days": 10.0},
                   "contactedToDecided": {"prospects": 2, "medianDays": 4.0, "p90Days": 7.0},
                   "contactedToWon": {"prospects": 1, "medianDays": 4.0, "p90Days": 4.0},
                   "contactedToLost": {"prospects": 1, "medianDays": 7.0, "p90Days": 7.0},
                   "window": {"days": 30, "found": 5, "wonWithin": 1, "share": 0.2}}},
                 {"group": "ben", "times": {
                   "foundToContacted": {"prospects": 4, "medianDays": 1.0, "p90Days": 2.0},
                   "contactedToDecided": {"prospects": 3, "medianDays": 2.0, "p90Days": 4.0},
                   "contactedToWon": {"prospects": 1, "medianDays": 2.0, "p90Days": 2.0},
                   "contactedToLost": {"prospects": 2, "medianDays": 1.0, "p90Days": 4.0},
                   "window": {"days": 30, "found": 7, "wonWithin": 1, "share": 0.14285714285714285}}}]"""));
    }

    @Test
    void theOpenProspectsPastTheirStagesP90AreStuckAndTheOnesAtItAreNot() {
        JsonNode answer = timeInStage(Map.of());

        // Open at day 21: P8 found 15 days, P9 found 11 (its contact on day 26 comes later), P14 found exactly 10;
        // P10 contacted 8 days, P11 exactly 7, P7 6. The p90s are 10 (found) and 7 (contacted).
        assertThat(answer.get("stuck")).isEqualTo(parse("""
                [{"prospectId": "%s", "source": "MARKETING", "technique": "pipeline-ads", "owner": "ben",
                  "stage": "FOUND", "since": "2013-01-13T00:00:00Z", "daysInStage": 15.0, "stageP90Days": 10.0},
                 {"prospectId": "%s", "source": "SALES", "technique": null, "owner": "ben",
                  "stage": "FOUND", "since": "2013-01-17T00:00:00Z", "daysInStage": 11.0, "stageP90Days": 10.0},
                 {"prospectId": "%s", "source": "MARKETING", "technique": "pipeline-seo", "owner": "ana",
                  "stage": "CONTACTED", "since": "2013-01-20T00:00:00Z", "daysInStage": 8.0, "stageP90Days": 7.0}]
                """.formatted(scenario.p8, scenario.p9, scenario.p10)));
    }

    @Test
    void theConversionWindowCountsTheWonWithinItsDays() {
        // P4 was won 2.5 days after being found, P1 5 days.
        assertThat(timeInStage(Map.of("window", 3)).at("/all/window")).isEqualTo(parse("""
                {"days": 3, "found": 12, "wonWithin": 1, "share": 0.08333333333333333}"""));
        assertThat(timeInStage(Map.of("window", 2)).at("/all/window/wonWithin").asLong()).isZero();
        // As of day 60, P10 (won 38 days after being found) and P11 (31) are won too, but outside 30 days.
        assertThat(timeInStage(Map.of("asOf", day(60).toString())).at("/all/window/wonWithin").asLong())
                .isEqualTo(2);
        assertThat(timeInStage(Map.of("asOf", day(60).toString(), "window", 38)).at("/all/window/wonWithin")
                .asLong()).isEqualTo(4);
    }

    @Test
    void lossesAreCountedByReasonSourceTechniqueAndOwner() {
        JsonNode answer = lost(day(0), day(13));

        assertThat(answer.get("found").asLong()).isEqualTo(12);
        assertThat(answer.get("won").asLong()).isEqualTo(4);
        assertThat(answer.get("lost").asLong()).isEqualTo(5);
        assertThat(answer.get("lossRate").asDouble()).isEqualTo(5 / 9.0);
        assertThat(answer.get("byReason")).isEqualTo(parse("""
                [{"reason": "PRICE", "lost": 2, "share": 0.4},
                 {"reason": "AUTHORITY", "lost": 1, "share": 0.2},
                 {"reason": "NO_DECISION", "lost": 1, "share": 0.2},
                 {"reason": "NO_RESPONSE", "lost": 1, "share": 0.2}]"""));
        assertThat(answer.get("bySource")).isEqualTo(parse("""
                [{"group": "MARKETING", "found": 6, "won": 2, "lost": 2, "lossRate": 0.5,
                  "reasons": {"NO_DECISION": 1, "PRICE": 1}},
                 {"group": "SALES", "found": 6, "won": 2, "lost": 3, "lossRate": 0.6,
                  "reasons": {"AUTHORITY": 1, "NO_RESPONSE": 1, "PRICE": 1}}]"""));
        assertThat(answer.get("byTechnique")).isEqualTo(parse("""
                [{"group": "pipeline-ads", "found": 2, "won": 0, "lost": 1, "lossRate": 1.0,
                  "reasons": {"NO_DECISION": 1}},
                 {"group": "pipeline-seo", "found": 4, "won": 2, "lost": 1, "lossRate": 0.3333333333333333,
                  "reasons": {"PRICE": 1}},
                 {"group": null, "found": 6, "won": 2, "lost": 3, "lossRate": 0.6,
                  "reasons": {"AUTHORITY": 1, "NO_RESPONSE": 1, "PRICE": 1}}]"""));
        assertThat(answer.get("byOwner")).isEqualTo(parse("""
                [{"group": "ana", "found": 5, "won": 2, "lost": 2, "lossRate": 0.5, "reasons": {"PRICE": 2}},
                 {"group": "ben", "found": 7, "won": 2, "lost": 3, "lossRate": 0.6,
                  "reasons": {"AUTHORITY": 1, "NO_DECISION": 1, "NO_RESPONSE": 1}}]"""));
    }

    @Test
    void theLostProspectsObjectionsNobodyBridgedAreNamed() {
        // P2 (two PRICE, never resolved) and P6 (PRICE) count once each; P5's AUTHORITY stayed open, its PRICE was
        // resolved; P3 saw its one objection resolved; P9 raised none. P1's open PRICE objection: P1 was won.
        assertThat(lost(day(0), day(13)).get("objections")).isEqualTo(parse("""
                {"neverObjected": 1, "allResolved": 1,
                 "unresolved": [{"category": "PRICE", "lostProspects": 2, "share": 0.4},
                                {"category": "AUTHORITY", "lostProspects": 1, "share": 0.2}]}"""));
    }

    @Test
    void thePreviousTwoWeeksAreAnsweredBesideAndSubtractedFigureByFigure() {
        // Days -14..-1 hold one prospect of ana's: found on day -1, never contacted, lost on day 2 for TIMING.
        JsonNode answer = get("/insights/lost", Map.of("from", day(0).toString(), "to", day(13).toString(),
                "compare", "previous"));

        assertThat(answer.get("lost").asLong()).as("the answer itself, unchanged").isEqualTo(5);
        assertThat(answer.at("/previous/from").asText()).isEqualTo("2012-12-24");
        assertThat(answer.at("/previous/to").asText()).isEqualTo("2013-01-06");
        assertThat(answer.at("/previous/byReason")).isEqualTo(parse("""
                [{"reason": "TIMING", "lost": 1, "share": 1.0}]"""));
        JsonNode deltas = answer.get("deltas");
        assertThat(deltas.get("found").asLong()).isEqualTo(11);
        assertThat(deltas.get("won").asLong()).isEqualTo(4);
        assertThat(deltas.get("lost").asLong()).isEqualTo(4);
        assertThat(deltas.get("lossRate").asDouble()).isEqualTo(5 / 9.0 - 1.0);
        assertThat(deltas.get("byReason")).isEqualTo(parse("""
                [{"reason": "PRICE", "lost": 2, "share": 0.4},
                 {"reason": "AUTHORITY", "lost": 1, "share": 0.2},
                 {"reason": "NO_DECISION", "lost": 1, "share": 0.2},
                 {"reason": "NO_RESPONSE", "lost": 1, "share": 0.2},
                 {"reason": "TIMING", "lost": -1, "share": -1.0}]"""));
        assertThat(deltas.get("byOwner")).isEqualTo(parse("""
                [{"group": "ana", "found": 4, "won": 2, "lost": 1, "lossRate": -0.5,
                  "reasons": {"PRICE": 2, "TIMING": -1}},
                 {"group": "ben", "found": 7, "won": 2, "lost": 3, "lossRate": 0.6,
                  "reasons": {"AUTHORITY": 1, "NO_DECISION": 1, "NO_RESPONSE": 1}}]"""));

        // Time in stage compares as of the same day one period earlier: day 6, when the prospect was lost.
        JsonNode times = timeInStage(Map.of("compare", "previous"));
        assertThat(times.at("/previous/asOf").asText()).isEqualTo("2013-01-13");
        assertThat(times.at("/previous/all/window")).isEqualTo(parse("""
                {"days": 30, "found": 1, "wonWithin": 0, "share": 0.0}"""));
        assertThat(times.at("/deltas/all")).isEqualTo(parse("""
                {"foundToContacted": {"prospects": 8, "medianDays": null, "p90Days": null},
                 "contactedToDecided": {"prospects": 5, "medianDays": null, "p90Days": null},
                 "contactedToWon": {"prospects": 2, "medianDays": null, "p90Days": null},
                 "contactedToLost": {"prospects": 3, "medianDays": null, "p90Days": null},
                 "window": {"found": 11, "wonWithin": 2, "share": 0.16666666666666666}}"""));
        assertThat(times.get("deltas").has("stuck")).as("the stuck are listed, not compared").isFalse();
    }

    @Test
    void aBreakdownAsASpreadsheetHoldsTheFiguresOfItsJson() {
        for (String by : List.of("owner", "technique", "source")) {
            Map<String, Object> query = Map.of("by", by, "from", day(0).toString(), "to", day(13).toString());
            JsonNode json = get("/funnel/breakdown", query);
            Response sheet = given().accept("text/csv").queryParams(query).get("/funnel/breakdown");

            assertThat(sheet.statusCode()).isEqualTo(200);
            assertThat(sheet.contentType()).startsWith("text/csv");
            assertThat(sheet.header("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"funnel-by-" + by + "-2013-01-07-2013-01-20.csv\"");
            List<String> lines = List.of(sheet.asString().split("\r\n"));
            List<String> columns = List.of(lines.get(0).split(",", -1));
            assertThat(columns.get(0)).isEqualTo(by);
            assertThat(lines).hasSize(json.get("rows").size() + 1);
            for (int i = 0; i < json.get("rows").size(); i++) {
                JsonNode row = json.get("rows").get(i);
                List<String> cells = List.of(lines.get(i + 1).split(",", -1));
                assertThat(cells.get(0)).isEqualTo(row.get("group").isNull() ? "" : row.get("group").asText());
                for (int column = 1; column < columns.size(); column++) {
                    JsonNode figure = row.at("/" + columns.get(column).replace('.', '/'));
                    assertThat(cells.get(column)).as(by + " row " + i + " " + columns.get(column))
                            .isEqualTo(figure.isNull() || figure.isMissingNode() ? "" : figure.asText());
                }
            }
        }
        assertThat(given().queryParam("by", "owner").queryParam("from", day(0).toString())
                .queryParam("to", day(13).toString()).get("/funnel/breakdown").contentType())
                .as("JSON stays the answer to a client that takes anything").startsWith("application/json");
        given().accept("text/csv").queryParam("by", "owner").queryParam("from", day(0).toString())
                .queryParam("to", day(13).toString()).queryParam("compare", "previous").get("/funnel/breakdown")
                .then().statusCode(400).body("violations[0].field", equalTo("compare"));
    }

    @Test
    void aRangeWithNoProspectsHasNoFiguresRatherThanZeroes() {
        JsonNode times = get("/insights/time-in-stage", Map.of("from", day(400).toString(),
                "to", day(410).toString()));
        assertThat(times.at("/all/foundToContacted")).isEqualTo(parse("""
                {"prospects": 0, "medianDays": null, "p90Days": null}"""));
        assertThat(times.at("/all/window/share").isNull()).isTrue();
        assertThat(times.get("stuck")).isEmpty();
        JsonNode losses = lost(day(400), day(410));
        assertThat(losses.get("lossRate").isNull()).isTrue();
        assertThat(losses.get("byReason")).isEmpty();
    }

    /**
     * Every prospect's events are in order on its partition, so once the losses (each a prospect's last event)
     * and the wins are all counted, everything was applied.
     */
    @BeforeEach
    void awaitTheScenarioApplied() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode losses = lost(day(-1), day(14));
                    return losses.get("lost").asLong() == 7 && losses.get("won").asLong() == 4;
                });
    }

    private static JsonNode timeInStage(Map<String, Object> extra) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("from", day(0).toString());
        query.put("to", day(13).toString());
        query.put("asOf", day(20).toString());
        query.putAll(extra);
        return get("/insights/time-in-stage", query);
    }

    private static JsonNode lost(LocalDate from, LocalDate to) {
        return get("/insights/lost", Map.of("from", from.toString(), "to", to.toString()));
    }
}
