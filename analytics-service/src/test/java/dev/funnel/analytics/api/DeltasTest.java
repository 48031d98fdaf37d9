package dev.funnel.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DeltasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void numbersAreSubtractedAndTextIsLeftOut() {
        assertThat(deltas("""
                {"from": "2026-02-01", "found": 7, "winRate": 0.75, "stages": {"won": 4, "lost": 2}}""", """
                {"from": "2026-01-01", "found": 9, "winRate": 0.5, "stages": {"won": 1, "lost": 2}}"""))
                .isEqualTo(json("""
                        {"found": -2, "winRate": 0.25, "stages": {"won": 3, "lost": 0}}"""));
    }

    @Test
    void aNumberMissingOnOneSideCountsAsZeroAndANullMakesTheDeltaNull() {
        assertThat(deltas("""
                {"costMinor": {"EUR": 2500}, "winRate": null, "median": 2.0}""", """
                {"costMinor": {"USD": 100}, "winRate": 0.5, "median": null}"""))
                .isEqualTo(json("""
                        {"costMinor": {"EUR": 2500, "USD": -100}, "winRate": null, "median": null}"""));
    }

    @Test
    void wholeNumbersBeyondALongAreSubtractedExactly() {
        assertThat(deltas("""
                {"valueMinor": 18446744073709551614}""", """
                {"valueMinor": 9223372036854775807}""").get("valueMinor").bigIntegerValue())
                .hasToString("9223372036854775807");
    }

    @Test
    void rowsAreMatchedByTheirNameAndRowsOnOneSideCountAgainstZero() {
        assertThat(deltas("""
                {"rows": [{"group": "ana", "won": 3}, {"group": "ben", "won": 1}]}""", """
                {"rows": [{"group": "cleo", "won": 2}, {"group": "ana", "won": 1}]}"""))
                .isEqualTo(json("""
                        {"rows": [{"group": "ana", "won": 2}, {"group": "ben", "won": 1},
                                  {"group": "cleo", "won": -2}]}"""));
        assertThat(deltas("""
                {"rows": [{"group": null, "won": 3}]}""", """
                {"rows": [{"group": null, "won": 1}]}"""))
                .isEqualTo(json("""
                        {"rows": [{"group": null, "won": 2}]}"""));
    }

    @Test
    void listsWithoutNamedRowsAndEchoedParametersHaveNoDeltas() {
        assertThat(deltas("""
                {"weeks": [{"week": "2026-W05", "minutes": 60}], "stuck": [{"prospectId": "a", "technique": "seo", "daysInStage": 3.0}],
                 "window": 30, "theta": 0.7, "correlations": [{"lagWeeks": 0, "correlation": 0.5}]}""", """
                {"weeks": [{"week": "2026-W01", "minutes": 30}], "stuck": [], "window": 30, "theta": 0.7,
                 "correlations": [{"lagWeeks": 0, "correlation": 0.25}]}"""))
                .isEqualTo(json("""
                        {"correlations": [{"lagWeeks": 0, "correlation": 0.25}]}"""));
    }

    @Test
    void twoAnswersWithNothingToCompareGiveAnEmptyObject() {
        assertThat(deltas("""
                {"from": "2026-02-01", "stuck": []}""", """
                {"from": "2026-01-01", "stuck": []}""")).isEqualTo(json("{}"));
    }

    private static JsonNode deltas(String current, String previous) {
        return Deltas.between(json(current), json(previous));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
