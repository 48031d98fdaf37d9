package dev.funnel.analytics.funnel;

import dev.funnel.events.ObjectionCategory;
import java.util.List;

/**
 * Which objections the cohort raised, which were bridged, and whether bridging went with winning.
 *
 * @param categories every category, the most raised first (ties by name)
 * @param neverObjected the cohort's prospects who raised no objection at all
 */
public record ObjectionFigures(List<CategoryFigures> categories, NeverObjected neverObjected) {

    /**
     * @param category the category
     * @param raised objections of this category raised by the cohort's prospects
     * @param resolved of those, the ones resolved
     * @param resolutionRate resolved / raised
     * @param prospects cohort prospects who raised at least one objection of this category
     * @param winRateAllResolved won / (won + lost) of those prospects whose objections of this category were all
     *     resolved
     * @param winRateNotAllResolved won / (won + lost) of those prospects with at least one objection of this
     *     category unresolved
     */
    public record CategoryFigures(ObjectionCategory category, long raised, long resolved, Double resolutionRate,
            long prospects, Double winRateAllResolved, Double winRateNotAllResolved) {
    }

    /**
     * @param prospects cohort prospects who raised no objection
     * @param winRate their won / (won + lost)
     */
    public record NeverObjected(long prospects, Double winRate) {
    }
}
