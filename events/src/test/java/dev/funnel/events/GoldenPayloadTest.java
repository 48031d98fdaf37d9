package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Payloads as released producers wrote them ({@code golden/<EventName>/*.json}), some with fields a later producer
 * may add, keep being read by the current records through the consumers' real path ({@link KafkaCloudEvents} and
 * {@link EventDeserializer}) and keep validating against the released schema. Unknown fields are ignored, as
 * DESIGN.md asks of every consumer.
 */
class GoldenPayloadTest {

    private static final String SOURCE = "/funnel/an-older-producer";
    private static final String MANY_SCHEMA_URLS = "https://schemas.example.org/anything/at/all.json";

    static Stream<Named<Path>> goldenPayloads() {
        return Stream.of(EventType.values()).flatMap(type -> files(type).stream())
                .map(file -> Named.of(file.getParent().getFileName() + "/" + file.getFileName(), file));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void everyEventTypeHasGoldenPayloadsOneOfThemWithUnknownFields(EventType type) {
        List<Path> files = files(type);
        Set<String> known = ContractFiles.schemaProperties(type);

        assertThat(files).as("golden/%s/*.json", type.eventName()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(files).as("a golden %s with a field the schema does not name", type.eventName())
                .anySatisfy(file -> assertThat(known.containsAll(ContractFiles.fieldNames(read(file)))).isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenPayloads")
    void aGoldenPayloadValidatesAgainstTheReleasedSchemaAndTheCurrentOne(Path file) {
        EventType type = typeOf(file);
        JsonNode payload = read(file);

        assertThat(ContractFiles.violations(ContractFiles.schema(
                ContractFiles.readJson("contract-baseline/" + schemaFile(type))), payload)).isEmpty();
        assertThat(ContractFiles.violations(ContractFiles.schema(type), payload)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenPayloads")
    void aGoldenPayloadIsDecodedByTheConsumersPathIgnoringUnknownFieldsAndLosingNoKnownOne(Path file)
            throws IOException {
        EventType type = typeOf(file);
        byte[] value = Files.readAllBytes(file);
        JsonNode payload = read(file);
        String key = payload.path(switch (type.topic()) {
            case Topics.MARKETING_ACTIVITIES -> "technique";
            case Topics.SALES_QUOTAS -> "owner";
            default -> "prospectId";
        }).asText();
        UUID id = UUID.randomUUID();
        RecordHeaders headers = headers(id, type, payload, key);

        DecodedRecord decoded = KafkaCloudEvents.decode(type.topic(), key, headers, value);
        FunnelEvent deserialized;
        try (EventDeserializer deserializer = new EventDeserializer()) {
            deserialized = deserializer.deserialize(type.topic(), headers, value);
        }

        assertThat(decoded).isInstanceOfSatisfying(ReceivedEvent.class, received -> {
            assertThat(received.id()).isEqualTo(id);
            assertThat(received.event()).isInstanceOf(type.recordClass()).isEqualTo(deserialized);
        });
        // Written again, the event is the payload without the fields this version does not know.
        ObjectNode known = payload.deepCopy();
        known.retain(ContractFiles.schemaProperties(type));
        assertThat(ContractFiles.tree(deserialized)).isEqualTo(known);
    }

    /** Every CloudEvents header as a producer sets it; ce_dataschema may name any schema location. */
    private static RecordHeaders headers(UUID id, EventType type, JsonNode payload, String key) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, id.toString());
        header(headers, CloudEventHeaders.SOURCE, SOURCE);
        header(headers, CloudEventHeaders.TYPE, type.ceType());
        header(headers, CloudEventHeaders.TIME, timeOf(type, payload));
        header(headers, CloudEventHeaders.SUBJECT, key);
        header(headers, CloudEventHeaders.DATA_SCHEMA, MANY_SCHEMA_URLS);
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        return headers;
    }

    private static String timeOf(EventType type, JsonNode payload) {
        // The event's own time field: the one field whose name ends in "At" among the required ones.
        return ContractFiles.schemaRequired(type).stream().filter(name -> name.endsWith("At")).findFirst()
                .map(name -> payload.path(name).asText()).orElseThrow();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> files(EventType type) {
        URL directory = GoldenPayloadTest.class.getClassLoader().getResource("golden/" + type.eventName());
        assertThat(directory).as("golden/%s", type.eventName()).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventType typeOf(Path file) {
        String eventName = file.getParent().getFileName().toString();
        return Stream.of(EventType.values()).filter(type -> type.eventName().equals(eventName)).findFirst()
                .orElseThrow(() -> new AssertionError("golden/" + eventName + " names no event type"));
    }

    private static String schemaFile(EventType type) {
        return type.schemaResource().substring("schemas/".length());
    }

    private static JsonNode read(Path file) {
        try {
            return ContractFiles.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
