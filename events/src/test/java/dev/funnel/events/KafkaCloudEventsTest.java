package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KafkaCloudEventsTest {

    private static final String SOURCE = "/funnel/prospect-service";
    private static final UUID ID = UUID.fromString("0b8f6a52-3c1d-4e2f-9a0b-1c2d3e4f5a6b");

    @ParameterizedTest
    @MethodSource("dev.funnel.events.EventSamples#named")
    void everyEventComesBackWithItsAttributes(FunnelEvent event) {
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(ID, SOURCE, event);

        assertThat(record.topic()).isEqualTo(event.type().topic());
        assertThat(record.key()).isEqualTo(event.partitionKey());
        assertThat(KafkaCloudEvents.decode(consumed(record)))
                .isEqualTo(new ReceivedEvent(ID, SOURCE, event.occurredAt(), event.partitionKey(), event));
    }

    @Test
    void aRecordCarriesEveryHeaderOfTheBindingOnce() {
        Headers headers = KafkaCloudEvents.toRecord(ID, SOURCE, EventSamples.PROSPECT_WON).headers();

        assertThat(text(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(text(headers, CloudEventHeaders.ID)).isEqualTo(ID.toString());
        assertThat(text(headers, CloudEventHeaders.SOURCE)).isEqualTo(SOURCE);
        assertThat(text(headers, CloudEventHeaders.TYPE)).isEqualTo("dev.funnel.ProspectWon.v1");
        assertThat(text(headers, CloudEventHeaders.TIME)).isEqualTo("2026-12-15T16:45:00Z");
        assertThat(text(headers, CloudEventHeaders.SUBJECT)).isEqualTo(EventSamples.PROSPECT_ID.toString());
        assertThat(text(headers, CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo(EventType.PROSPECT_WON.dataSchema().toString());
        assertThat(text(headers, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(headers.toArray()).hasSize(8);
    }

    @Test
    void aProducerThatServesItsSchemasSendsTheirLocationAsTheDataSchema() {
        URI location = EventType.PROSPECT_WON.dataSchema(URI.create("http://prospect-service:8082/schemas/"));
        ProspectWon event = EventSamples.PROSPECT_WON;

        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(ID, SOURCE, location, event.type(),
                event.occurredAt(), event.partitionKey(), EventJson.toBytes(event));

        assertThat(text(record.headers(), CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo("http://prospect-service:8082/schemas/ProspectWon.v1.json");
        assertThat(record.headers().toArray()).hasSize(8);
        assertThat(KafkaCloudEvents.decode(consumed(record)))
                .isEqualTo(new ReceivedEvent(ID, SOURCE, event.occurredAt(), event.partitionKey(), event));
    }

    @ParameterizedTest
    @MethodSource("dev.funnel.events.EventSamples#named")
    void theCloudEventsSdkReadsWhatTheCodecWrites(FunnelEvent event) {
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(ID, SOURCE, event);

        CloudEvent read = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();

        assertThat(read.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(read.getId()).isEqualTo(ID.toString());
        assertThat(read.getSource()).isEqualTo(URI.create(SOURCE));
        assertThat(read.getType()).isEqualTo(event.type().ceType());
        assertThat(read.getTime().toInstant()).isEqualTo(event.occurredAt());
        assertThat(read.getSubject()).isEqualTo(event.partitionKey());
        assertThat(read.getDataSchema()).isEqualTo(event.type().dataSchema());
        assertThat(read.getDataContentType()).isEqualTo("application/json");
        assertThat(read.getData().toBytes()).isEqualTo(EventJson.toBytes(event));
    }

    @ParameterizedTest
    @MethodSource("dev.funnel.events.EventSamples#named")
    void theCodecReadsWhatTheCloudEventsSdkWritesInBinaryMode(FunnelEvent event) {
        CloudEvent written = CloudEventBuilder.v1()
                .withId(ID.toString())
                .withSource(URI.create("/another-team/importer"))
                .withType(event.type().ceType())
                .withTime(OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .withSubject(event.partitionKey())
                .withDataSchema(event.type().dataSchema())
                .withDataContentType("application/json")
                .withData(EventJson.toBytes(event))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .createWriter(event.type().topic(), event.partitionKey()).writeBinary(written);

        assertThat(KafkaCloudEvents.decode(consumed(record)))
                .isEqualTo(new ReceivedEvent(ID, "/another-team/importer", event.occurredAt(), event.partitionKey(),
                        event));
    }

    @Test
    void aKeyReadAsBytesIsTheSameKey() {
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(ID, SOURCE, EventSamples.PROSPECT_LOST);
        ConsumerRecord<byte[], byte[]> asBytes = new ConsumerRecord<>(record.topic(), 0, 0L,
                ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE, 0, 0,
                record.key().getBytes(StandardCharsets.UTF_8), record.value(), record.headers(), Optional.empty());

        assertThat(KafkaCloudEvents.decode(asBytes)).isInstanceOf(ReceivedEvent.class);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("a tombstone", r -> r.value = null, "null value (a tombstone)"),
                refusal("no ce_specversion", r -> r.headers.remove(CloudEventHeaders.SPEC_VERSION),
                        "no ce_specversion header"),
                refusal("no ce_id", r -> r.headers.remove(CloudEventHeaders.ID), "no ce_id header"),
                refusal("no ce_source", r -> r.headers.remove(CloudEventHeaders.SOURCE), "no ce_source header"),
                refusal("no ce_time", r -> r.headers.remove(CloudEventHeaders.TIME), "no ce_time header"),
                refusal("no ce_subject", r -> r.headers.remove(CloudEventHeaders.SUBJECT), "no ce_subject header"),
                refusal("no ce_dataschema", r -> r.headers.remove(CloudEventHeaders.DATA_SCHEMA),
                        "no ce_dataschema header"),
                refusal("no content-type", r -> r.headers.remove(CloudEventHeaders.CONTENT_TYPE),
                        "no content-type header"),
                refusal("ce_id twice", r -> r.headers.add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString())),
                        "the ce_id header is given more than once"),
                refusal("spec version 0.3", r -> r.set(CloudEventHeaders.SPEC_VERSION, "0.3"),
                        "not a CloudEvent 1.0: ce_specversion is '0.3'"),
                refusal("a shortened UUID", r -> r.set(CloudEventHeaders.ID, "1-1-1-1-1"),
                        "ce_id must be a UUID (36 characters) but was '1-1-1-1-1'"),
                refusal("Base64 for an id", r -> r.set(CloudEventHeaders.ID, "EjRWeJASNFZ4kBI0VniQEg=="),
                        "ce_id must be a UUID (36 characters) but was 'EjRWeJASNFZ4kBI0VniQEg=='"),
                refusal("an unknown type", r -> r.set(CloudEventHeaders.TYPE, "dev.funnel.ProspectVanished.v1"),
                        "ce_type 'dev.funnel.ProspectVanished.v1' is no event of the catalog"),
                refusal("another topic", r -> r.topic = Topics.OBJECTIONS,
                        "ProspectWon belongs on funnel.prospects.v1, not on funnel.objections.v1"),
                refusal("text content", r -> r.set(CloudEventHeaders.CONTENT_TYPE, "text/plain"),
                        "content-type must be application/json but was 'text/plain'"),
                refusal("a time without seconds", r -> r.set(CloudEventHeaders.TIME, "2026-12-15T16:45Z"),
                        "ce_time must be an RFC 3339 timestamp but was '2026-12-15T16:45Z'"),
                refusal("an impossible time", r -> r.set(CloudEventHeaders.TIME, "2026-02-30T16:45:00Z"),
                        "ce_time must be an RFC 3339 timestamp"),
                refusal("another key", r -> r.key = UUID.randomUUID().toString(),
                        "the key must be the event's partition key"),
                refusal("no key", r -> r.key = null, "but was absent"),
                refusal("a subject that is not the key", r -> r.set(CloudEventHeaders.SUBJECT, "someone-else"),
                        "ce_subject must be the key"),
                refusal("a payload of another type", r -> r.value = EventJson.toBytes(EventSamples.PROSPECT_LOST),
                        "Cannot decode ProspectWon: "),
                refusal("a payload that is not JSON", r -> r.value = bytes("{"), "malformed JSON"),
                refusal("a time in the year 0", r -> r.value = bytes("{\"prospectId\":\"" + EventSamples.PROSPECT_ID
                        + "\",\"valueMinor\":1,\"currency\":\"EUR\",\"wonAt\":\"0000-06-01T00:00:00Z\"}"),
                        "is outside the years 0001 to 9999"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRecordThatBreaksTheContractIsRefusedNamingWhy(String what, Consumer<Mutable> change, String reason) {
        Mutable record = new Mutable(KafkaCloudEvents.toRecord(ID, SOURCE, EventSamples.PROSPECT_WON));
        change.accept(record);

        DecodedRecord decoded = KafkaCloudEvents.decode(record.topic, record.key, record.headers, record.value);

        assertThat(decoded).isInstanceOf(RefusedRecord.class);
        assertThat(((RefusedRecord) decoded).reason()).contains(reason);
    }

    @Test
    void aRefusalNamesTheEventTypeWhenItIsKnown() {
        Mutable known = new Mutable(KafkaCloudEvents.toRecord(ID, SOURCE, EventSamples.PROSPECT_WON));
        known.set(CloudEventHeaders.ID, "not-a-uuid");
        Mutable unknown = new Mutable(KafkaCloudEvents.toRecord(ID, SOURCE, EventSamples.PROSPECT_WON));
        unknown.headers.remove(CloudEventHeaders.TYPE);

        assertThat(KafkaCloudEvents.decode(known.topic, known.key, known.headers, known.value))
                .extracting(r -> ((RefusedRecord) r).eventType()).isEqualTo("ProspectWon");
        assertThat(KafkaCloudEvents.decode(unknown.topic, unknown.key, unknown.headers, unknown.value))
                .extracting(r -> ((RefusedRecord) r).eventType()).isEqualTo(KafkaCloudEvents.UNKNOWN_TYPE);
    }

    @Test
    void aTimeWithoutAnRfc3339FormIsNotWritten() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KafkaCloudEvents.toRecord(ID, SOURCE,
                EventType.PROSPECT_WON, Instant.parse("+10000-01-01T00:00:00Z"), "key", new byte[0]))
                .isInstanceOf(EventContractException.class)
                .hasMessageContaining("time: +10000-01-01T00:00:00Z has no RFC 3339 form");
    }

    private static Arguments refusal(String what, Consumer<Mutable> change, String reason) {
        return Arguments.of(what, change, reason);
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), 0, 0L, ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE, 0, 0, record.key(), record.value(), record.headers(),
                Optional.empty());
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A record to break one part of at a time. */
    static final class Mutable {

        String topic;
        String key;
        byte[] value;
        final Headers headers;

        Mutable(ProducerRecord<String, byte[]> record) {
            topic = record.topic();
            key = record.key();
            value = record.value();
            headers = new RecordHeaders(record.headers().toArray());
        }

        void set(String name, String text) {
            headers.remove(name);
            headers.add(name, bytes(text));
        }
    }
}
