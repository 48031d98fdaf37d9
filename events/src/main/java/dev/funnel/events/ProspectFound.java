package dev.funnel.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A new prospect entered the funnel, brought by marketing or hunted by sales.
 *
 * <p>Topic {@link Topics#PROSPECTS}, key = prospect id. Carries no contact details: those stay in the prospect
 * service.
 *
 * @param prospectId the prospect's id
 * @param source where the prospect came from
 * @param technique the slug of the marketing technique that brought the prospect: present if and only if
 *     {@code source} is {@link ProspectSource#MARKETING}, {@code null} (absent from the JSON) for
 *     {@link ProspectSource#SALES}
 * @param owner the seller who owns the prospect: {@code [a-z0-9._-]{1,40}}
 * @param estimatedValueMinor the expected deal value in minor units of {@code currency}, 0 or more
 * @param currency ISO 4217 code of {@code estimatedValueMinor}: {@code [A-Z]{3}}
 * @param foundAt when the prospect was found
 */
public record ProspectFound(
        UUID prospectId,
        ProspectSource source,
        String technique,
        String owner,
        // Required so a missing number is refused rather than read as 0, by whatever ObjectMapper reads it.
        @JsonProperty(required = true) long estimatedValueMinor,
        String currency,
        Instant foundAt) implements FunnelEvent {

    /** @throws EventContractException if a field breaks the contract */
    public ProspectFound {
        Contract.require("prospectId", prospectId);
        Contract.require("source", source);
        if (source == ProspectSource.MARKETING) {
            Contract.require("technique", technique, Contract.TECHNIQUE);
        } else {
            Contract.requireAbsent("technique", technique, "when source is " + source);
        }
        Contract.require("owner", owner, Contract.OWNER);
        Contract.requireAtLeast("estimatedValueMinor", estimatedValueMinor, 0);
        Contract.require("currency", currency, Contract.CURRENCY);
        Contract.require("foundAt", foundAt);
    }

    @Override
    public String partitionKey() {
        return prospectId.toString();
    }

    @Override
    public Instant occurredAt() {
        return foundAt;
    }
}
