package dev.funnel.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A prospect became a customer.
 *
 * <p>Topic {@link Topics#PROSPECTS}, key = prospect id.
 *
 * @param prospectId the prospect's id
 * @param valueMinor the deal's value in minor units of {@code currency}, more than 0
 * @param currency ISO 4217 code of {@code valueMinor}: {@code [A-Z]{3}}
 * @param wonAt when the deal was won
 */
public record ProspectWon(
        UUID prospectId,
        // Required so a missing number is refused rather than read as 0, by whatever ObjectMapper reads it.
        @JsonProperty(required = true) long valueMinor,
        String currency,
        Instant wonAt) implements FunnelEvent {

    /** @throws EventContractException if a field breaks the contract */
    public ProspectWon {
        Contract.require("prospectId", prospectId);
        Contract.requireAtLeast("valueMinor", valueMinor, 1);
        Contract.require("currency", currency, Contract.CURRENCY);
        Contract.require("wonAt", wonAt);
    }

    @Override
    public String partitionKey() {
        return prospectId.toString();
    }

    @Override
    public Instant occurredAt() {
        return wonAt;
    }
}
