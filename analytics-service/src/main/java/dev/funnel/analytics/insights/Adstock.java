package dev.funnel.analytics.insights;

/**
 * Geometric adstock: the effort still at work in a week, when each week's effort carries over into the next with
 * a share theta of its strength. A watered garden stays wet for a while.
 */
final class Adstock {

    private Adstock() {
    }

    /** A_t = x_t + theta * A_(t-1), with A_(-1) = 0: effort before the series is not carried in. */
    static double[] of(double[] effort, double theta) {
        double[] adstock = new double[effort.length];
        double previous = 0;
        for (int t = 0; t < effort.length; t++) {
            adstock[t] = effort[t] + theta * previous;
            previous = adstock[t];
        }
        return adstock;
    }
}
