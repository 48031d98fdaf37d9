package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.webapp.client.HarvestInsightsApi.Harvest;
import dev.funnel.webapp.client.HarvestInsightsApi.LagCorrelation;
import dev.funnel.webapp.client.HarvestInsightsApi.Week;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarvestViewTest {

    /** The README's worked example, weeks 2007-W05 to W10 with theta 0.5, best lag 3. */
    private static Harvest example(Integer best, Double r) {
        long[] effort = {60, 0, 120, 30, 90, 0};
        long[] prospects = {0, 1, 0, 2, 0, 4};
        List<Week> weeks = new ArrayList<>();
        double adstock = 0;
        for (int index = 0; index < effort.length; index++) {
            adstock = effort[index] + 0.5 * adstock;
            weeks.add(new Week("2007-W" + String.format("%02d", 5 + index),
                    LocalDate.parse("2007-01-29").plusWeeks(index), effort[index], effort[index] > 0 ? 1 : 0,
                    prospects[index], adstock));
        }
        List<LagCorrelation> lags = new ArrayList<>();
        for (int k = 0; k <= 8; k++) {
            lags.add(new LagCorrelation(k, best == null ? null : k == best ? r : k < 3 ? -0.2992483961369234 : null));
        }
        return new Harvest(LocalDate.parse("2007-01-29"), LocalDate.parse("2007-03-11"), 0.5, weeks, lags, best, r);
    }

    @Test
    void theWeeksCarryTheApisExactFiguresAndTheEffortOfTheBestLagEarlier() {
        HarvestView view = HarvestView.of(example(3, 0.9999999999999999));

        assertThat(view.weeks()).extracting(HarvestView.WeekRow::week).containsExactly("2007-W05", "2007-W06",
                "2007-W07", "2007-W08", "2007-W09", "2007-W10");
        HarvestView.WeekRow w08 = view.weeks().get(3);
        assertThat(w08.adstockExact()).isEqualTo("97.5");
        assertThat(w08.adstockShown()).isEqualTo("97.5");
        assertThat(view.weeks().get(5).adstockShown()).isEqualTo("69.4");
        assertThat(view.weeks().get(5).adstockExact()).isEqualTo("69.375");
        assertThat(view.weeks()).extracting(HarvestView.WeekRow::laggedExact)
                .as("W08's prospects against W05's effort, and so on").containsExactly("", "", "", "60", "0", "120");
        assertThat(view.totalEffort()).isEqualTo(300);
        assertThat(view.totalProspects()).isEqualTo(7);
        assertThat(view.theta()).isEqualTo("0.5");
    }

    @Test
    void theBestLagIsMarkedAndSaidInWords() {
        HarvestView view = HarvestView.of(example(3, 0.9999999999999999));

        assertThat(view.correlations()).filteredOn(HarvestView.LagRow::best)
                .extracting(HarvestView.LagRow::lagWeeks).containsExactly(3);
        assertThat(view.bestLagExact()).isEqualTo("3");
        assertThat(view.bestCorrelationExact()).isEqualTo("0.9999999999999999");
        assertThat(view.bestLagWords())
                .isEqualTo("The prospects follow the effort most closely 3 weeks after the effort (r = 1.00).");
        assertThat(view.correlations().get(0).shown()).isEqualTo("-0.30");
        assertThat(view.correlations().get(8).shown()).as("undefined").isEqualTo("\u2013");
        assertThat(view.correlations().get(8).exact()).isEmpty();
        assertThat(view.chartWords()).contains("2007-W05 to 2007-W10: 300 minutes, 7 prospects; best lag 3 weeks.");
        assertThat(HarvestView.bestLagWords(0, 0.5)).contains("in the same week as the effort (r = 0.50)");
        assertThat(HarvestView.bestLagWords(1, 0.5)).contains("1 week after the effort");
    }

    @Test
    void withoutABestLagNothingIsMarkedAndThePageSaysWhy() {
        HarvestView view = HarvestView.of(example(null, null));

        assertThat(view.correlations()).noneMatch(HarvestView.LagRow::best);
        assertThat(view.bestLagExact()).isEmpty();
        assertThat(view.bestCorrelationExact()).isEmpty();
        assertThat(view.weeks()).allMatch(week -> week.laggedExact().isEmpty());
        assertThat(view.bestLagWords()).startsWith("Too little to tell yet");
        assertThat(view.chartWords()).contains("no best lag yet");
    }
}
