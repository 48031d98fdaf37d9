package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.breakdown;
import static dev.funnel.analytics.AnalyticsApi.categories;
import static dev.funnel.analytics.AnalyticsApi.figures;
import static dev.funnel.analytics.AnalyticsApi.funnel;
import static dev.funnel.analytics.AnalyticsApi.minor;
import static dev.funnel.analytics.AnalyticsApi.objections;
import static dev.funnel.analytics.AnalyticsApi.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.analytics.AnalyticsApi.Category;
import dev.funnel.analytics.AnalyticsApi.Effort;
import dev.funnel.analytics.AnalyticsApi.Figures;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of {@link FunnelScenario}, worked out by hand from its script (see the table there), and the check
 * of every figure of every endpoint against them.
 */
final class ScenarioAnswers {

    /** A1..A5: 30 + 45 + 60 + 30 + 20 minutes; 0 + 500 + 2000 + 0 EUR and 1000 USD. */
    static final Effort ALL_EFFORT = new Effort(5, 185, minor("EUR", 2500, "USD", 1000));

    /**
     * P1..P7. Contacted: all but P5 (P7 counts, being won). Objected: P1, P2, P4, P5, P7. Won: P1, P3, P4, P7.
     * Lost: P2, P6. Objections O1..O6, resolved O1, O3, O4. Days to win sorted 1.5, 2, 3.5, 8: median at rank
     * ceil(0.5 * 4) = 2, p90 at rank ceil(0.9 * 4) = 4.
     */
    static final Figures ALL = new Figures(ALL_EFFORT, 7, 6, 5, 4, 2, 1,
            6.0 / 7, 4.0 / 6, 4.0 / 7, 4.0 / 6, 2.0, 8.0, 6, 3);

    /** P1, P2, P3, P7; days 1.5, 2, 3.5: ranks 2 and 3. All effort is marketing's. */
    static final Figures MARKETING = new Figures(ALL_EFFORT, 4, 4, 3, 3, 1, 0,
            1.0, 0.75, 0.75, 0.75, 2.0, 3.5, 3, 1);

    /** P4, P5, P6; no effort. */
    static final Figures SALES = new Figures(Effort.NONE, 3, 2, 2, 1, 1, 1,
            2.0 / 3, 0.5, 1.0 / 3, 0.5, 8.0, 8.0, 3, 2);

    /** P1, P2 and the blog's activities A1, A2, A4. */
    static final Figures BLOG = new Figures(new Effort(3, 105, minor("EUR", 500)), 2, 2, 2, 1, 1, 0,
            1.0, 0.5, 0.5, 0.5, 3.5, 3.5, 2, 1);

    /** P3, P7 and the ads' activities A3, A5; days 1.5, 2: ranks 1 and 2. */
    static final Figures ADS = new Figures(new Effort(2, 80, minor("EUR", 2000, "USD", 1000)), 2, 2, 1, 2, 0, 0,
            1.0, 1.0, 1.0, 1.0, 1.5, 2.0, 1, 0);

    /** P1, P3, P5; the owner does not filter effort. Days 2, 3.5. */
    static final Figures ANN = new Figures(ALL_EFFORT, 3, 2, 2, 2, 0, 1,
            2.0 / 3, 1.0, 2.0 / 3, 1.0, 2.0, 3.5, 2, 1);

    /** P2, P4, P6, P7; days 1.5, 8. */
    static final Figures BOB = new Figures(null, 4, 4, 3, 2, 2, 0,
            1.0, 0.5, 0.5, 0.5, 1.5, 8.0, 4, 2);

    /** Days 0 to 6: P1, P2, P3 and A1, A2, A3. */
    static final Figures WEEK_1 = new Figures(new Effort(3, 135, minor("EUR", 2500)), 3, 3, 2, 2, 1, 0,
            1.0, 2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0, 3.5, 2, 1);

    /** Days 7 to 13: P4, P5, P6, P7 and A4, A5 (A4 cost 0 EUR, so EUR appears with 0). */
    static final Figures WEEK_2 = new Figures(new Effort(2, 50, minor("EUR", 0, "USD", 1000)), 4, 3, 3, 2, 1, 1,
            0.75, 2.0 / 3, 0.5, 2.0 / 3, 1.5, 8.0, 4, 2);

    /**
     * PRICE: O1 (P1, resolved, won), O3 (P4, resolved, won), O6 (P7, open, won). AUTHORITY: O5 (P5, open, still
     * open). TIMING: O2 (P2, open, lost). TRUST: O4 (P4, resolved, won). Most raised first, ties by name.
     */
    static final List<Category> CATEGORIES = List.of(
            new Category("PRICE", 3, 2, 2.0 / 3, 3, 1.0, 1.0),
            new Category("AUTHORITY", 1, 0, 0.0, 1, null, null),
            new Category("TIMING", 1, 0, 0.0, 1, null, 0.0),
            new Category("TRUST", 1, 1, 1.0, 1, 1.0, null),
            new Category("COMPETITOR", 0, 0, null, 0, null, null),
            new Category("NEED", 0, 0, null, 0, null, null),
            new Category("OTHER", 0, 0, null, 0, null, null));

