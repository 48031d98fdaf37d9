package dev.funnel.analytics.api;

import dev.funnel.analytics.insights.DateRange;
import dev.funnel.analytics.pipeline.StageTimes;
import dev.funnel.analytics.pipeline.TimeInStage;
import dev.funnel.analytics.pipeline.TimeInStage.Group;
import dev.funnel.analytics.pipeline.TimeInStage.StuckProspect;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /insights/time-in-stage}: the range and day asked about, echoed, and the stage timings. */
public record TimeInStageResponse(LocalDate from, LocalDate to, LocalDate asOf, int window, StageTimes all,
        List<Group> bySource, List<Group> byOwner, List<StuckProspect> stuck) {

    static TimeInStageResponse of(DateRange range, LocalDate asOf, int window, TimeInStage times) {
        return new TimeInStageResponse(range.from(), range.to(), asOf, window, times.all(), times.bySource(),
                times.byOwner(), times.stuck());
    }
}
