package dev.funnel.analytics.projection;

import dev.funnel.events.EventType;
import dev.funnel.events.FunnelEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * A contract event read from a topic, with its CloudEvents id ({@code ce_id}), the key of de-duplication.
 *
 * @param eventId the {@code ce_id}
 * @param event the decoded payload
 */
public record IncomingEvent(UUID eventId, FunnelEvent event) {

    public IncomingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
    }

    public EventType type() {
        return event.type();
    }
}
