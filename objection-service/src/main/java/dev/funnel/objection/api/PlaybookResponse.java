package dev.funnel.objection.api;

import dev.funnel.events.ObjectionCategory;
import dev.funnel.objection.service.Playbook;
import java.time.Instant;
import java.util.List;

/** The bridges that resolved objections of one category, those whose prospects were later won first. */
public record PlaybookResponse(ObjectionCategory category, List<Bridge> bridges) {

    /**
     * @param bridge the bridge's most recent wording
     * @param timesUsed how many objections it resolved
     * @param prospectsWon how many of their prospects were won afterwards
     * @param lastUsedAt when it last resolved one
     */
    public record Bridge(String bridge, long timesUsed, long prospectsWon, Instant lastUsedAt) {

        static Bridge of(Playbook.Bridge bridge) {
            return new Bridge(bridge.bridge(), bridge.timesUsed(), bridge.prospectsWon(), bridge.lastUsedAt());
        }
    }
}
