package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the published contract files from the classpath, as another team would from the jar. */
final class ContractFiles {

    /** A plain mapper, so the tests look at the JSON as any other reader would, not through EventJson. */
    static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Draft 2020-12 treats "format" as an annotation; the contract relies on uuid, date and date-time being checked.
    private static final SchemaValidatorsConfig ASSERT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private ContractFiles() {
    }

    static JsonNode schemaDocument(EventType type) {
        return readJson(type.schemaResource());
    }

    static JsonSchema schema(EventType type) {
        return SCHEMAS.getSchema(schemaDocument(type), ASSERT_FORMATS);
    }

    static JsonSchema schema(JsonNode document) {
        return SCHEMAS.getSchema(document, ASSERT_FORMATS);
    }

    static Set<String> violations(JsonSchema schema, JsonNode instance) {
        Set<String> messages = new TreeSet<>();
        for (ValidationMessage message : schema.validate(instance)) {
            messages.add(message.getMessage());
        }
        return messages;
    }

    static Set<String> schemaProperties(EventType type) {
        return fieldNames(schemaDocument(type).path("properties"));
    }

    static Set<String> schemaRequired(EventType type) {
        Set<String> required = new LinkedHashSet<>();
        schemaDocument(type).path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    static JsonNode asyncApi() {
        try (InputStream in = resource("asyncapi.yaml")) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Follows a local {@code $ref} ({@code #/...}) in the AsyncAPI document, or returns the node itself. */
    static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref") && current.get("$ref").asText().startsWith("#/")) {
            String pointer = current.get("$ref").asText().substring(1);
            current = root.at(pointer);
            assertThat(current.isMissingNode()).as("$ref %s resolves", pointer).isFalse();
        }
        return current;
    }

    /** A copy of a schema with every local {@code $ref} replaced by its target, so it validates on its own. */
    static JsonNode inlineRefs(JsonNode root, JsonNode node) {
        JsonNode resolved = resolve(root, node);
        if (resolved.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : resolved.properties()) {
                copy.set(field.getKey(), inlineRefs(root, field.getValue()));
            }
            return copy;
        }
        if (resolved.isArray()) {
            var copy = JSON.createArrayNode();
            resolved.forEach(element -> copy.add(inlineRefs(root, element)));
            return copy;
        }
        return resolved;
    }

    static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static boolean resourceExists(String path) {
        return ContractFiles.class.getClassLoader().getResource(path) != null;
    }

    static JsonNode readJson(String path) {
        try (InputStream in = resource(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(FunnelEvent event) {
        try {
            return JSON.readTree(EventJson.toBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = ContractFiles.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as("classpath resource %s", path).isNotNull();
        return in;
    }
}
