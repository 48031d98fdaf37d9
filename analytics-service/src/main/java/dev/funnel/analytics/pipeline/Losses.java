package dev.funnel.analytics.pipeline;

import dev.funnel.events.ObjectionCategory;
import java.util.List;
import java.util.SortedMap;

/**
 * Why the prospects found in a range were lost, and which of their objections nobody bridged.
 *
 * @param found the prospects of the range
 * @param won of those, won
 * @param lost of those, lost
 * @param lossRate lost / (won + lost); null when none was decided
 * @param byReason each reason given, most frequent first
 * @param bySource per source, MARKETING first
 * @param byTechnique per technique, by slug; hunted prospects (no technique) last, as group null
 * @param byOwner per owner, by name
 * @param objections the lost prospects' objections
 */
public record Losses(long found, long won, long lost, Double lossRate, List<ReasonCount> byReason,
        List<Group> bySource, List<Group> byTechnique, List<Group> byOwner, LostObjections objections) {

    /** @param share lost / all the lost */
    public record ReasonCount(String reason, long lost, Double share) {
    }

    /** @param reasons how many were lost for each reason given, by reason */
    public record Group(String group, long found, long won, long lost, Double lossRate,
            SortedMap<String, Long> reasons) {
    }

    /**
     * @param neverObjected lost prospects that raised no objection
     * @param allResolved lost prospects that raised objections and saw every one resolved
     * @param unresolved per category, the lost prospects with at least one objection of it never resolved, the most
     *     frequent first: the bridges still to build
     */
    public record LostObjections(long neverObjected, long allResolved, List<CategoryCount> unresolved) {
    }

    /** @param share lostProspects / all the lost */
    public record CategoryCount(ObjectionCategory category, long lostProspects, Double share) {
    }
}
