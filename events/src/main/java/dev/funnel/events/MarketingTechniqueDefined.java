package dev.funnel.events;

import java.time.Instant;

/**
 * A marketing technique was defined or redefined, with the cadence it is meant to be done at.
 *
 * <p>Topic {@link Topics#MARKETING_ACTIVITIES}, key = technique slug.
 *
 * @param technique the technique's slug, its stable id: {@code [a-z0-9-]{2,40}}, for example {@code linkedin-post}
 * @param name the human-readable name, 1 to 80 characters
 * @param cadence how often the technique is planned to be done
 * @param definedAt when it was defined
 */
public record MarketingTechniqueDefined(String technique, String name, Cadence cadence, Instant definedAt)
        implements FunnelEvent {

    /** @throws EventContractException if a field breaks the contract */
    public MarketingTechniqueDefined {
        Contract.require("technique", technique, Contract.TECHNIQUE);
        Contract.requireLength("name", name, 1, 80);
        Contract.require("cadence", cadence);
        Contract.require("definedAt", definedAt);
    }

    @Override
    public String partitionKey() {
        return technique;
    }

    @Override
    public Instant occurredAt() {
        return definedAt;
    }
}
