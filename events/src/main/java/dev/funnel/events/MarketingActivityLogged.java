package dev.funnel.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Someone did a marketing technique on a day and logged the effort.
 *
 * <p>Topic {@link Topics#MARKETING_ACTIVITIES}, key = technique slug.
 *
 * @param activityId the activity's id
 * @param technique the technique's slug: {@code [a-z0-9-]{2,40}}
 * @param performedOn the day the work was done, which may be before the day it was logged
 * @param minutesSpent time spent, 0 to 1440 minutes
 * @param costMinor money spent in minor units of {@code currency} (cents), 0 or more
 * @param currency ISO 4217 code of {@code costMinor}: {@code [A-Z]{3}}
 * @param loggedAt when the activity was logged
 */
public record MarketingActivityLogged(
        UUID activityId,
        String technique,
        LocalDate performedOn,
        // Required so a missing number is refused rather than read as 0, by whatever ObjectMapper reads it.
        @JsonProperty(required = true) int minutesSpent,
        @JsonProperty(required = true) long costMinor,
        String currency,
        Instant loggedAt) implements FunnelEvent {

    /** @throws EventContractException if a field breaks the contract */
    public MarketingActivityLogged {
        Contract.require("activityId", activityId);
        Contract.require("technique", technique, Contract.TECHNIQUE);
        Contract.require("performedOn", performedOn);
        Contract.requireBetween("minutesSpent", minutesSpent, 0, 1440);
        Contract.requireAtLeast("costMinor", costMinor, 0);
        Contract.require("currency", currency, Contract.CURRENCY);
        Contract.require("loggedAt", loggedAt);
    }

    @Override
    public String partitionKey() {
        return technique;
    }

    @Override
    public Instant occurredAt() {
        return loggedAt;
    }
}
