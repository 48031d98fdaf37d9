package dev.funnel.analytics.insights;

import java.util.ArrayList;
import java.util.List;

/** Nearest-rank percentiles, as the funnel computes them with PostgreSQL's {@code percentile_disc}. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The value at rank ceil(p/100 * n) of the n sorted values; null when there are none. */
    public static <T extends Comparable<T>> T nearestRank(List<T> values, int percent) {
        if (values.isEmpty()) {
            return null;
        }
        List<T> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
