package dev.funnel.events;

import static dev.funnel.events.ContractFiles.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The AsyncAPI document describes the topics, keys, headers and payloads the code actually uses. */
class AsyncApiTest {

    private static final JsonNode DOC = ContractFiles.asyncApi();
    /** Where a producing service serves the schemas, as its outbox names them in ce_dataschema. */
    private static final URI PRODUCER_SCHEMAS = URI.create("http://prospect-service:8082/schemas/");

    static Stream<?> samples() {
        return EventSamples.named();
    }

    @Test
    void documentIsAsyncApi3() {
        assertThat(DOC.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(DOC.path("info").path("title").asText()).isNotBlank();
        assertThat(DOC.path("info").path("description").asText()).contains(".dlq");
    }

    @Test
    void everyChannelAddressIsATopicAndEveryTopicHasAChannel() {
        List<String> addresses = new ArrayList<>();
        DOC.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void everyChannelHasAKafkaBindingForItsTopic() {
        DOC.path("channels").forEach(channel -> assertThat(channel.path("bindings").path("kafka").path("topic")
                .asText()).isEqualTo(channel.path("address").asText()));
    }

    @Test
    void everyMessagePayloadRefersToASchemaShippedInThisJar() {
        for (Map.Entry<String, JsonNode> message : DOC.path("components").path("messages").properties()) {
            String ref = message.getValue().path("payload").path("$ref").asText();

            assertThat(ref).as(message.getKey()).startsWith("./");
            String resource = ref.substring("./".length());
            assertThat(ContractFiles.resourceExists(resource)).as(resource).isTrue();
            assertThat(resource).isEqualTo(EventType.fromCeType(ceTypeOf(message.getValue())).orElseThrow()
                    .schemaResource());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void everyEventTypeIsAMessageOfItsTopicsChannelWithItsCeType(EventType type) {
        JsonNode message = messageOf(channelOf(type.topic()), type.eventName());

        assertThat(message.path("contentType").asText()).isEqualTo(CloudEventHeaders.APPLICATION_JSON);
        assertThat(ceTypeOf(message)).isEqualTo(type.ceType());
        JsonNode dataSchema = message.path("headers").path("properties").path(CloudEventHeaders.DATA_SCHEMA);
        assertThat(ContractFiles.violations(ContractFiles.schema(dataSchema),
                new TextNode(type.dataSchema(PRODUCER_SCHEMAS).toString()))).isEmpty();
        EventType another = EventType.values()[(type.ordinal() + 1) % EventType.values().length];
        assertThat(ContractFiles.violations(ContractFiles.schema(dataSchema),
                new TextNode(another.dataSchema(PRODUCER_SCHEMAS).toString()))).as("another event's").isNotEmpty();
        assertThat(message.path("payload").path("$ref").asText()).isEqualTo("./" + type.schemaResource());
    }

    @Test
    void everyChannelIsSentByOneOperationListingAllItsMessages() {
        for (Map.Entry<String, JsonNode> channel : DOC.path("channels").properties()) {
            List<JsonNode> operations = new ArrayList<>();
            DOC.path("operations").forEach(operation -> {
                if (operation.path("channel").path("$ref").asText().equals("#/channels/" + channel.getKey())) {
                    operations.add(operation);
                }
            });

            assertThat(operations).as(channel.getKey()).singleElement()
                    .satisfies(operation -> {
                        assertThat(operation.path("action").asText()).isEqualTo("send");
                        List<String> sent = new ArrayList<>();
                        operation.path("messages").forEach(ref -> sent.add(ref.path("$ref").asText()));
                        List<String> declared = new ArrayList<>();
                        channel.getValue().path("messages").fieldNames().forEachRemaining(name ->
                                declared.add("#/channels/" + channel.getKey() + "/messages/" + name));
                        assertThat(sent).containsExactlyInAnyOrderElementsOf(declared);
                    });
        }
    }

    @Test
    void headerSchemaRequiresEveryCloudEventsHeader() throws IllegalAccessException {
        JsonNode headers = DOC.path("components").path("schemas").path("CloudEventHeaders");
        List<String> required = new ArrayList<>();
        headers.path("required").forEach(name -> required.add(name.asText()));

        assertThat(required).containsExactlyInAnyOrderElementsOf(headerNames());
        assertThat(ContractFiles.fieldNames(headers.path("properties"))).containsExactlyInAnyOrderElementsOf(
                headerNames());
        assertThat(headers.path("properties").path(CloudEventHeaders.SPEC_VERSION).path("const").asText())
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_1_0);
    }

    /** What a producer (the outbox relay) must send for each event, checked against the document's schemas. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void cloudEventHeadersAndKeyOfEveryEventMatchTheMessageSchemas(FunnelEvent event) {
        JsonNode message = messageOf(channelOf(event.type().topic()), event.type().eventName());
        ObjectNode headers = JSON.createObjectNode()
                .put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0)
                .put(CloudEventHeaders.ID, UUID.randomUUID().toString())
                .put(CloudEventHeaders.SOURCE, "/funnel/contract-test")
                .put(CloudEventHeaders.TYPE, event.type().ceType())
                .put(CloudEventHeaders.TIME, event.occurredAt().toString())
                .put(CloudEventHeaders.SUBJECT, event.partitionKey())
                .put(CloudEventHeaders.DATA_SCHEMA, event.type().dataSchema(PRODUCER_SCHEMAS).toString())
                .put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        JsonNode headerSchema = ContractFiles.inlineRefs(DOC, message.path("headers"));
        JsonNode keySchema = ContractFiles.inlineRefs(DOC, message.path("bindings").path("kafka").path("key"));

        assertThat(ContractFiles.violations(ContractFiles.schema(headerSchema), headers)).isEmpty();
        assertThat(ContractFiles.violations(ContractFiles.schema(keySchema), new TextNode(event.partitionKey())))
                .isEmpty();
    }

    @Test
    void headerSchemaRefusesAnotherEventsCeType() {
        JsonNode message = messageOf(channelOf(Topics.PROSPECTS), "ProspectWon");
        JsonNode typeSchema = ContractFiles.inlineRefs(DOC, message.path("headers").path("properties")
                .path(CloudEventHeaders.TYPE));

        assertThat(ContractFiles.violations(ContractFiles.schema(typeSchema),
                new TextNode(CloudEventTypes.PROSPECT_LOST))).isNotEmpty();
    }

    private static JsonNode channelOf(String topic) {
        for (JsonNode channel : DOC.path("channels")) {
            if (channel.path("address").asText().equals(topic)) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }

    private static JsonNode messageOf(JsonNode channel, String eventName) {
        List<JsonNode> matches = new ArrayList<>();
        channel.path("messages").forEach(ref -> {
            JsonNode message = ContractFiles.resolve(DOC, ref);
            if (message.path("name").asText().equals(eventName)) {
                matches.add(message);
            }
        });
        assertThat(matches).as("messages named %s in %s", eventName, channel.path("address")).hasSize(1);
        return matches.get(0);
    }

    private static String ceTypeOf(JsonNode message) {
        return message.path("headers").path("properties").path(CloudEventHeaders.TYPE).path("const").asText();
    }

    private static List<String> headerNames() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field field : CloudEventHeaders.class.getDeclaredFields()) {
            boolean constant = Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers());
            // The *_1_0 and APPLICATION_JSON constants are header values, not names.
            if (constant && !field.getName().equals("SPEC_VERSION_1_0")
                    && !field.getName().equals("APPLICATION_JSON")) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }
}
