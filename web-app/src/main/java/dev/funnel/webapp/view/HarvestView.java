package dev.funnel.webapp.view;

import dev.funnel.webapp.client.HarvestInsightsApi.Harvest;
import dev.funnel.webapp.client.HarvestInsightsApi.Week;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Harvest page's figures, as analytics-service answered them: per ISO week the effort, the techniques worked,
 * the marketing prospects found and the adstock; the correlation of prospects with the effort k weeks earlier; and
 * the best lag in words. The exact values go into the page's data- attributes; the text is rounded for people.
 */
public record HarvestView(String theta, List<WeekRow> weeks, List<LagRow> correlations, Integer bestLagWeeks,
        Double bestCorrelation, String bestLagWords, String chartWords) {

    /** One week; {@code effortBestLagEarlier} is the effort of the week {@code bestLagWeeks} before, or null. */
    public record WeekRow(String week, String startsOn, long effortMinutes, long activeTechniques,
            long prospectsFound, double adstock, Long effortBestLagEarlier) {

        public String adstockExact() {
            return Double.toString(adstock);
        }

        public String adstockShown() {
            return String.format(Locale.ROOT, "%.1f", adstock);
        }

        public String laggedExact() {
            return effortBestLagEarlier == null ? "" : effortBestLagEarlier.toString();
        }
    }

    public record LagRow(int lagWeeks, Double correlation, boolean best) {

        public String exact() {
            return Ratio.exact(correlation);
        }

        public String shown() {
            return Ratio.correlation(correlation);
        }

        public String weeksWords() {
            return weeks(lagWeeks);
        }
    }

    public static HarvestView of(Harvest answer) {
        Integer best = answer.bestLagWeeks();
        List<Week> weeks = answer.weeks();
        List<WeekRow> rows = new ArrayList<>();
        for (int index = 0; index < weeks.size(); index++) {
            Week week = weeks.get(index);
            Long lagged = best == null || index < best ? null : weeks.get(index - best).effortMinutes();
            rows.add(new WeekRow(week.week(), week.startsOn().toString(), week.effortMinutes(),
                    week.activeTechniques(), week.prospectsFound(), week.adstock(), lagged));
        }
        List<LagRow> lags = answer.correlations().stream()
                .map(lag -> new LagRow(lag.lagWeeks(), lag.correlation(),
                        best != null && lag.lagWeeks() == best))
                .toList();
        return new HarvestView(Double.toString(answer.theta()), rows, lags, best, answer.bestCorrelation(),
                bestLagWords(best, answer.bestCorrelation()), chartWords(rows, best));
    }

    /** The best lag in words, or why there is none. */
    static String bestLagWords(Integer best, Double r) {
        if (best == null) {
            return "Too little to tell yet: a lag needs at least 4 weeks in which both the effort and the prospects "
                    + "vary.";
        }
        String when = best == 0 ? "in the same week as the effort" : weeks(best) + " after the effort";
        return "The prospects follow the effort most closely " + when + " (r = " + Ratio.correlation(r) + ").";
    }

    public String bestLagExact() {
        return bestLagWeeks == null ? "" : bestLagWeeks.toString();
    }

    public String bestCorrelationExact() {
        return Ratio.exact(bestCorrelation);
    }

    public long totalEffort() {
        return weeks.stream().mapToLong(WeekRow::effortMinutes).sum();
    }

    public long totalProspects() {
        return weeks.stream().mapToLong(WeekRow::prospectsFound).sum();
    }

    /** What the chart shows, for a screen reader: the same figures are in the table below it. */
    static String chartWords(List<WeekRow> rows, Integer best) {
        if (rows.isEmpty()) {
            return "No weeks in the range.";
        }
        long effort = rows.stream().mapToLong(WeekRow::effortMinutes).sum();
        long prospects = rows.stream().mapToLong(WeekRow::prospectsFound).sum();
        return "Weekly marketing effort, its adstock and the marketing prospects found, " + rows.get(0).week()
                + " to " + rows.get(rows.size() - 1).week() + ": " + effort + " minutes, " + prospects
                + (prospects == 1 ? " prospect" : " prospects")
                + (best == null ? "; no best lag yet." : "; best lag " + weeks(best) + ".")
                + " The table below has every figure.";
    }

    static String weeks(int count) {
        return count + (count == 1 ? " week" : " weeks");
    }
}
