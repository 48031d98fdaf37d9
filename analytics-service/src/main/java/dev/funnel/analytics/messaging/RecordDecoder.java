package dev.funnel.analytics.messaging;

import dev.funnel.analytics.projection.IncomingEvent;
import dev.funnel.events.CloudEventHeaders;
import dev.funnel.events.EventDecodingException;
import dev.funnel.events.EventJson;
import dev.funnel.events.EventType;
import dev.funnel.events.FunnelEvent;
import dev.funnel.events.MarketingActivityLogged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns raw records into contract events, one record at a time, so that one bad record never costs the rest of
 * its batch. Records are read as bytes on purpose: a deserializer failing inside the Kafka client would fail the
 * whole poll.
 *
 * <p>A record is unreadable when its payload is not a valid event of its {@code ce_type} (as
 * {@link EventJson#fromBytes(String, byte[])} judges it), and also when it breaks the parts of the contract that
 * live outside the payload: the event must be on its own topic, carry a UUID {@code ce_id} and be keyed by its
 * partition key. Times must have the four-digit years of RFC 3339, which is also what the database can store.
 */
public final class RecordDecoder {

    /** The event type counted for a record whose {@code ce_type} is missing or unknown. */
    public static final String UNKNOWN_TYPE = "unknown";

    private static final int MAX_SHOWN_LENGTH = 80;
    private static final Instant EARLIEST = LocalDate.of(1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LATEST = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private RecordDecoder() {
    }

    /** Decodes every record; the readable ones keep their order. */
    public static DecodedBatch decodeAll(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        List<IncomingEvent> events = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                events.add(decode(record));
            } catch (UnreadableRecordException e) {
                unreadable.add(new Unreadable(record, e.getMessage(), e.eventType));
            }
        }
        return new DecodedBatch(events, unreadable);
    }

    static IncomingEvent decode(ConsumerRecord<byte[], byte[]> record) {
        String ceType = header(record, CloudEventHeaders.TYPE);
        String typeName = EventType.fromCeType(ceType).map(EventType::eventName).orElse(UNKNOWN_TYPE);
        if (record.value() == null) {
            throw new UnreadableRecordException(typeName,
                    "null value (a tombstone): the topics of the contract carry events only");
        }
        if (ceType == null) {
            throw new UnreadableRecordException(typeName, "no " + CloudEventHeaders.TYPE + " header");
        }
        FunnelEvent event;
        try {
            event = EventJson.fromBytes(ceType, record.value());
        } catch (EventDecodingException e) {
            throw new UnreadableRecordException(typeName, e.getMessage());
        }
        EventType type = event.type();
        if (!type.topic().equals(record.topic())) {
            throw new UnreadableRecordException(typeName, type.eventName() + " belongs on " + type.topic()
                    + ", not on " + record.topic());
        }
        UUID eventId = eventId(record, typeName);
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!event.partitionKey().equals(key)) {
            throw new UnreadableRecordException(typeName, "the key must be the event's partition key '"
                    + event.partitionKey() + "' but was " + (key == null ? "absent" : quote(key)));
        }
        requireStorable(typeName, event);
        return new IncomingEvent(eventId, event);
    }

    private static UUID eventId(ConsumerRecord<byte[], byte[]> record, String typeName) {
        String ceId = header(record, CloudEventHeaders.ID);
        if (ceId == null) {
            throw new UnreadableRecordException(typeName, "no " + CloudEventHeaders.ID + " header");
        }
        try {
            UUID id = UUID.fromString(ceId);
            // UUID.fromString also takes shortened forms such as 1-2-3-4-5; the contract's ids are canonical.
            if (!id.toString().equalsIgnoreCase(ceId)) {
                throw new IllegalArgumentException(ceId);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecordException(typeName,
                    CloudEventHeaders.ID + " must be a UUID but was " + quote(ceId));
        }
    }

    private static void requireStorable(String typeName, FunnelEvent event) {
        Instant at = event.occurredAt();
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw new UnreadableRecordException(typeName, "time " + at + " is outside the years 0001 to 9999");
        }
        if (event instanceof MarketingActivityLogged activity) {
            int year = activity.performedOn().getYear();
            if (year < 1 || year > 9999) {
                throw new UnreadableRecordException(typeName,
                        "performedOn: " + activity.performedOn() + " is outside the years 0001 to 9999");
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        String shown = value.length() > MAX_SHOWN_LENGTH ? value.substring(0, MAX_SHOWN_LENGTH) + "..." : value;
        return "'" + shown + "'";
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

    private static final class UnreadableRecordException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient String eventType;

        UnreadableRecordException(String eventType, String reason) {
            super(reason, null, false, false);
            this.eventType = eventType;
        }
    }
}
