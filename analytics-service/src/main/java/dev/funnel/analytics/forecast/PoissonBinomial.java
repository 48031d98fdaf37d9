package dev.funnel.analytics.forecast;

import java.util.List;

/**
 * The number of successes among independent trials of different probabilities: how many of the open prospects
 * are won, each with its own chance. Its distribution is computed exactly (up to doubles) by dynamic programming,
 * one prospect at a time, in O(n^2) for n prospects.
 */
final class PoissonBinomial {

    /** A cumulative probability this close below a quantile's level counts as reaching it: rounding, not chance. */
    private static final double TOLERANCE = 1e-12;

    private PoissonBinomial() {
    }

    /** P(X = k) for k = 0..n. */
    static double[] distribution(List<Double> probabilities) {
        double[] distribution = new double[probabilities.size() + 1];
        distribution[0] = 1;
        int trials = 0;
        for (double p : probabilities) {
            trials++;
            for (int k = trials; k > 0; k--) {
                distribution[k] = distribution[k] * (1 - p) + distribution[k - 1] * p;
            }
            distribution[0] *= 1 - p;
        }
        return distribution;
    }

    /** The smallest k with P(X <= k) >= level. */
    static int quantile(double[] distribution, double level) {
        double cumulative = 0;
        for (int k = 0; k < distribution.length; k++) {
            cumulative += distribution[k];
            if (cumulative >= level - TOLERANCE) {
                return k;
            }
        }
        return distribution.length - 1;
    }
}
