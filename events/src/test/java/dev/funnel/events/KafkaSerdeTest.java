package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** EventSerializer and EventDeserializer as a Kafka producer and consumer call them. */
class KafkaSerdeTest {

    private final Serializer<FunnelEvent> serializer = new EventSerializer();
    private final Deserializer<FunnelEvent> deserializer = new EventDeserializer();

    static Stream<?> samples() {
        return EventSamples.named();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventRoundTripsThroughRecordHeadersWithACeTypeHeader(FunnelEvent event) {
        Headers headers = new RecordHeaders();

        byte[] value = serializer.serialize(event.type().topic(), headers, event);

        assertThat(text(headers, CloudEventHeaders.TYPE)).isEqualTo(event.type().ceType());
        assertThat(text(headers, CloudEventHeaders.CONTENT_TYPE)).isEqualTo(CloudEventHeaders.APPLICATION_JSON);
        assertThat(deserializer.deserialize(event.type().topic(), headers, value)).isEqualTo(event);
    }

    @Test
    void headersSetByTheSenderAreKeptNotDuplicated() {
        Headers headers = new RecordHeaders()
                .add(CloudEventHeaders.TYPE, bytes(CloudEventTypes.PROSPECT_WON))
                .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.APPLICATION_JSON));

        serializer.serialize(Topics.PROSPECTS, headers, EventSamples.PROSPECT_WON);

        assertThat(headers.headers(CloudEventHeaders.TYPE)).hasSize(1);
        assertThat(headers.headers(CloudEventHeaders.CONTENT_TYPE)).hasSize(1);
    }

    @Test
    void serializerRefusesACeTypeHeaderOfAnotherEvent() {
        Headers headers = new RecordHeaders().add(CloudEventHeaders.TYPE, bytes(CloudEventTypes.PROSPECT_LOST));

        assertThatThrownBy(() -> serializer.serialize(Topics.PROSPECTS, headers, EventSamples.PROSPECT_WON))
                .isInstanceOfSatisfying(EventContractException.class,
                        e -> assertThat(e.field()).isEqualTo(CloudEventHeaders.TYPE));
    }

    @Test
    void serializerWithoutHeadersWritesTheSamePayloadAsEventJson() {
        assertThat(serializer.serialize(Topics.PROSPECTS, EventSamples.PROSPECT_LOST))
                .isEqualTo(EventJson.toBytes(EventSamples.PROSPECT_LOST));
    }

    @Test
    void nullEventIsRefusedRatherThanSentAsATombstone() {
        assertThatThrownBy(() -> serializer.serialize(Topics.PROSPECTS, new RecordHeaders(), null))
                .isInstanceOf(EventContractException.class);
    }

    @Test
    void recordWithoutCeTypeHeaderIsRejected() {
        byte[] value = EventJson.toBytes(EventSamples.PROSPECT_WON);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.PROSPECTS, new RecordHeaders(), value))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(CloudEventHeaders.TYPE);
    }

    @Test
    void recordReadWithoutHeadersIsRejected() {
        byte[] value = EventJson.toBytes(EventSamples.PROSPECT_WON);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.PROSPECTS, value))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(CloudEventHeaders.TYPE);
    }

    @Test
    void recordWithUnknownCeTypeIsRejected() {
        Headers headers = new RecordHeaders().add(CloudEventHeaders.TYPE, bytes("com.example.SomethingElse.v1"));
        byte[] value = EventJson.toBytes(EventSamples.PROSPECT_WON);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.PROSPECTS, headers, value))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("com.example.SomethingElse.v1");
    }

    @Test
    void tombstoneIsRejected() {
        Headers headers = new RecordHeaders().add(CloudEventHeaders.TYPE, bytes(CloudEventTypes.PROSPECT_WON));

        assertThatThrownBy(() -> deserializer.deserialize(Topics.PROSPECTS, headers, (byte[]) null))
                .isInstanceOf(EventDecodingException.class);
    }

    @Test
    void lastCeTypeHeaderWinsAsKafkaHeadersLookupDoes() {
        Headers headers = new RecordHeaders()
                .add(CloudEventHeaders.TYPE, bytes(CloudEventTypes.PROSPECT_LOST))
                .add(CloudEventHeaders.TYPE, bytes(CloudEventTypes.PROSPECT_WON));

        assertThat(deserializer.deserialize(Topics.PROSPECTS, headers, EventJson.toBytes(EventSamples.PROSPECT_WON)))
                .isEqualTo(EventSamples.PROSPECT_WON);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
