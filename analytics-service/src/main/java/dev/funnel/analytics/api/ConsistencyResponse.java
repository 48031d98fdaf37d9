package dev.funnel.analytics.api;

import dev.funnel.analytics.insights.Consistency;
import dev.funnel.analytics.insights.DateRange;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /insights/consistency}: the range and day asked about, echoed, and every technique's consistency. */
public record ConsistencyResponse(LocalDate from, LocalDate to, LocalDate asOf, long typicalSproutLagDays,
        List<Consistency.Technique> techniques) {

    static ConsistencyResponse of(DateRange range, Consistency consistency) {
        return new ConsistencyResponse(range.from(), range.to(), consistency.asOf(),
                consistency.typicalSproutLagDays(), consistency.techniques());
    }
}
