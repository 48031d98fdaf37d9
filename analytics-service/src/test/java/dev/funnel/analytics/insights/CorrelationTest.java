package dev.funnel.analytics.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Pearson's r, its shifts, and adstock, against values worked out by hand. */
class CorrelationTest {

    private static final Offset<Double> EXACT = within(1e-12);

    /** The harvest scenario: 12 weeks of effort minutes, and prospects that follow the effort 3 weeks later. */
    static final double[] EFFORT = {60, 0, 120, 30, 90, 0, 0, 150, 30, 60, 0, 90};
    static final double[] PROSPECTS = {0, 1, 0, 2, 0, 4, 1, 3, 0, 0, 5, 1};

    @Test
    void pearsonOfASmallSeriesByHand() {
        // Means 2.5 and 2.5; deviations (-1.5, -0.5, 0.5, 1.5) and (-0.5, -1.5, 1.5, 0.5):
        // covariance sum 3, variance sums 5 and 5, r = 3 / 5.
        assertThat(Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {2, 1, 4, 3})).isCloseTo(0.6, EXACT);
        assertThat(Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {8, 6, 4, 2})).isCloseTo(-1.0, EXACT);
    }

    @Test
    void fewerThanFourPairsSayNothing() {
        assertThat(Correlation.pearson(new double[] {1, 2, 3}, new double[] {1, 2, 3})).isNull();
        assertThat(Correlation.pearson(new double[0], new double[0])).isNull();
    }

    @Test
    void aConstantSeriesHasNoCorrelation() {
        assertThat(Correlation.pearson(new double[] {0, 0, 0, 0, 0}, new double[] {1, 2, 3, 4, 5})).isNull();
        assertThat(Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {7, 7, 7, 7, 7})).isNull();
    }

    @Test
    void theHarvestPeaksThreeWeeksAfterTheEffort() {
        List<Double> lagged = Correlation.lagged(PROSPECTS, EFFORT);

        assertThat(lagged).hasSize(9);
        double[] expected = {-0.2992483961369234, 0.13649911727415823, -0.5109405634161496, 1.0,
            -0.5241725584537413, 0.0, 0.02076136996343498, -0.2917299829957891, 0.8609160647753271};
        for (int k = 0; k < expected.length; k++) {
            assertThat(lagged.get(k)).as("k = " + k).isCloseTo(expected[k], EXACT);
        }
        assertThat(Correlation.best(lagged)).isEqualTo(3);
    }

    @Test
    void eachShiftNeedsFourWeeksOfPairs() {
        double[] five = Arrays.copyOf(EFFORT, 5);
        List<Double> lagged = Correlation.lagged(Arrays.copyOf(PROSPECTS, 5), five);

        assertThat(lagged.get(0)).isNotNull();
        assertThat(lagged.get(1)).isNotNull();
        assertThat(lagged.subList(2, 9)).containsOnlyNulls();
        assertThat(Correlation.lagged(new double[3], new double[3])).containsOnlyNulls().hasSize(9);
        assertThat(Correlation.best(Correlation.lagged(new double[3], new double[3]))).isNull();
    }

    @Test
    void aTieGoesToTheShorterLag() {
        assertThat(Correlation.best(Arrays.asList(null, 0.5, 0.9, 0.9, null))).isEqualTo(2);
    }

    @Test
    void adstockCarriesEachWeekIntoTheNext() {
        // A_t = x_t + 0.5 A_(t-1): 60; 0 + 30; 120 + 15; 30 + 67.5; 90 + 48.75; ...
        assertThat(Adstock.of(EFFORT, 0.5)).containsExactly(60, 30, 135, 97.5, 138.75, 69.375, 34.6875, 167.34375,
                113.671875, 116.8359375, 58.41796875, 119.208984375);
        assertThat(Adstock.of(EFFORT, 0)).containsExactly(EFFORT);
        assertThat(Adstock.of(new double[0], 0.7)).isEmpty();
    }
}
