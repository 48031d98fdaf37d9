package dev.funnel.analytics.api;

import dev.funnel.analytics.funnel.Cohort;
import dev.funnel.analytics.funnel.FunnelFigures;
import dev.funnel.analytics.funnel.FunnelFigures.Conversion;
import dev.funnel.analytics.funnel.FunnelFigures.DaysToWin;
import dev.funnel.analytics.funnel.FunnelFigures.Effort;
import dev.funnel.analytics.funnel.FunnelFigures.ObjectionCounts;
import dev.funnel.analytics.funnel.FunnelFigures.Stages;
import dev.funnel.events.ProspectSource;
import java.time.LocalDate;

/** {@code GET /funnel}: the cohort asked for, echoed, and its figures. */
public record FunnelResponse(LocalDate from, LocalDate to, ProspectSource source, String technique, String owner,
        Effort effort, Stages stages, Conversion conversion, Double winRate, DaysToWin daysToWin,
        ObjectionCounts objections) {

    static FunnelResponse of(Cohort cohort, FunnelFigures figures) {
        return new FunnelResponse(cohort.from(), cohort.to(), cohort.source(), cohort.technique(), cohort.owner(),
                figures.effort(), figures.stages(), figures.conversion(), figures.winRate(), figures.daysToWin(),
                figures.objections());
    }
}
