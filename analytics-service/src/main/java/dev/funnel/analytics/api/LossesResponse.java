package dev.funnel.analytics.api;

import dev.funnel.analytics.insights.DateRange;
import dev.funnel.analytics.pipeline.Losses;
import dev.funnel.analytics.pipeline.Losses.Group;
import dev.funnel.analytics.pipeline.Losses.LostObjections;
import dev.funnel.analytics.pipeline.Losses.ReasonCount;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /insights/lost}: the range, echoed, and why its prospects were lost. */
public record LossesResponse(LocalDate from, LocalDate to, long found, long won, long lost, Double lossRate,
        List<ReasonCount> byReason, List<Group> bySource, List<Group> byTechnique, List<Group> byOwner,
        LostObjections objections) {

    static LossesResponse of(DateRange range, Losses losses) {
        return new LossesResponse(range.from(), range.to(), losses.found(), losses.won(), losses.lost(),
                losses.lossRate(), losses.byReason(), losses.bySource(), losses.byTechnique(), losses.byOwner(),
                losses.objections());
    }
}
