package dev.funnel.analytics.insights;

import java.time.LocalDate;
import java.util.List;

/**
 * Marketing-sourced prospects per ISO week next to the effort per week, and how many weeks after the effort the
 * prospects follow it most closely.
 *
 * @param theta the adstock carry-over, 0 to 1 (excluded)
 * @param weeks every ISO week that overlaps the range, in order, zeros included
 * @param correlations Pearson's r between each week's prospects and the effort k weeks earlier, k = 0 to 8
 * @param bestLagWeeks the k with the highest r (the smallest on a tie); null when every r is null
 * @param bestCorrelation that r
 */
public record HarvestCurve(double theta, List<Week> weeks, List<LagCorrelation> correlations, Integer bestLagWeeks,
        Double bestCorrelation) {

    /**
     * Figures of the week's days that lie in the range.
     *
     * @param week the ISO week, such as {@code 2026-W10}
     * @param startsOn its Monday
     * @param effortMinutes minutes of marketing activities performed
     * @param activeTechniques techniques with at least one activity
     * @param prospectsFound MARKETING prospects found
     * @param adstock effortMinutes + theta * the previous week's adstock (0 before the first week)
     */
    public record Week(String week, LocalDate startsOn, long effortMinutes, long activeTechniques,
            long prospectsFound, double adstock) {
    }

    /**
     * @param lagWeeks k
     * @param correlation r over the weeks t = k .. n-1 of (prospects of t, effort of t - k); null with fewer than 4
     *     such weeks or when either series is constant over them
     */
    public record LagCorrelation(int lagWeeks, Double correlation) {
    }
}
