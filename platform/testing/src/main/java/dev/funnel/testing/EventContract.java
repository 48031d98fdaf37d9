package dev.funnel.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.funnel.events.CloudEventHeaders;
import dev.funnel.events.DecodedRecord;
import dev.funnel.events.EventType;
import dev.funnel.events.KafkaCloudEvents;
import dev.funnel.events.ReceivedEvent;
import dev.funnel.events.RefusedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Checks a record on a topic the way another team relies on it: a record the platform's consumers accept
 * ({@link KafkaCloudEvents}), with its type's {@code ce_dataschema}, and a payload valid against the published JSON
 * Schema of its type. Reads the schemas from the {@code events} jar, so a test checks what other teams were given.
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<EventType, JsonSchema> SCHEMAS = loadSchemas();

    private EventContract() {
    }

    /**
     * @throws AssertionError naming what breaks the contract: whatever {@link KafkaCloudEvents} refuses (a missing
     *     header, a subject that is not the key, a type not in the catalog, ...), a schema URI that is not the
     *     type's, or each schema violation of the payload
     */
    public static void assertConforms(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        DecodedRecord decoded = KafkaCloudEvents.decode(record);
        if (decoded instanceof RefusedRecord refused) {
            // A payload the schema refuses is refused by the codec too, in fewer words: the schema's come first.
            EventType.fromCeType(header(record, CloudEventHeaders.TYPE))
                    .ifPresent(type -> requireValidPayload(where, type, record));
            throw new AssertionError(where + ": " + refused.reason());
        }
        EventType type = ((ReceivedEvent) decoded).type();
        // Consumers accept any ce_dataschema (a producer may move its schemas); a producer sends where its type's is.
        schemaLocation(where, type, header(record, CloudEventHeaders.DATA_SCHEMA));
        requireValidPayload(where, type, record);
    }

    /**
     * @return the path of the record's {@code ce_dataschema} on the service that sent it, for example
     *     {@code /schemas/ProspectFound.v1.json}, for a test to GET it from the service under test and so show that
     *     the header resolves
     * @throws AssertionError unless the header is an absolute http(s) URL naming the file of the type's schema
     */
    public static String dataSchemaPath(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        EventType type = EventType.fromCeType(header(record, CloudEventHeaders.TYPE))
                .orElseThrow(() -> new AssertionError(where + ": no event type of the catalog"));
        return schemaLocation(where, type, header(record, CloudEventHeaders.DATA_SCHEMA)).getRawPath();
    }

    private static URI schemaLocation(String where, EventType type, String dataSchema) {
        URI location;
        try {
            location = new URI(String.valueOf(dataSchema));
        } catch (URISyntaxException e) {
            throw new AssertionError(where + ": ce_dataschema is no URI: " + dataSchema, e);
        }
        require(where, location.isAbsolute() && List.of("http", "https").contains(location.getScheme())
                && location.getHost() != null && String.valueOf(location.getRawPath())
                        .endsWith("/schemas/" + type.schemaFileName()),
                "ce_dataschema " + dataSchema + " is not an http(s) URL of .../schemas/" + type.schemaFileName());
        return location;
    }

    private static void requireValidPayload(String where, EventType type, ConsumerRecord<String, byte[]> record) {
        Set<ValidationMessage> problems;
        try {
            problems = SCHEMAS.get(type).validate(JSON.readTree(record.value()));
        } catch (IOException e) {
            throw new AssertionError(where + ": the payload is not JSON: " + e.getMessage(), e);
        }
        require(where, problems.isEmpty(), "payload breaks " + type.schemaResource() + ": " + problems + " in "
                + new String(record.value(), StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void require(String where, boolean condition, String problem) {
        if (!condition) {
            throw new AssertionError(where + ": " + problem);
        }
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
