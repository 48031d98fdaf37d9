package dev.funnel.webapp.view;

import dev.funnel.webapp.client.FunnelApi.Breakdown;
import dev.funnel.webapp.client.FunnelApi.Funnel;
import dev.funnel.webapp.client.FunnelApi.HuntingVsFarming;
import dev.funnel.webapp.client.FunnelApi.Row;
import dev.funnel.webapp.client.FunnelApi.SourceCohort;
import dev.funnel.webapp.client.FunnelApi.Stages;
import java.util.List;

/**
 * The Funnel page's figures, as analytics-service answered them: the cohort's stages with the share of the found
 * that reached each, the steps between them (conversion and drop-off), the breakdown rows, and the hunted against
 * the farmed prospects side by side.
 */
public record FunnelView(String by, List<Stage> stages, List<Step> steps, String winRate, String winRateExact,
        String daysToWin, String effort, String cost, String costExact, List<BreakdownRow> breakdown,
        List<Side> sides) {

    /** A stage's count; {@code share} the part of the found it is (null when nothing was found). */
    public record Stage(String code, String label, long count, Double share) {

        public String percent() {
            return Ratio.percent(share);
        }

        /** The bar's width, 0 to 100: a picture of the count, the number stays beside it. */
        public long width() {
            return share == null ? 0 : Math.round(share * 100);
        }
    }

    /** From one stage to the next: the API's conversion, and how many did not go on. */
    public record Step(String id, String label, Double conversion, long droppedOff, String droppedWords) {

        public String percent() {
            return Ratio.percent(conversion);
        }

        public String dropOffPercent() {
            return conversion == null ? Ratio.NONE : Percent.of(1 - conversion);
        }

        public String exact() {
            return Ratio.exact(conversion);
        }
    }

    /**
     * One group of the breakdown; {@code group} as the API names it (empty for its null group: the hunted prospects
     * in a breakdown by technique), {@code effortMinutes} null where the API gives no effort (by owner).
     */
    public record BreakdownRow(String group, String label, Stages stages, String foundToWon, String winRate,
            String winRateExact, String medianDaysToWin, Long effortMinutes, String cost, String costExact) {

        public String effortShown() {
            return effortMinutes == null ? Ratio.NONE : Long.toString(effortMinutes);
        }

        public String effortExact() {
            return effortMinutes == null ? "" : effortMinutes.toString();
        }
    }

    /** Farmed (MARKETING) or hunted (SALES) prospects of the range. */
    public record Side(String source, String label, long found, long won, long lost, String winRate,
            String winRateExact, String medianDays, String p90Days, String medianExact, String wonValue,
            String wonValueExact, String objectedShare, String effort, String perProspect, String perCustomer) {
    }

    public static FunnelView of(String by, Funnel funnel, Breakdown breakdown, HuntingVsFarming sides) {
        Stages stages = funnel.stages();
        long found = stages.found();
        List<Stage> shown = List.of(stage("found", "Found", stages.found(), found),
                stage("contacted", "Contacted", stages.contacted(), found),
                stage("objected", "Objected", stages.objected(), found),
                stage("won", "Won", stages.won(), found),
                stage("lost", "Lost", stages.lost(), found),
                stage("open", "Open", stages.open(), found));
        long notContacted = stages.found() - stages.contacted();
        long notWon = stages.contacted() - stages.won();
        List<Step> steps = List.of(
                new Step("found-contacted", "Found \u2192 contacted", funnel.conversion().foundToContacted(),
                        notContacted, notContacted + " never contacted"),
                new Step("contacted-won", "Contacted \u2192 won", funnel.conversion().contactedToWon(), notWon,
                        notWon + " contacted but not won (lost or still open)"),
                new Step("found-won", "Found \u2192 won", funnel.conversion().foundToWon(), found - stages.won(),
                        (found - stages.won()) + " of the found not won"));
        String days = funnel.daysToWin().median() == null ? "no prospect won yet"
                : "median " + Ratio.days(funnel.daysToWin().median()) + " days, p90 "
                        + Ratio.days(funnel.daysToWin().p90()) + " days";
        List<BreakdownRow> rows = breakdown.rows().stream().map(row -> row(breakdown.by(), row)).toList();
        return new FunnelView(by, shown, steps, Ratio.percent(funnel.winRate()), Ratio.exact(funnel.winRate()), days,
                funnel.effort().activities() + " activities, " + funnel.effort().minutes() + " minutes",
                Money.words(funnel.effort().costMinor()), Money.exact(funnel.effort().costMinor()), rows,
                List.of(side(sides.marketing()), side(sides.sales())));
    }

    private static Stage stage(String code, String label, long count, long found) {
        return new Stage(code, label, count, found == 0 ? null : (double) count / found);
    }

    static BreakdownRow row(String by, Row row) {
        return new BreakdownRow(row.group() == null ? "" : row.group(), groupLabel(by, row.group()), row.stages(),
                Ratio.percent(row.conversion().foundToWon()), Ratio.percent(row.winRate()),
                Ratio.exact(row.winRate()), Ratio.days(row.daysToWin().median()),
                row.effort() == null ? null : row.effort().minutes(),
                row.effort() == null ? Ratio.NONE : Money.words(row.effort().costMinor()),
                row.effort() == null ? "" : Money.exact(row.effort().costMinor()));
    }

    /** A group as people read it: the sources as farmed and hunted, the hunted prospects' missing technique. */
    static String groupLabel(String by, String group) {
        if (group == null) {
            return "technique".equals(by) ? "Hunted (no technique)" : "(none)";
        }
        if ("source".equals(by)) {
            return sourceLabel(group);
        }
        return group;
    }

    static String sourceLabel(String source) {
        return switch (source) {
            case "MARKETING" -> "Farmed (marketing)";
            case "SALES" -> "Hunted (sales)";
            default -> Words.label(source);
        };
    }

    static Side side(SourceCohort cohort) {
        String effort;
        String perProspect;
        String perCustomer;
        if (cohort.effort() == null) {
            effort = "no effort logged: hunting logs none";
            perProspect = Ratio.NONE;
            perCustomer = Ratio.NONE;
        } else {
            effort = cohort.effort().activities() + " activities, " + cohort.effort().minutes() + " minutes, "
                    + Money.words(cohort.effort().costMinor());
            perProspect = minutes(cohort.effort().minutesPerProspectFound()) + ", "
                    + Money.perResult(cohort.effort().costPerProspectFoundMinor());
            perCustomer = minutes(cohort.effort().minutesPerCustomerWon()) + ", "
                    + Money.perResult(cohort.effort().costPerCustomerWonMinor());
        }
        return new Side(cohort.source(), sourceLabel(cohort.source()), cohort.found(), cohort.won(), cohort.lost(),
                Ratio.percent(cohort.winRate()), Ratio.exact(cohort.winRate()), Ratio.days(cohort.daysToWin().median()),
                Ratio.days(cohort.daysToWin().p90()), Ratio.exact(cohort.daysToWin().median()),
                Money.words(cohort.wonValueMinor()), Money.exact(cohort.wonValueMinor()),
                Ratio.percent(cohort.objectedShare()), effort, perProspect, perCustomer);
    }

    private static String minutes(Double minutes) {
        return minutes == null ? Ratio.NONE + " minutes" : Ratio.days(minutes) + " minutes";
    }
}
