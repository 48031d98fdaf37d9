package dev.funnel.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for contract events: picks the event record from the {@code ce_type} header and reads
 * the JSON payload with {@link EventJson}.
 *
 * <p>Every failure is an {@link EventDecodingException}: no {@code ce_type} header, an unknown one, a {@code null}
 * value (these topics carry events only, no tombstones) or an invalid payload. A plain {@code KafkaConsumer}
 * reports it from {@code poll()} as a {@code RecordDeserializationException} carrying the partition, offset and the
 * original record, so the consumer can send that record to the dead-letter topic and seek past it.
 */
public final class EventDeserializer implements Deserializer<FunnelEvent> {

    /**
     * Always fails: without headers the event type is unknown.
     *
     * @throws EventDecodingException always
     */
    @Override
    public FunnelEvent deserialize(String topic, byte[] data) {
        throw new EventDecodingException("Cannot decode event from " + topic + ": no " + CloudEventHeaders.TYPE
                + " header; this deserializer needs the record headers", null);
    }

    /** @throws EventDecodingException if the record is not a valid contract event */
    @Override
    public FunnelEvent deserialize(String topic, Headers headers, byte[] data) {
        Header type = headers == null ? null : headers.lastHeader(CloudEventHeaders.TYPE);
        if (type == null || type.value() == null) {
            return deserialize(topic, data);
        }
        if (data == null) {
            throw new EventDecodingException("Cannot decode event from " + topic + ": null value (tombstone)", null);
        }
        return EventJson.fromBytes(new String(type.value(), StandardCharsets.UTF_8), data);
    }
}
