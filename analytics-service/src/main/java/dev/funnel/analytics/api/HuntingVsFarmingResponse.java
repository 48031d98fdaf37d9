package dev.funnel.analytics.api;

import dev.funnel.analytics.insights.DateRange;
import dev.funnel.analytics.insights.HuntingVsFarming;
import dev.funnel.analytics.insights.HuntingVsFarming.SourceCohort;
import java.time.LocalDate;

/** {@code GET /insights/hunting-vs-farming}: the range, echoed, and the two cohorts. */
public record HuntingVsFarmingResponse(LocalDate from, LocalDate to, SourceCohort marketing, SourceCohort sales) {

    static HuntingVsFarmingResponse of(DateRange range, HuntingVsFarming comparison) {
        return new HuntingVsFarmingResponse(range.from(), range.to(), comparison.marketing(), comparison.sales());
    }
}
