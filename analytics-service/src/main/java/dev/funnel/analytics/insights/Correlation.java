package dev.funnel.analytics.insights;

import java.util.ArrayList;
import java.util.List;

/** Pearson correlation, and the harvest's question: how many weeks after the effort do the prospects come? */
final class Correlation {

    /** Shifts tried, in weeks: two months covers the sprout lags small businesses see. */
    static final int MAX_LAG_WEEKS = 8;
    /** Fewer pairs than this and a correlation says nothing: null. */
    static final int MIN_PAIRS = 4;

    private Correlation() {
    }

    /**
     * Pearson's r of two series of equal length; null with fewer than {@value #MIN_PAIRS} pairs, or when either
     * series is constant (zero variance: r is undefined, and a number would be made up).
     */
    static Double pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series of different lengths");
        }
        int n = x.length;
        if (n < MIN_PAIRS) {
            return null;
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }
        if (varianceX == 0 || varianceY == 0) {
            return null;
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }

    /**
     * For k = 0 to {@value #MAX_LAG_WEEKS}: r between the outcome of week t and the effort of week t - k, over the
     * weeks t = k .. n-1 (the first k weeks have no effort k weeks earlier inside the series).
     *
     * @return one entry per k, in order; r null where {@link #pearson} is
     */
    static List<Double> lagged(double[] outcome, double[] effort) {
        List<Double> correlations = new ArrayList<>();
        for (int k = 0; k <= MAX_LAG_WEEKS; k++) {
            int pairs = Math.max(0, outcome.length - k);
            double[] later = new double[pairs];
            double[] earlier = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                later[i] = outcome[i + k];
                earlier[i] = effort[i];
            }
            correlations.add(pearson(later, earlier));
        }
        return correlations;
    }

    /** The index of the highest correlation (the smallest on a tie); null when all are null. */
    static Integer best(List<Double> correlations) {
        Integer best = null;
        for (int k = 0; k < correlations.size(); k++) {
            Double r = correlations.get(k);
            if (r != null && (best == null || r > correlations.get(best))) {
                best = k;
            }
        }
        return best;
    }
}
