package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.webapp.client.FunnelApi.Breakdown;
import dev.funnel.webapp.client.FunnelApi.Conversion;
import dev.funnel.webapp.client.FunnelApi.DaysToWin;
import dev.funnel.webapp.client.FunnelApi.Effort;
import dev.funnel.webapp.client.FunnelApi.Funnel;
import dev.funnel.webapp.client.FunnelApi.HuntingVsFarming;
import dev.funnel.webapp.client.FunnelApi.ObjectionCounts;
import dev.funnel.webapp.client.FunnelApi.Row;
import dev.funnel.webapp.client.FunnelApi.SourceCohort;
import dev.funnel.webapp.client.FunnelApi.SourceEffort;
import dev.funnel.webapp.client.FunnelApi.Stages;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FunnelViewTest {

    private static final LocalDate FROM = LocalDate.parse("2026-03-02");
    private static final LocalDate TO = LocalDate.parse("2026-03-15");

    /** The README's example answer of GET /funnel. */
    private static Funnel readmeFunnel() {
        return new Funnel(FROM, TO, null, null, null,
                new Effort(5, 185, new TreeMap<>(Map.of("EUR", BigInteger.valueOf(2500), "USD",
                        BigInteger.valueOf(1000)))),
                new Stages(7, 6, 5, 4, 2, 1),
                new Conversion(0.8571428571428571, 0.6666666666666666, 0.5714285714285714), 0.6666666666666666,
                new DaysToWin(2.0, 8.0), new ObjectionCounts(6, 3));
    }

    private static HuntingVsFarming readmeSides() {
        SourceCohort farmed = new SourceCohort("MARKETING", 5, 3, 1, 0.75, new DaysToWin(14.0, 20.0),
                new TreeMap<>(Map.of("EUR", BigInteger.valueOf(80000), "USD", BigInteger.valueOf(20000))), 0.4,
                new SourceEffort(4, 240, new TreeMap<>(Map.of("EUR", BigInteger.valueOf(3000))), 48.0, 80.0,
                        new TreeMap<>(Map.of("EUR", 600.0)), new TreeMap<>(Map.of("EUR", 1000.0))));
        SourceCohort hunted = new SourceCohort("SALES", 5, 3, 2, 0.6, new DaysToWin(2.0, 5.0),
                new TreeMap<>(Map.of("EUR", BigInteger.valueOf(75000))), 0.6, null);
        return new HuntingVsFarming(FROM, TO, farmed, hunted);
    }

    private static Row row(String group, Effort effort, long found, long won, long lost, Double winRate) {
        return new Row(group, effort, new Stages(found, found, 0, won, lost, found - won - lost),
                new Conversion(found == 0 ? null : 1.0, found == 0 ? null : (double) won / found,
                        found == 0 ? null : (double) won / found),
                winRate, new DaysToWin(null, null), new ObjectionCounts(0, 0));
    }

    @Test
    void theStagesCarryTheApisCountsWithTheirShareOfTheFound() {
        FunnelView view = FunnelView.of("technique", readmeFunnel(), new Breakdown(FROM, TO, "technique", List.of()),
                readmeSides());

        assertThat(view.stages()).extracting(FunnelView.Stage::code)
                .containsExactly("found", "contacted", "objected", "won", "lost", "open");
        assertThat(view.stages()).extracting(FunnelView.Stage::count).containsExactly(7L, 6L, 5L, 4L, 2L, 1L);
        assertThat(view.stages().get(3).percent()).isEqualTo("57%");
        assertThat(view.stages().get(0).width()).isEqualTo(100);
        assertThat(view.winRate()).isEqualTo("67%");
        assertThat(view.winRateExact()).isEqualTo("0.6666666666666666");
        assertThat(view.daysToWin()).isEqualTo("median 2 days, p90 8 days");
        assertThat(view.cost()).isEqualTo("EUR 25.00, USD 10.00");
        assertThat(view.costExact()).isEqualTo("EUR:2500 USD:1000");
    }

    @Test
    void eachStepHasTheApisConversionAndWhoDroppedOff() {
        FunnelView view = FunnelView.of("technique", readmeFunnel(), new Breakdown(FROM, TO, "technique", List.of()),
                readmeSides());

        FunnelView.Step contacted = view.steps().get(0);
        assertThat(contacted.exact()).isEqualTo("0.8571428571428571");
        assertThat(contacted.percent()).isEqualTo("86%");
        assertThat(contacted.dropOffPercent()).isEqualTo("14%");
        assertThat(contacted.droppedWords()).isEqualTo("1 never contacted");
        FunnelView.Step won = view.steps().get(1);
        assertThat(won.droppedOff()).isEqualTo(2);
        assertThat(won.percent()).isEqualTo("67%");
        assertThat(view.steps().get(2).droppedOff()).isEqualTo(3);
    }

    @Test
    void nothingFoundHasNoSharesAndNoConversionsRatherThanZeros() {
        Funnel empty = new Funnel(FROM, TO, null, null, null, new Effort(0, 0, new TreeMap<>()),
                new Stages(0, 0, 0, 0, 0, 0), new Conversion(null, null, null), null, new DaysToWin(null, null),
                new ObjectionCounts(0, 0));
        FunnelView view = FunnelView.of("week", empty, new Breakdown(FROM, TO, "week", List.of()), readmeSides());

        assertThat(view.stages()).allMatch(stage -> stage.share() == null && stage.width() == 0);
        assertThat(view.stages().get(0).percent()).isEqualTo("\u2013");
        assertThat(view.steps()).allMatch(step -> step.percent().equals("\u2013")
                && step.dropOffPercent().equals("\u2013") && step.exact().isEmpty());
        assertThat(view.winRate()).isEqualTo("\u2013");
        assertThat(view.daysToWin()).isEqualTo("no prospect won yet");
        assertThat(view.cost()).isEqualTo("none");
    }

    @Test
    void breakdownRowsNameTheHuntedAndTheSourcesInWordsAndKeepTheApisGroup() {
        Effort effort = new Effort(3, 90, new TreeMap<>(Map.of("USD", BigInteger.valueOf(1250))));
        FunnelView byTechnique = FunnelView.of("technique", readmeFunnel(), new Breakdown(FROM, TO, "technique",
                List.of(row("daily-linkedin", effort, 4, 2, 1, 0.6666666666666666), row(null, null, 3, 2, 1, 0.5))),
                readmeSides());

        FunnelView.BreakdownRow technique = byTechnique.breakdown().get(0);
        assertThat(technique.group()).isEqualTo("daily-linkedin");
        assertThat(technique.label()).isEqualTo("daily-linkedin");
        assertThat(technique.effortExact()).isEqualTo("90");
        assertThat(technique.cost()).isEqualTo("USD 12.50");
        assertThat(technique.costExact()).isEqualTo("USD:1250");
        assertThat(technique.winRate()).isEqualTo("67%");
        FunnelView.BreakdownRow hunted = byTechnique.breakdown().get(1);
        assertThat(hunted.group()).isEmpty();
        assertThat(hunted.label()).isEqualTo("Hunted (no technique)");
        assertThat(hunted.effortShown()).isEqualTo("\u2013");
        assertThat(hunted.effortExact()).isEmpty();
        assertThat(hunted.costExact()).isEmpty();

        assertThat(FunnelView.groupLabel("source", "MARKETING")).isEqualTo("Farmed (marketing)");
        assertThat(FunnelView.groupLabel("source", "SALES")).isEqualTo("Hunted (sales)");
        assertThat(FunnelView.groupLabel("week", "2026-W10")).isEqualTo("2026-W10");
    }

    @Test
    void huntedAndFarmedSideBySideWithExactWonValuesAndNoEffortForHunting() {
        FunnelView view = FunnelView.of("technique", readmeFunnel(), new Breakdown(FROM, TO, "technique", List.of()),
                readmeSides());

        FunnelView.Side farmed = view.sides().get(0);
        assertThat(farmed.source()).isEqualTo("MARKETING");
        assertThat(farmed.winRate()).isEqualTo("75%");
        assertThat(farmed.medianDays()).isEqualTo("14");
        assertThat(farmed.wonValue()).isEqualTo("EUR 800.00, USD 200.00");
        assertThat(farmed.wonValueExact()).isEqualTo("EUR:80000 USD:20000");
        assertThat(farmed.effort()).isEqualTo("4 activities, 240 minutes, EUR 30.00");
        assertThat(farmed.perProspect()).isEqualTo("48 minutes, EUR 6.00");
        assertThat(farmed.perCustomer()).isEqualTo("80 minutes, EUR 10.00");
        FunnelView.Side hunted = view.sides().get(1);
        assertThat(hunted.label()).isEqualTo("Hunted (sales)");
        assertThat(hunted.effort()).isEqualTo("no effort logged: hunting logs none");
        assertThat(hunted.perProspect()).isEqualTo("\u2013");
        assertThat(hunted.objectedShare()).isEqualTo("60%");
    }
}
