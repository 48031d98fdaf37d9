package dev.funnel.analytics.pipeline;

import dev.funnel.analytics.insights.Percentiles;
import java.util.List;

/**
 * How long a step took, over the prospects that took it.
 *
 * @param prospects how many took the step
 * @param medianDays nearest-rank median of their days; null when none did
 * @param p90Days nearest-rank 90th percentile; null when none did
 */
public record Durations(long prospects, Double medianDays, Double p90Days) {

    static Durations of(List<Double> days) {
        return new Durations(days.size(), Percentiles.nearestRank(days, 50), Percentiles.nearestRank(days, 90));
    }
}
