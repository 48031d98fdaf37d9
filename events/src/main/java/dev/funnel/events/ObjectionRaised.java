package dev.funnel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A prospect raised an objection: told sales where the gap is.
 *
 * <p>Topic {@link Topics#OBJECTIONS}, key = prospect id, so all objections of a prospect stay in order. It may
 * arrive before the prospect's {@link ProspectFound} is seen by a consumer reading several topics.
 *
 * @param objectionId the objection's id
 * @param prospectId the prospect who raised it
 * @param category what the objection is about
 * @param raisedAt when it was raised
 */
public record ObjectionRaised(UUID objectionId, UUID prospectId, ObjectionCategory category, Instant raisedAt)
        implements FunnelEvent {

    /** @throws EventContractException if a field breaks the contract */
    public ObjectionRaised {
        Contract.require("objectionId", objectionId);
        Contract.require("prospectId", prospectId);
        Contract.require("category", category);
        Contract.require("raisedAt", raisedAt);
    }

    @Override
    public String partitionKey() {
        return prospectId.toString();
    }

    @Override
    public Instant occurredAt() {
        return raisedAt;
    }
}
