package dev.funnel.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The one place that knows how a contract event travels on Kafka: a CloudEvent 1.0 in binary content mode, as the
 * CloudEvents Kafka protocol binding maps it (attributes in {@code ce_*} headers, the JSON payload as the value, the
 * subject as the key).
 *
 * <p>{@link #toRecord} writes every header of {@link CloudEventHeaders}. {@link #decode} reads a record back into
 * the event with its attributes, or refuses it naming the reason, by one set of checks: the headers are there once
 * each, {@code ce_specversion} is {@code 1.0}, {@code ce_id} a UUID in its canonical 36-character form,
 * {@code ce_type} an event of the catalog on its own topic, {@code content-type} {@code application/json},
 * {@code ce_time} an RFC 3339 timestamp, {@code ce_subject} and the key both the event's partition key, the value a
 * valid payload of that type ({@link EventJson}), and every time of it within the years 0001 to 9999 that RFC 3339
 * and the consumers' databases can hold. {@code ce_source} and {@code ce_dataschema} must be present; their values
 * are not compared, so that a producer may move or rename either without its older records being refused on a
 * replay.
 *
 * <p>Why not the CloudEvents Java SDK ({@code io.cloudevents:cloudevents-kafka}): the mapping is these eight
 * headers, while the SDK would add two libraries to every consumer of this jar and still leave every check above to
 * the caller (its reader accepts any spec version it knows, shortened UUIDs and a subject that is not the key). The
 * tests of this module hold the mapping against the SDK: what {@link #toRecord} writes, the SDK reads as the same
 * CloudEvent, and what the SDK writes in binary mode, {@link #decode} accepts.
 *
 * <p>Thread-safe; all methods are static.
 */
public final class KafkaCloudEvents {

    /** The event type named in a refusal when {@code ce_type} is missing or names no event of the catalog. */
    public static final String UNKNOWN_TYPE = "unknown";

    private static final List<String> REQUIRED_HEADERS = List.of(CloudEventHeaders.SPEC_VERSION,
            CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME,
            CloudEventHeaders.SUBJECT, CloudEventHeaders.DATA_SCHEMA, CloudEventHeaders.CONTENT_TYPE);
    /** RFC 3339's date-time: four-digit years and seconds always, an offset always. */
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Instant EARLIEST = LocalDate.of(1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LATEST = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** Long enough to recognise a bad header in a dead-letter reason, short enough to keep it one line. */
    private static final int MAX_SHOWN_LENGTH = 80;

    private KafkaCloudEvents() {
    }

    /**
     * @param id the event id ({@code ce_id})
     * @param source the producing service ({@code ce_source}), a URI reference such as {@code /funnel/prospect-service}
     * @param event the event
     * @return the record for the event's topic, keyed by its partition key, with every CloudEvents header
     */
    public static ProducerRecord<String, byte[]> toRecord(UUID id, String source, FunnelEvent event) {
        Contract.require("event", event);
        return toRecord(id, source, event.type(), event.occurredAt(), event.partitionKey(), EventJson.toBytes(event));
    }

    /**
     * For a payload written earlier, as the outbox keeps it.
     *
     * @param id the event id ({@code ce_id})
     * @param source the producing service ({@code ce_source})
     * @param type the event's type, which gives the topic, {@code ce_type} and {@code ce_dataschema}
     * @param time when the event occurred ({@code ce_time})
     * @param subject the event's partition key: the record key and {@code ce_subject}
     * @param json the payload, as {@link EventJson} wrote it
     * @return the record, with every CloudEvents header
     * @throws EventContractException if an attribute is missing or the time has no RFC 3339 form
     */
    public static ProducerRecord<String, byte[]> toRecord(UUID id, String source, EventType type, Instant time,
            String subject, byte[] json) {
        Contract.require("type", type);
        return toRecord(id, source, type.dataSchema(), type, time, subject, json);
    }

    /**
     * For a payload written earlier, by a producer that serves its schemas ({@link EventType#dataSchema(URI)}).
     *
     * @param id the event id ({@code ce_id})
     * @param source the producing service ({@code ce_source})
     * @param dataSchema where the payload's schema is found ({@code ce_dataschema}), an absolute URI
     * @param type the event's type, which gives the topic and {@code ce_type}
     * @param time when the event occurred ({@code ce_time})
     * @param subject the event's partition key: the record key and {@code ce_subject}
     * @param json the payload, as {@link EventJson} wrote it
     * @return the record, with every CloudEvents header
     * @throws EventContractException if an attribute is missing or the time has no RFC 3339 form
     */
    public static ProducerRecord<String, byte[]> toRecord(UUID id, String source, URI dataSchema, EventType type,
            Instant time, String subject, byte[] json) {
        Contract.require("id", id);
        Contract.require("dataSchema", dataSchema);
        Contract.require("source", source);
        Contract.require("type", type);
        Contract.require("subject", subject);
        Contract.require("json", json);
        if (Contract.require("time", time).isBefore(EARLIEST) || !time.isBefore(AFTER_LATEST)) {
            throw new EventContractException("time", "time: " + time + " has no RFC 3339 form (years 0001 to 9999)");
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), subject, json);
        Headers headers = record.headers();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.ID, id.toString());
        add(headers, CloudEventHeaders.SOURCE, source);
        add(headers, CloudEventHeaders.TYPE, type.ceType());
        add(headers, CloudEventHeaders.DATA_SCHEMA, dataSchema.toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        add(headers, CloudEventHeaders.TIME, time.toString());
        add(headers, CloudEventHeaders.SUBJECT, subject);
        return record;
    }

    /**
     * @param record a record as consumed, its key as bytes or as a string
     * @return the event with its attributes, or why the record is none
     */
    public static DecodedRecord decode(ConsumerRecord<?, byte[]> record) {
        Object key = record.key();
        String text = key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : key == null ? null : key.toString();
        return decode(record.topic(), text, record.headers(), record.value());
    }

    /**
     * @param topic the topic the record was read from
     * @param key the record key, null when it had none
     * @param headers the record's headers
     * @param value the record's value, null for a tombstone
     * @return the event with its attributes, or why the record is none
     */
    public static DecodedRecord decode(String topic, String key, Headers headers, byte[] value) {
        AttributeHeaders attributes = AttributeHeaders.of(headers);
        String typeName = EventType.fromCeType(attributes.value(CloudEventHeaders.TYPE)).map(EventType::eventName)
                .orElse(UNKNOWN_TYPE);
        try {
            return read(topic, key, attributes, value);
        } catch (Refusal refusal) {
            return new RefusedRecord(typeName, refusal.getMessage());
        }
    }

    private static ReceivedEvent read(String topic, String key, AttributeHeaders headers, byte[] value) {
        if (value == null) {
            throw new Refusal("null value (a tombstone): the topics of the contract carry events only");
        }
        for (int i = 0; i < REQUIRED_HEADERS.size(); i++) {
            if (headers.count(i) > 1) {
                throw new Refusal("the " + REQUIRED_HEADERS.get(i) + " header is given more than once");
            }
            if (headers.value(i) == null) {
                throw new Refusal("no " + REQUIRED_HEADERS.get(i) + " header");
            }
        }
        String specVersion = headers.value(CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new Refusal("not a CloudEvent 1.0: " + CloudEventHeaders.SPEC_VERSION + " is " + shown(specVersion));
        }
        UUID id = canonicalUuid(headers.value(CloudEventHeaders.ID));
        String ceType = headers.value(CloudEventHeaders.TYPE);
        EventType type = EventType.fromCeType(ceType).orElseThrow(() -> new Refusal(CloudEventHeaders.TYPE + " "
                + shown(ceType) + " is no event of the catalog"));
        if (!type.topic().equals(topic)) {
            throw new Refusal(type.eventName() + " belongs on " + type.topic() + ", not on " + topic);
        }
        String contentType = headers.value(CloudEventHeaders.CONTENT_TYPE);
        if (!CloudEventHeaders.APPLICATION_JSON.equals(contentType)) {
            throw new Refusal(CloudEventHeaders.CONTENT_TYPE + " must be " + CloudEventHeaders.APPLICATION_JSON
                    + " but was " + shown(contentType));
        }
        Instant time = time(headers.value(CloudEventHeaders.TIME));
        FunnelEvent event;
        try {
            event = EventJson.fromBytes(value, type.recordClass());
        } catch (EventDecodingException e) {
            throw new Refusal(e.getMessage());
        }
        String subject = headers.value(CloudEventHeaders.SUBJECT);
        // The key keeps one technique's or one prospect's events in one partition, in order; a record under another
        // key may overtake or trail them.
        if (!event.partitionKey().equals(key)) {
            throw new Refusal("the key must be the event's partition key '" + event.partitionKey() + "' but was "
                    + (key == null ? "absent" : shown(key)));
        }
        if (!subject.equals(key)) {
            throw new Refusal(CloudEventHeaders.SUBJECT + " must be the key '" + key + "' but was " + shown(subject));
        }
        requireStorable(event);
        return new ReceivedEvent(id, headers.value(CloudEventHeaders.SOURCE), time, subject, event);
    }

    /** Writes the two headers a record of this type carries whoever sends it; {@link EventSerializer} uses it. */
    static void addTypeHeaders(Headers headers, EventType type) {
        add(headers, CloudEventHeaders.TYPE, type.ceType());
        add(headers, CloudEventHeaders.DATA_SCHEMA, type.dataSchema().toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
    }

    private static UUID canonicalUuid(String text) {
        return CanonicalUuid.parse(text).orElseThrow(() -> new Refusal(CloudEventHeaders.ID
                + " must be a UUID (36 characters) but was " + shown(text)));
    }

    private static Instant time(String text) {
        Instant asProducersWriteIt = UtcTimestamp.parseOrNull(text);
        if (asProducersWriteIt != null) {
            return asProducersWriteIt;
        }
        if (RFC_3339.matcher(text).matches()) {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeException e) {
                // an impossible day or hour: refused below
            }
        }
        throw new Refusal(CloudEventHeaders.TIME + " must be an RFC 3339 timestamp but was " + shown(text));
    }

    private static void requireStorable(FunnelEvent event) {
        Instant at = event.occurredAt();
        if (at.isBefore(EARLIEST) || !at.isBefore(AFTER_LATEST)) {
            throw new Refusal("time " + at + " is outside the years 0001 to 9999");
        }
        if (event instanceof MarketingActivityLogged activity) {
            int year = activity.performedOn().getYear();
            if (year < 1 || year > 9999) {
                throw new Refusal("performedOn: " + activity.performedOn() + " is outside the years 0001 to 9999");
            }
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(new RecordHeader(name, Objects.requireNonNull(value, name).getBytes(StandardCharsets.UTF_8)));
    }

    private static String shown(String value) {
        if (value == null) {
            return "missing";
        }
        String cut = value.length() > MAX_SHOWN_LENGTH ? value.substring(0, MAX_SHOWN_LENGTH) + "..." : value;
        return "'" + cut + "'";
    }

    /**
     * The last value and the number of occurrences of each header of {@link #REQUIRED_HEADERS}, from one pass over a
     * record's headers: asking {@link Headers} by name scans them all again for every name.
     */
    private static final class AttributeHeaders {

        private final byte[][] values = new byte[REQUIRED_HEADERS.size()][];
        private final int[] counts = new int[REQUIRED_HEADERS.size()];

        static AttributeHeaders of(Headers headers) {
            AttributeHeaders attributes = new AttributeHeaders();
            if (headers != null) {
                for (Header header : headers) {
                    int index = REQUIRED_HEADERS.indexOf(header.key());
                    if (index >= 0) {
                        attributes.values[index] = header.value();
                        attributes.counts[index]++;
                    }
                }
            }
            return attributes;
        }

        int count(int index) {
            return counts[index];
        }

        /** The last header's value as text, or null when there is none or it has no value. */
        String value(int index) {
            byte[] value = values[index];
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        String value(String name) {
            return value(REQUIRED_HEADERS.indexOf(name));
        }
    }

    /** Ends the checks of one record; never leaves this class. */
    private static final class Refusal extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }
}
