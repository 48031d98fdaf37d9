package dev.funnel.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting in (or claimed from) the outbox table: everything the relay needs to send it.
 *
 * @param traceContext the trace context of the transaction that wrote it, {@link TraceContext#NONE} without one
 */
record OutboxRow(
        long id,
        UUID eventId,
        String topic,
        String key,
        String eventType,
        String source,
        String dataSchema,
        String payload,
        Instant occurredAt,
        TraceContext traceContext) {
}
