package dev.funnel.analytics.pipeline;

import dev.funnel.events.ProspectSource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where the prospects found in a range spend their time, and which of them are stuck.
 *
 * @param all every prospect of the range
 * @param bySource per source, MARKETING first
 * @param byOwner per owner, by name
 * @param stuck the open prospects in their stage for longer than the range's p90 of that stage, longest first
 */
public record TimeInStage(StageTimes all, List<Group> bySource, List<Group> byOwner,
        List<StuckProspect> stuck) {

    /** @param group the source or the owner */
    public record Group(String group, StageTimes times) {
    }

    /**
     * @param stage FOUND (not contacted yet) or CONTACTED
     * @param since when it entered the stage
     * @param daysInStage days from then to {@code asOf}
     * @param stageP90Days the p90 it exceeds: found to contacted for FOUND, contacted to decided for CONTACTED
     */
    public record StuckProspect(UUID prospectId, ProspectSource source, String technique, String owner,
            OpenStage stage, Instant since, double daysInStage, double stageP90Days) {
    }

    /** The stages an open prospect can be in. */
    public enum OpenStage {
        FOUND, CONTACTED
    }
}
