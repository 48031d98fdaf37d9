package dev.funnel.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.funnel.events.CloudEventHeaders;
import dev.funnel.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Checks a record on a topic the way another team relies on it: a binary-mode CloudEvent with every header the
 * contract names, its subject equal to its key, and a payload valid against the published JSON Schema of its
 * type. Reads the schemas from the {@code events} jar, so a test checks what other teams were given.
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED_HEADERS = List.of(CloudEventHeaders.SPEC_VERSION,
            CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME,
            CloudEventHeaders.SUBJECT, CloudEventHeaders.DATA_SCHEMA, CloudEventHeaders.CONTENT_TYPE);
    private static final Map<EventType, JsonSchema> SCHEMAS = loadSchemas();

    private EventContract() {
    }

    /**
     * @throws AssertionError naming what breaks the contract: a missing header, a subject that is not the key, a
     *     type not in the catalog, a schema URI that is not the type's, or each schema violation of the payload
     */
    public static void assertConforms(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        for (String name : REQUIRED_HEADERS) {
            if (header(record, name).isEmpty()) {
                throw new AssertionError(where + ": no " + name + " header");
            }
        }
        require(where, CloudEventHeaders.SPEC_VERSION_1_0.equals(header(record, CloudEventHeaders.SPEC_VERSION)
                .orElseThrow()), "ce_specversion is not 1.0");
        require(where, "application/json".equals(header(record, CloudEventHeaders.CONTENT_TYPE).orElseThrow()),
                "content-type is not application/json");
        require(where, header(record, CloudEventHeaders.SUBJECT).orElseThrow().equals(record.key()),
                "ce_subject is not the record's key " + record.key());
        String ceType = header(record, CloudEventHeaders.TYPE).orElseThrow();
        EventType type = EventType.fromCeType(ceType)
                .orElseThrow(() -> new AssertionError(where + ": ce_type " + ceType + " is not in the catalog"));
        require(where, type.topic().equals(record.topic()), ceType + " does not belong on " + record.topic());
        require(where, type.dataSchema().toString().equals(header(record, CloudEventHeaders.DATA_SCHEMA)
                .orElseThrow()), "ce_dataschema is not " + type.dataSchema());
        Set<ValidationMessage> problems;
        try {
            problems = SCHEMAS.get(type).validate(JSON.readTree(record.value()));
        } catch (IOException e) {
            throw new AssertionError(where + ": the payload is not JSON: " + e.getMessage(), e);
        }
        require(where, problems.isEmpty(), "payload breaks " + type.schemaResource() + ": " + problems + " in "
                + new String(record.value(), StandardCharsets.UTF_8));
    }

    private static void require(String where, boolean condition, String problem) {
        if (!condition) {
            throw new AssertionError(where + ": " + problem);
        }
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Map<EventType, JsonSchema> loadSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream schema = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
                if (schema == null) {
                    throw new IllegalStateException("No schema " + type.schemaResource() + " in the events jar");
                }
                schemas.put(type, factory.getSchema(schema, config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
