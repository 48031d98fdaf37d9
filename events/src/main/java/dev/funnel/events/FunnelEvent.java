package dev.funnel.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One event of the funnel contract: the value of a record on one of the {@link Topics}.
 *
 * <p>The set of events is closed: {@link EventType} lists every one, so a {@code switch} over {@link #type()} can
 * cover them all. Records check the contract when they are built and throw {@link EventContractException} if it is
 * broken, so any instance is valid. Only the record components are part of the JSON payload; the methods below are
 * derived from them.
 */
public sealed interface FunnelEvent permits MarketingTechniqueDefined, MarketingActivityLogged, ProspectFound,
        ProspectContacted, ProspectWon, ProspectLost, ObjectionRaised, ObjectionResolved, SalesQuotaSet {

    /** @return the type of this event, which gives its topic and CloudEvents type */
    @JsonIgnore
    default EventType type() {
        return EventType.of(getClass());
    }

    /**
     * @return the Kafka record key and CloudEvents subject: the technique slug for marketing events, the owner for
     *     quotas, the prospect id for all others
     */
    @JsonIgnore
    String partitionKey();

    /** @return when the event happened (its {@code ...At} field), the CloudEvents {@code time} */
    @JsonIgnore
    Instant occurredAt();
}
