package dev.funnel.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka value serializer for contract events: writes the JSON payload with {@link EventJson}.
 *
 * <p>When given the record's headers without a {@code ce_type}, it adds {@code ce_type}, {@code ce_dataschema} and
 * {@code content-type} ({@link KafkaCloudEvents} writes them),
 * so a record written with this serializer alone can be read by {@link EventDeserializer}, and refuses an existing
 * {@code ce_type} that does not match the event. The other CloudEvents headers (id, source, time, ...) belong to
 * whoever sends the record, typically the outbox relay.
 *
 * <p>A {@code null} event is refused: these topics carry events only, no tombstones.
 */
public final class EventSerializer implements Serializer<FunnelEvent> {

    /**
     * Writes the payload without headers; the caller must set {@code ce_type} itself.
     *
     * @throws EventContractException if {@code event} is {@code null}
     */
    @Override
    public byte[] serialize(String topic, FunnelEvent event) {
        return EventJson.toBytes(Contract.require("event", event));
    }

    /**
     * @throws EventContractException if {@code event} is {@code null} or the {@code ce_type} header names another
     *     event type
     */
    @Override
    public byte[] serialize(String topic, Headers headers, FunnelEvent event) {
        Contract.require("event", event);
        String ceType = event.type().ceType();
        Header existing = headers.lastHeader(CloudEventHeaders.TYPE);
        if (existing == null) {
            KafkaCloudEvents.addTypeHeaders(headers, event.type());
        } else if (existing.value() == null
                || !ceType.equals(new String(existing.value(), StandardCharsets.UTF_8))) {
            throw new EventContractException(CloudEventHeaders.TYPE, CloudEventHeaders.TYPE
                    + ": header does not match the event, which is a " + ceType);
        }
        return EventJson.toBytes(event);
    }
}
