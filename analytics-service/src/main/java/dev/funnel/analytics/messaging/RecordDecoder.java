package dev.funnel.analytics.messaging;

import dev.funnel.analytics.projection.IncomingEvent;
import dev.funnel.events.DecodedRecord;
import dev.funnel.events.KafkaCloudEvents;
import dev.funnel.events.ReceivedEvent;
import dev.funnel.events.RefusedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns raw records into contract events, one record at a time, so that one bad record never costs the rest of
 * its batch. Records are read as bytes on purpose: a deserializer failing inside the Kafka client would fail the
 * whole poll. What a valid record is, {@link KafkaCloudEvents} says, for every consumer of the platform alike.
 */
public final class RecordDecoder {

    /** The event type counted for a record whose {@code ce_type} is missing or unknown. */
    public static final String UNKNOWN_TYPE = KafkaCloudEvents.UNKNOWN_TYPE;

    private RecordDecoder() {
    }

    /** Decodes every record; the readable ones keep their order. */
    public static DecodedBatch decodeAll(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        List<IncomingEvent> events = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            DecodedRecord decoded = KafkaCloudEvents.decode(record);
            if (decoded instanceof ReceivedEvent received) {
                events.add(new IncomingEvent(received.id(), received.event()));
            } else if (decoded instanceof RefusedRecord refused) {
                unreadable.add(new Unreadable(record, refused.reason(), refused.eventType()));
            }
        }
        return new DecodedBatch(events, unreadable);
    }

    /**
     * The outcome of decoding a batch.
     *
     * @param events the readable events, in the order read
     * @param unreadable the records that go to a dead-letter topic
     */
    public record DecodedBatch(List<IncomingEvent> events, List<Unreadable> unreadable) {

        /** How many unreadable records there are per event type name ({@value #UNKNOWN_TYPE} included). */
        public Map<String, Long> unreadableByType() {
            Map<String, Long> counts = new TreeMap<>();
            unreadable.forEach(u -> counts.merge(u.eventType(), 1L, Long::sum));
            return counts;
        }
    }

    /**
     * A record that is not a valid contract event.
     *
     * @param record the record as read
     * @param reason why, on one line
     * @param eventType the event type name from {@code ce_type}, or {@value #UNKNOWN_TYPE}
     */
    public record Unreadable(ConsumerRecord<byte[], byte[]> record, String reason, String eventType) {
    }
}
