package dev.funnel.events;

import java.util.Objects;

/**
 * A consumed record that is no event of this contract. Consumers send it to their dead-letter topic with
 * {@link #reason()} and go on.
 *
 * @param eventType the catalog name of the event its {@code ce_type} names ({@code ProspectFound}), or
 *     {@value KafkaCloudEvents#UNKNOWN_TYPE} when the header is missing or names no event of the catalog
 * @param reason why it is refused, on one line
 */
public record RefusedRecord(String eventType, String reason) implements DecodedRecord {

    public RefusedRecord {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(reason, "reason");
    }
}
