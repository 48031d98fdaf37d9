package dev.funnel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A seller reached a prospect.
 *
 * <p>Topic {@link Topics#PROSPECTS}, key = prospect id.
 *
 * @param prospectId the prospect's id
 * @param owner the seller who made contact: {@code [a-z0-9._-]{1,40}}
 * @param contactedAt when contact was made
 */
public record ProspectContacted(UUID prospectId, String owner, Instant contactedAt) implements FunnelEvent {

    /** @throws EventContractException if a field breaks the contract */
    public ProspectContacted {
        Contract.require("prospectId", prospectId);
        Contract.require("owner", owner, Contract.OWNER);
        Contract.require("contactedAt", contactedAt);
    }

    @Override
    public String partitionKey() {
        return prospectId.toString();
    }

    @Override
    public Instant occurredAt() {
        return contactedAt;
    }
}
