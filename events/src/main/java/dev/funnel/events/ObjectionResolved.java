package dev.funnel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An objection was bridged: the seller closed the gap the prospect pointed at.
 *
 * <p>Topic {@link Topics#OBJECTIONS}, key = prospect id.
 *
 * @param objectionId the id of the {@link ObjectionRaised} it resolves
 * @param prospectId the prospect who raised it
 * @param resolvedAt when it was resolved
 */
public record ObjectionResolved(UUID objectionId, UUID prospectId, Instant resolvedAt) implements FunnelEvent {

    /** @throws EventContractException if a field breaks the contract */
    public ObjectionResolved {
        Contract.require("objectionId", objectionId);
        Contract.require("prospectId", prospectId);
        Contract.require("resolvedAt", resolvedAt);
    }

    @Override
    public String partitionKey() {
        return prospectId.toString();
    }

    @Override
    public Instant occurredAt() {
        return resolvedAt;
    }
}
