package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.funnel.events.CloudEventHeaders;
import dev.funnel.events.EventJson;
import dev.funnel.events.EventType;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventContractTest {

    private static final String LOCATION = "http://prospect-service:8082/schemas/ProspectFound.v1.json";

    private final UUID prospect = UUID.randomUUID();
    private final byte[] payload = EventJson.toBytes(new ProspectFound(prospect, ProspectSource.SALES, null, "sam",
            0, "EUR", Instant.parse("2026-11-02T09:00:00Z")));

    @Test
    void aRecordAsTheOutboxWritesItConforms() {
        assertThatCode(() -> EventContract.assertConforms(record(prospect.toString(), payload, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingHeaderIsNamed() {
        assertThatThrownBy(() -> EventContract.assertConforms(record(prospect.toString(), payload,
                CloudEventHeaders.TIME))).hasMessageContaining("no ce_time header");
    }

    @Test
    void aSubjectThatIsNotTheKeyIsRefused() {
        ConsumerRecord<String, byte[]> record = record(prospect.toString(), payload, CloudEventHeaders.SUBJECT);
        record.headers().add(CloudEventHeaders.SUBJECT, "another-key".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EventContract.assertConforms(record))
                .hasMessageContaining("ce_subject must be the key '" + prospect + "' but was 'another-key'");
    }

    @Test
    void aPayloadBreakingTheSchemaIsRefusedWithTheViolation() {
        byte[] withoutOwner = new String(payload, StandardCharsets.UTF_8).replace("\"owner\":\"sam\",", "")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventContract.assertConforms(record(prospect.toString(), withoutOwner, null)))
                .hasMessageContaining("payload breaks schemas/ProspectFound.v1.json")
                .hasMessageContaining("owner");
    }

    @Test
    void theDataSchemaNamesWhereTheProducerServesTheSchemaAndItsPathIsWhatATestFetches() {
        ConsumerRecord<String, byte[]> record = record(prospect.toString(), payload, null);

        EventContract.assertConforms(record);
        assertThat(EventContract.dataSchemaPath(record)).isEqualTo("/schemas/ProspectFound.v1.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/schemas/ProspectFound.v1.json", "urn:funnel:ProspectFound.v1",
        "http://prospect-service:8082/schemas/ProspectWon.v1.json",
        "ftp://prospect-service/schemas/ProspectFound.v1.json", "not a uri"})
    void aDataSchemaThatIsNoHttpLocationOfTheTypesSchemaIsRefused(String dataSchema) {
        ConsumerRecord<String, byte[]> record = record(prospect.toString(), payload, CloudEventHeaders.DATA_SCHEMA);
        record.headers().add(CloudEventHeaders.DATA_SCHEMA, dataSchema.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EventContract.assertConforms(record)).hasMessageContaining("ce_dataschema");
        assertThatThrownBy(() -> EventContract.dataSchemaPath(record)).hasMessageContaining("ce_dataschema");
    }

    private ConsumerRecord<String, byte[]> record(String key, byte[] value, String leaveOut) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.PROSPECTS, 0, 0L, key, value);
        EventType type = EventType.fromCeType("dev.funnel.ProspectFound.v1").orElseThrow();
        header(record, leaveOut, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, leaveOut, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, leaveOut, CloudEventHeaders.SOURCE, "/prospect-service");
        header(record, leaveOut, CloudEventHeaders.TYPE, type.ceType());
        header(record, leaveOut, CloudEventHeaders.TIME, "2026-11-02T09:00:00Z");
        header(record, leaveOut, CloudEventHeaders.SUBJECT, prospect.toString());
        header(record, leaveOut, CloudEventHeaders.DATA_SCHEMA, LOCATION);
        header(record, leaveOut, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    private static void header(ConsumerRecord<String, byte[]> record, String leaveOut, String name, String value) {
        if (!name.equals(leaveOut)) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
