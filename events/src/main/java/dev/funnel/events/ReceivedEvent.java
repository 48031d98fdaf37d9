package dev.funnel.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A contract event as it arrived: its CloudEvents attributes from the record's headers and its payload.
 *
 * @param id the {@code ce_id}, the key consumers de-duplicate on
 * @param source the {@code ce_source}, the producing service
 * @param time the {@code ce_time}
 * @param subject the {@code ce_subject}, equal to the record key and the event's partition key
 * @param event the payload
 */
public record ReceivedEvent(UUID id, String source, Instant time, String subject, FunnelEvent event)
        implements DecodedRecord {

    public ReceivedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(event, "event");
    }

    /** @return the event's type, which its {@code ce_type} named */
    public EventType type() {
        return event.type();
    }
}
