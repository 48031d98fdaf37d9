package dev.funnel.events;

import static dev.funnel.events.ContractFiles.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The published JSON Schemas describe exactly what the records write and accept. */
class EventSchemaTest {

    static Stream<?> samples() {
        return EventSamples.named();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void everySchemaIsAValidDraft202012SchemaWithTheDataSchemaAsId(EventType type) {
        JsonNode document = ContractFiles.schemaDocument(type);
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(ContractFiles.violations(metaSchema, document)).isEmpty();
        assertThat(document.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(document.path("$id").asText()).isEqualTo(type.dataSchema().toString());
        assertThat(document.path("type").asText()).isEqualTo("object");
        assertThat(document.path("title").asText()).isNotBlank();
        assertThat(document.path("description").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void unknownPropertiesAreAllowedSoV1CanGrowByOptionalFields(EventType type) {
        ObjectNode payload = (ObjectNode) ContractFiles.tree(EventSamples.of(type).get(0));
        payload.put("addedInALaterRelease", "anything");

        assertThat(ContractFiles.violations(ContractFiles.schema(type), payload)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventSerializesToJsonThatValidatesAgainstItsSchema(FunnelEvent event) {
        JsonNode payload = ContractFiles.tree(event);

        assertThat(ContractFiles.violations(ContractFiles.schema(event.type()), payload)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void serializedFieldNamesAreSchemaProperties(FunnelEvent event) {
        assertThat(ContractFiles.fieldNames(ContractFiles.tree(event)))
                .isSubsetOf(ContractFiles.schemaProperties(event.type()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void samplesOfATypeTogetherWriteEverySchemaProperty(EventType type) {
        Set<String> written = new LinkedHashSet<>();
        EventSamples.of(type).forEach(event -> written.addAll(ContractFiles.fieldNames(ContractFiles.tree(event))));

        assertThat(written).containsExactlyInAnyOrderElementsOf(ContractFiles.schemaProperties(type));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void everyRecordComponentIsASchemaPropertyAndEveryPropertyIsAComponent(EventType type) {
        assertThat(componentNames(type)).containsExactlyInAnyOrderElementsOf(ContractFiles.schemaProperties(type));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void schemaTypeOfEveryPropertyMatchesTheComponentType(EventType type) {
        JsonNode properties = ContractFiles.schemaDocument(type).path("properties");
        for (RecordComponent component : type.recordClass().getRecordComponents()) {
            JsonNode property = properties.path(component.getName());
            Class<?> javaType = component.getType();
            String described = type.eventName() + "." + component.getName();
            if (javaType == int.class || javaType == long.class || javaType == Integer.class
                    || javaType == Long.class) {
                assertThat(property.path("type").asText()).as(described).isEqualTo("integer");
            } else if (javaType.isEnum()) {
                assertThat(property.path("type").asText()).as(described).isEqualTo("string");
                assertThat(textValues(property.path("enum"))).as(described)
                        .containsExactlyElementsOf(Arrays.stream(javaType.getEnumConstants())
                                .map(constant -> ((Enum<?>) constant).name()).toList());
            } else {
                assertThat(property.path("type").asText()).as(described).isEqualTo("string");
                assertThat(property.path("format").asText(null)).as(described).isEqualTo(formatOf(javaType));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void schemaPatternsAreTheContractPatterns(EventType type) {
        JsonNode properties = ContractFiles.schemaDocument(type).path("properties");
        checkPattern(properties, "technique", Contract.TECHNIQUE.pattern());
        checkPattern(properties, "owner", Contract.OWNER.pattern());
        checkPattern(properties, "currency", Contract.CURRENCY.pattern());
    }

    /**
     * The schema's {@code required} is proven, not restated: a property is required exactly when every sample of
     * the type fails to decode once it is removed. ProspectFound's technique is required only for MARKETING, so it
     * is not in {@code required} and its rule is checked separately.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void schemaRequiredIsExactlyTheComponentsTheRecordRefusesWhenAbsent(EventType type) {
        Set<String> refusedWhenAbsent = componentNames(type).stream()
                .filter(component -> EventSamples.of(type).stream()
                        .allMatch(sample -> refusedWithout(sample, component)))
                .collect(Collectors.toCollection(LinkedHashSet::new));

        assertThat(refusedWhenAbsent).containsExactlyInAnyOrderElementsOf(ContractFiles.schemaRequired(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void payloadMissingARequiredFieldIsRejectedNamingTheField(FunnelEvent event) {
        for (String required : ContractFiles.schemaRequired(event.type())) {
            byte[] payload = ContractFiles.bytes(without(ContractFiles.tree(event), required));

            assertThatThrownBy(() -> EventJson.fromBytes(payload, event.type().recordClass()))
                    .as("%s without %s", event.type().eventName(), required)
                    .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                        assertThat(e.field()).contains(required);
                        assertThat(e.getMessage()).contains(required);
                    });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void schemaAndDecoderAgreeOnEveryPayloadWithOneFieldRemoved(FunnelEvent event) {
        JsonSchema schema = ContractFiles.schema(event.type());
        for (String field : ContractFiles.fieldNames(ContractFiles.tree(event))) {
            ObjectNode payload = without(ContractFiles.tree(event), field);

            boolean schemaAccepts = ContractFiles.violations(schema, payload).isEmpty();

            assertThat(decodes(payload, event.type()))
                    .as("%s without %s decodes as the schema says", event.type().eventName(), field)
                    .isEqualTo(schemaAccepts);
        }
    }

    @Test
    void techniqueIsRequiredForMarketingProspectsAndRefusedForSalesProspects() {
        JsonSchema schema = ContractFiles.schema(EventType.PROSPECT_FOUND);
        ObjectNode marketingWithout = without(ContractFiles.tree(EventSamples.MARKETING_PROSPECT_FOUND), "technique");
        ObjectNode salesWith = ((ObjectNode) ContractFiles.tree(EventSamples.SALES_PROSPECT_FOUND))
                .put("technique", "linkedin-post");

        assertThat(ContractFiles.violations(schema, marketingWithout)).isNotEmpty();
        assertThat(ContractFiles.violations(schema, salesWith)).isNotEmpty();
        assertThatThrownBy(() -> EventJson.fromBytes(ContractFiles.bytes(marketingWithout), ProspectFound.class))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.field()).contains("technique"));
        assertThatThrownBy(() -> EventJson.fromBytes(ContractFiles.bytes(salesWith), ProspectFound.class))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.field()).contains("technique"));
    }

    static Stream<Arguments> boundaries() {
        String forty = "a".repeat(40);
        return Stream.of(
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "minutesSpent", 0, true),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "minutesSpent", 1440, true),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "minutesSpent", -1, false),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "minutesSpent", 1441, false),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "costMinor", 0, true),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "costMinor", -1, false),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "costMinor", Long.MAX_VALUE, true),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "currency", "eur", false),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "currency", "EURO", false),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "performedOn", "2026-11-25T00:00:00Z", false),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "performedOn", "2026-02-30", false),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "loggedAt", "2026-11-26T08:02:11", false),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "activityId", "not-a-uuid", false),
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "technique", "ab", true),
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "technique", forty, true),
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "technique", "a", false),
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "technique", forty + "a", false),
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "technique", "LinkedIn", false),
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "technique", "linkedin post", false),
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "technique", "linkedin_post", false),
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "name", "X", true),
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "name", "n".repeat(80), true),
                // Lengths count characters (code points), not UTF-16 units: 80 emoji are 160 Java chars.
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "name", "\uD83C\uDF31".repeat(80), true),
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "name", "", false),
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "name", "n".repeat(81), false),
                Arguments.of(EventSamples.TECHNIQUE_DEFINED, "cadence", "HOURLY", false),
                Arguments.of(EventSamples.MARKETING_PROSPECT_FOUND, "owner", "a", true),
                Arguments.of(EventSamples.MARKETING_PROSPECT_FOUND, "owner", "anna.k_2-b", true),
                Arguments.of(EventSamples.MARKETING_PROSPECT_FOUND, "owner", "", false),
                Arguments.of(EventSamples.MARKETING_PROSPECT_FOUND, "owner", "Anna", false),
                Arguments.of(EventSamples.MARKETING_PROSPECT_FOUND, "owner", forty + "a", false),
                Arguments.of(EventSamples.MARKETING_PROSPECT_FOUND, "estimatedValueMinor", 0, true),
                Arguments.of(EventSamples.MARKETING_PROSPECT_FOUND, "estimatedValueMinor", -1, false),
                Arguments.of(EventSamples.PROSPECT_WON, "valueMinor", 1, true),
                Arguments.of(EventSamples.PROSPECT_WON, "valueMinor", 0, false),
                Arguments.of(EventSamples.PROSPECT_LOST, "reason", "NO_DECISION", true),
                Arguments.of(EventSamples.PROSPECT_LOST, "reason", "GHOSTED", false),
                Arguments.of(EventSamples.OBJECTION_RAISED, "category", "NO_RESPONSE", false),
                Arguments.of(EventSamples.QUOTA_SET, "month", "2000-01", true),
                Arguments.of(EventSamples.QUOTA_SET, "month", "9999-12", true),
                Arguments.of(EventSamples.QUOTA_SET, "month", "1999-12", false),
                Arguments.of(EventSamples.QUOTA_SET, "month", "2026-13", false),
                Arguments.of(EventSamples.QUOTA_SET, "month", "2026-00", false),
                Arguments.of(EventSamples.QUOTA_SET, "month", "2026-1", false),
                Arguments.of(EventSamples.QUOTA_SET, "month", "+2026-12", false),
                Arguments.of(EventSamples.QUOTA_SET, "month", "2026-12-01", false),
                Arguments.of(EventSamples.QUOTA_SET, "customersTarget", 1, true),
                Arguments.of(EventSamples.QUOTA_SET, "customersTarget", 1_000_000, true),
                Arguments.of(EventSamples.QUOTA_SET, "customersTarget", 0, false),
                Arguments.of(EventSamples.QUOTA_SET, "customersTarget", 1_000_001, false),
                Arguments.of(EventSamples.QUOTA_SET, "valueTargetMinor", 1, true),
                Arguments.of(EventSamples.QUOTA_SET, "valueTargetMinor", Long.MAX_VALUE, true),
                Arguments.of(EventSamples.QUOTA_SET, "valueTargetMinor", 0, false),
                Arguments.of(EventSamples.CUSTOMERS_QUOTA_SET, "currency", "EUR", false),
                Arguments.of(EventSamples.CUSTOMERS_QUOTA_SET, "valueTargetMinor", 100, false),
                Arguments.of(EventSamples.QUOTA_SET, "setBy", "", false),
                Arguments.of(EventSamples.QUOTA_SET, "setBy", "m".repeat(120), true),
                Arguments.of(EventSamples.QUOTA_SET, "setBy", "m".repeat(121), false));
    }

    @ParameterizedTest(name = "{0}: {1} = {2} valid: {3}")
    @MethodSource("boundaries")
    void schemaAndDecoderAgreeOnEveryBoundary(FunnelEvent sample, String field, Object value, boolean valid) {
        ObjectNode payload = ((ObjectNode) ContractFiles.tree(sample)).set(field, JSON.valueToTree(value));

        assertThat(ContractFiles.violations(ContractFiles.schema(sample.type()), payload).isEmpty())
                .as("schema accepts").isEqualTo(valid);
        assertThat(decodes(payload, sample.type())).as("decoder accepts").isEqualTo(valid);
    }

    @Test
    void formatsAreAssertedNotJustAnnotated() {
        ObjectNode payload = ((ObjectNode) ContractFiles.tree(EventSamples.PROSPECT_CONTACTED))
                .put("contactedAt", "yesterday");

        assertThat(ContractFiles.violations(ContractFiles.schema(EventType.PROSPECT_CONTACTED), payload))
                .anySatisfy(message -> assertThat(message).contains("contactedAt"));
    }

    private static boolean refusedWithout(FunnelEvent sample, String field) {
        JsonNode full = ContractFiles.tree(sample);
        if (!full.has(field)) {
            // The sample itself is a valid event without the field.
            return false;
        }
        try {
            EventJson.fromBytes(ContractFiles.bytes(without(full, field)), sample.type().recordClass());
            return false;
        } catch (EventDecodingException e) {
            assertThat(e.field()).as("field named when %s is missing", field).contains(field);
            return true;
        }
    }

    private static boolean decodes(JsonNode payload, EventType type) {
        try {
            EventJson.fromBytes(ContractFiles.bytes(payload), type.recordClass());
            return true;
        } catch (EventDecodingException e) {
            return false;
        }
    }

    private static ObjectNode without(JsonNode payload, String field) {
        ObjectNode copy = ((ObjectNode) payload).deepCopy();
        copy.remove(field);
        return copy;
    }

    private static Set<String> componentNames(EventType type) {
        return Arrays.stream(type.recordClass().getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<String> textValues(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static String formatOf(Class<?> javaType) {
        if (javaType == UUID.class) {
            return "uuid";
        }
        if (javaType == Instant.class) {
            return "date-time";
        }
        if (javaType == LocalDate.class) {
            return "date";
        }
        return null;
    }

    private static void checkPattern(JsonNode properties, String name, String javaPattern) {
        if (properties.has(name)) {
            assertThat(properties.path(name).path("pattern").asText())
                    .as("JSON Schema patterns are not anchored, Java's matches() is")
                    .isEqualTo("^" + javaPattern + "$");
        }
    }
}
