package dev.funnel.analytics.api;

import dev.funnel.analytics.api.BreakdownResponse.Row;
import dev.funnel.analytics.funnel.FunnelFigures.Effort;
import dev.funnel.web.csv.CsvTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code GET /funnel/breakdown} as a spreadsheet: one row per group, one column per figure of the JSON answer
 * (nested names joined with a dot, as a client flattening the JSON would), a {@code effort.costMinor.<currency>}
 * column per currency any row spent in. A figure that is null in JSON (a ratio of nothing, the effort of an
 * owner) is an empty cell.
 */
final class BreakdownSheet {

    private static final List<String> FIGURES = List.of("stages.found", "stages.contacted", "stages.objected",
            "stages.won", "stages.lost", "stages.open", "conversion.foundToContacted", "conversion.contactedToWon",
            "conversion.foundToWon", "winRate", "daysToWin.median", "daysToWin.p90", "objections.raised",
            "objections.resolved", "effort.activities", "effort.minutes");

    private BreakdownSheet() {
    }

    static String of(BreakdownResponse breakdown) {
        SortedSet<String> currencies = new TreeSet<>();
        breakdown.rows().stream().map(Row::effort).filter(effort -> effort != null)
                .forEach(effort -> currencies.addAll(effort.costMinor().keySet()));
        List<String> columns = new ArrayList<>();
        columns.add(breakdown.by());
        columns.addAll(FIGURES);
        currencies.forEach(currency -> columns.add("effort.costMinor." + currency));
        List<List<?>> rows = new ArrayList<>();
        for (Row row : breakdown.rows()) {
            Effort effort = row.effort();
            List<Object> cells = new ArrayList<>(Arrays.asList(row.group(),
                    row.stages().found(), row.stages().contacted(), row.stages().objected(), row.stages().won(),
                    row.stages().lost(), row.stages().open(),
                    row.conversion().foundToContacted(), row.conversion().contactedToWon(),
                    row.conversion().foundToWon(), row.winRate(), row.daysToWin().median(), row.daysToWin().p90(),
                    row.objections().raised(), row.objections().resolved(),
                    effort == null ? null : effort.activities(), effort == null ? null : effort.minutes()));
            currencies.forEach(currency -> cells.add(effort == null ? null : effort.costMinor().get(currency)));
            rows.add(cells);
        }
        return CsvTables.write(columns, rows);
    }
}
