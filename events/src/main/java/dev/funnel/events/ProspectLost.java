package dev.funnel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A prospect was lost.
 *
 * <p>Topic {@link Topics#PROSPECTS}, key = prospect id.
 *
 * @param prospectId the prospect's id
 * @param reason why: an objection category ({@link LostReason#of(ObjectionCategory)}), or that the prospect never
 *     decided or stopped answering
 * @param lostAt when the prospect was given up
 */
public record ProspectLost(UUID prospectId, LostReason reason, Instant lostAt) implements FunnelEvent {

    /** @throws EventContractException if a field breaks the contract */
    public ProspectLost {
        Contract.require("prospectId", prospectId);
        Contract.require("reason", reason);
        Contract.require("lostAt", lostAt);
    }

    @Override
    public String partitionKey() {
        return prospectId.toString();
    }

    @Override
    public Instant occurredAt() {
        return lostAt;
    }
}
