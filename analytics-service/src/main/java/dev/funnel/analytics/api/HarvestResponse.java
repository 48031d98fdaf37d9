package dev.funnel.analytics.api;

import dev.funnel.analytics.insights.DateRange;
import dev.funnel.analytics.insights.HarvestCurve;
import dev.funnel.analytics.insights.HarvestCurve.LagCorrelation;
import dev.funnel.analytics.insights.HarvestCurve.Week;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /insights/harvest}: the range and theta, echoed, the weeks and the lagged correlations. */
public record HarvestResponse(LocalDate from, LocalDate to, double theta, List<Week> weeks,
        List<LagCorrelation> correlations, Integer bestLagWeeks, Double bestCorrelation) {

    static HarvestResponse of(DateRange range, HarvestCurve curve) {
        return new HarvestResponse(range.from(), range.to(), curve.theta(), curve.weeks(), curve.correlations(),
                curve.bestLagWeeks(), curve.bestCorrelation());
    }
}
