package dev.funnel.analytics.api;

import dev.funnel.analytics.funnel.Cohort;
import dev.funnel.analytics.funnel.FunnelFigures;
import dev.funnel.analytics.funnel.FunnelFigures.Conversion;
import dev.funnel.analytics.funnel.FunnelFigures.DaysToWin;
import dev.funnel.analytics.funnel.FunnelFigures.Effort;
import dev.funnel.analytics.funnel.FunnelFigures.ObjectionCounts;
import dev.funnel.analytics.funnel.FunnelFigures.Stages;
import dev.funnel.analytics.funnel.FunnelQueries.GroupFigures;
import dev.funnel.analytics.funnel.Grouping;
import dev.funnel.events.ProspectSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** {@code GET /funnel/breakdown}: one row per group with the same figures as {@code GET /funnel}. */
public record BreakdownResponse(LocalDate from, LocalDate to, String by, ProspectSource source, String technique,
        String owner, List<Row> rows) {

    static BreakdownResponse of(Cohort cohort, Grouping by, List<GroupFigures> groups) {
        return new BreakdownResponse(cohort.from(), cohort.to(), by.name().toLowerCase(Locale.ROOT), cohort.source(),
                cohort.technique(), cohort.owner(), groups.stream().map(Row::of).toList());
    }

    /**
     * @param group the source, technique, owner or ISO week; null for hunted prospects in a breakdown by technique
     * @param effort null in a breakdown by owner: activities have no owner
     */
    public record Row(String group, Effort effort, Stages stages, Conversion conversion, Double winRate,
            DaysToWin daysToWin, ObjectionCounts objections) {

        static Row of(GroupFigures group) {
            FunnelFigures figures = group.figures();
            return new Row(group.group(), figures.effort(), figures.stages(), figures.conversion(),
                    figures.winRate(), figures.daysToWin(), figures.objections());
        }
    }
}