    /** Marketing's prospects only: O1, O6 (PRICE) and O2 (TIMING). */
    static final List<Category> MARKETING_CATEGORIES = List.of(
            new Category("PRICE", 2, 1, 0.5, 2, 1.0, 1.0),
            new Category("TIMING", 1, 0, 0.0, 1, null, 0.0),
            new Category("AUTHORITY", 0, 0, null, 0, null, null),
            new Category("COMPETITOR", 0, 0, null, 0, null, null),
            new Category("NEED", 0, 0, null, 0, null, null),
            new Category("OTHER", 0, 0, null, 0, null, null),
            new Category("TRUST", 0, 0, null, 0, null, null));

    private ScenarioAnswers() {
    }

    /** Checks every figure of every endpoint for the scenario's range; throws AssertionError on the first miss. */
    static void assertAll(FunnelScenario s) {
        JsonNode all = funnel(s.from(), s.to());
        assertThat(all.get("from").asText()).isEqualTo(s.from().toString());
        assertThat(all.get("to").asText()).isEqualTo(s.to().toString());
        assertThat(all.get("source").isNull()).isTrue();
        assertThat(figures(all)).as("all").isEqualTo(ALL);
        assertThat(figures(funnel(s.from(), s.to(), "source", "MARKETING"))).as("marketing").isEqualTo(MARKETING);
        assertThat(figures(funnel(s.from(), s.to(), "source", "SALES"))).as("sales").isEqualTo(SALES);
        assertThat(figures(funnel(s.from(), s.to(), "technique", s.blog))).as("blog").isEqualTo(BLOG);
        assertThat(figures(funnel(s.from(), s.to(), "owner", s.ann))).as("ann").isEqualTo(ANN);

        assertThat(rows(breakdown("source", s.from(), s.to()))).as("by source")
                .containsExactlyEntriesOf(ordered("MARKETING", MARKETING, "SALES", SALES));
        assertThat(rows(breakdown("technique", s.from(), s.to()))).as("by technique")
                .containsExactlyEntriesOf(ordered(s.ads, ADS, s.blog, BLOG, null, withEffort(SALES, Effort.NONE)));
        assertThat(rows(breakdown("owner", s.from(), s.to()))).as("by owner")
                .containsExactlyEntriesOf(ordered(s.ann, withEffort(ANN, null), s.bob, BOB));
        assertThat(rows(breakdown("week", s.from(), s.to()))).as("by week")
                .containsExactlyEntriesOf(ordered(s.week(1), WEEK_1, s.week(2), WEEK_2));

        JsonNode objections = objections(s.from(), s.to());
        assertThat(categories(objections)).as("objections").containsExactlyElementsOf(CATEGORIES);
        assertThat(objections.at("/neverObjected/prospects").asLong()).as("never objected").isEqualTo(2);
        assertThat(objections.at("/neverObjected/winRate").doubleValue()).isEqualTo(0.5);
        JsonNode marketing = objections(s.from(), s.to(), "source", "MARKETING");
        assertThat(categories(marketing)).as("marketing objections").containsExactlyElementsOf(MARKETING_CATEGORIES);
        assertThat(marketing.at("/neverObjected/prospects").asLong()).isEqualTo(1);
        assertThat(marketing.at("/neverObjected/winRate").doubleValue()).isEqualTo(1.0);
    }

    /** Everything every endpoint answers for the scenario's range, for comparing before and after a rebuild. */
    static List<JsonNode> snapshot(FunnelScenario s) {
        return Arrays.asList(funnel(s.from(), s.to()),
                funnel(s.from(), s.to(), "source", "SALES"),
                breakdown("source", s.from(), s.to()),
                breakdown("technique", s.from(), s.to()),
                breakdown("owner", s.from(), s.to()),
                breakdown("week", s.from(), s.to()),
                objections(s.from(), s.to()));
    }

    private static Figures withEffort(Figures figures, Effort effort) {
        return new Figures(effort, figures.found(), figures.contacted(), figures.objected(), figures.won(),
                figures.lost(), figures.open(), figures.foundToContacted(), figures.contactedToWon(),
                figures.foundToWon(), figures.winRate(), figures.medianDaysToWin(), figures.p90DaysToWin(),
                figures.objectionsRaised(), figures.objectionsResolved());
    }

    private static Map<String, Figures> ordered(Object... groupsAndFigures) {
        Map<String, Figures> rows = new LinkedHashMap<>();
        for (int i = 0; i < groupsAndFigures.length; i += 2) {
            rows.put((String) groupsAndFigures[i], (Figures) groupsAndFigures[i + 1]);
        }
        return rows;
    }
}
