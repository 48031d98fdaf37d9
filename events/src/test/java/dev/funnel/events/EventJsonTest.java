package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Writing and reading payloads with the contract's one JSON mapping. */
class EventJsonTest {

    static Stream<?> samples() {
        return EventSamples.named();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventRoundTripsToAnEqualRecord(FunnelEvent event) {
        byte[] payload = EventJson.toBytes(event);

        assertThat(EventJson.fromBytes(payload, event.type().recordClass())).isEqualTo(event);
        assertThat(EventJson.fromBytes(event.type().ceType(), payload)).isEqualTo(event);
        assertThat(EventJson.toJson(event)).isEqualTo(new String(payload, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void instantsAndDatesAreWrittenAsIsoStringsNeverNumbers(FunnelEvent event) throws Exception {
        JsonNode payload = ContractFiles.tree(event);
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            Object value = component.getAccessor().invoke(event);
            if (value instanceof Instant || value instanceof LocalDate) {
                assertThat(payload.get(component.getName()).isTextual()).as(component.getName()).isTrue();
                assertThat(payload.get(component.getName()).asText()).isEqualTo(value.toString());
            }
        }
    }

    @Test
    void payloadLooksAsTheCatalogDescribesIt() {
        assertThat(EventJson.toJson(EventSamples.ACTIVITY_LOGGED)).isEqualTo("{"
                + "\"activityId\":\"6f1c2a3e-5b7d-4c8e-9f10-112233445566\","
                + "\"technique\":\"linkedin-post\","
                + "\"performedOn\":\"2026-11-25\","
                + "\"minutesSpent\":45,"
                + "\"costMinor\":1500,"
                + "\"currency\":\"EUR\","
                + "\"loggedAt\":\"2026-11-26T08:02:11.250Z\"}");
    }

    @Test
    void absentTechniqueIsOmittedRatherThanWrittenAsNull() {
        assertThat(ContractFiles.tree(EventSamples.SALES_PROSPECT_FOUND).has("technique")).isFalse();
    }

    @Test
    void derivedValuesAreNotPartOfThePayload() {
        assertThat(ContractFiles.tree(EventSamples.PROSPECT_WON).has("type")).isFalse();
        assertThat(ContractFiles.tree(EventSamples.PROSPECT_WON).has("partitionKey")).isFalse();
        assertThat(ContractFiles.tree(EventSamples.PROSPECT_WON).has("occurredAt")).isFalse();
    }

    @Test
    void payloadWithAnExtraUnknownFieldDeserializes() {
        ObjectNode payload = ((ObjectNode) ContractFiles.tree(EventSamples.OBJECTION_RAISED))
                .put("note", "added by a newer producer");
        payload.putObject("details").put("channel", "phone");

        assertThat(EventJson.fromBytes(ContractFiles.bytes(payload), ObjectionRaised.class))
                .isEqualTo(EventSamples.OBJECTION_RAISED);
    }

    @Test
    void unknownEnumValueIsRejectedNamingTheFieldAndTheAllowedValues() {
        JsonNode payload = ((ObjectNode) ContractFiles.tree(EventSamples.TECHNIQUE_DEFINED)).put("cadence", "HOURLY");

        assertThatThrownBy(() -> EventJson.fromBytes(ContractFiles.bytes(payload), MarketingTechniqueDefined.class))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.field()).contains("cadence");
                    assertThat(e.getMessage()).contains("cadence", "HOURLY", "DAILY, WEEKDAYS, WEEKLY");
                });
    }

    @Test
    void enumOrdinalIsRejected() {
        JsonNode payload = ((ObjectNode) ContractFiles.tree(EventSamples.TECHNIQUE_DEFINED)).put("cadence", 0);

        assertRejected(payload, EventType.MARKETING_TECHNIQUE_DEFINED, "cadence");
    }

    @Test
    void malformedJsonIsRejectedWithTheReason() {
        byte[] payload = "{\"prospectId\": \"3f2b8c1e-6a4d-4f7e-9b1a-2c3d4e5f6a7b\",".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.fromBytes(CloudEventTypes.PROSPECT_WON, payload))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.field()).isEmpty();
                    assertThat(e.getMessage()).contains("ProspectWon", "malformed JSON");
                });
    }

    @Test
    void trailingGarbageAfterTheEventIsRejected() {
        byte[] payload = (EventJson.toJson(EventSamples.PROSPECT_WON) + " {}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.fromBytes(payload, ProspectWon.class))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.field()).isEmpty();
                    assertThat(e.getMessage()).contains("not a single JSON object", "Trailing token");
                });
    }

    @Test
    void duplicateFieldIsRejectedRatherThanResolvedSilently() {
        String json = EventJson.toJson(EventSamples.PROSPECT_WON).replace("{", "{\"valueMinor\":1,");

        assertThatThrownBy(() -> EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), ProspectWon.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("valueMinor");
    }

    @Test
    void emptyPayloadIsRejected() {
        assertThatThrownBy(() -> EventJson.fromBytes(new byte[0], ProspectWon.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("empty payload");
    }

    @Test
    void payloadThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> EventJson.fromBytes("[1, 2]".getBytes(StandardCharsets.UTF_8), ProspectWon.class))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.field()).isEmpty();
                    assertThat(e.getMessage()).contains("not a single JSON object");
                });
    }

    @Test
    void unknownCeTypeIsRejectedNamingIt() {
        byte[] payload = EventJson.toBytes(EventSamples.PROSPECT_WON);

        assertThatThrownBy(() -> EventJson.fromBytes("dev.funnel.ProspectWon.v2", payload))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.field()).isEmpty();
                    assertThat(e.getMessage()).contains("unknown ce_type", "dev.funnel.ProspectWon.v2");
                });
    }

    @Test
    void missingCeTypeIsRejected() {
        assertThatThrownBy(() -> EventJson.fromBytes((String) null, EventJson.toBytes(EventSamples.PROSPECT_WON)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("ce_type");
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "minutesSpent"),
                Arguments.of(EventSamples.ACTIVITY_LOGGED, "costMinor"),
                Arguments.of(EventSamples.MARKETING_PROSPECT_FOUND, "estimatedValueMinor"),
                Arguments.of(EventSamples.PROSPECT_WON, "valueMinor"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("numbers")
    void missingNumberIsRejectedRatherThanReadAsZero(FunnelEvent sample, String field) {
        ObjectNode payload = (ObjectNode) ContractFiles.tree(sample);
        payload.remove(field);

        assertRejected(payload, sample.type(), field);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("numbers")
    void nullNumberIsRejectedRatherThanReadAsZero(FunnelEvent sample, String field) {
        ObjectNode payload = ((ObjectNode) ContractFiles.tree(sample)).putNull(field);

        assertRejected(payload, sample.type(), field);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("numbers")
    void numberWrittenAsAStringIsRejected(FunnelEvent sample, String field) {
        ObjectNode payload = ((ObjectNode) ContractFiles.tree(sample)).put(field, "30");

        assertRejected(payload, sample.type(), field);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("numbers")
    void fractionalNumberIsRejectedRatherThanTruncated(FunnelEvent sample, String field) {
        ObjectNode payload = ((ObjectNode) ContractFiles.tree(sample)).put(field, 30.5);

        assertRejected(payload, sample.type(), field);
    }

    @Test
    void numberTooLargeForItsFieldIsRejected() {
        ObjectNode payload = ((ObjectNode) ContractFiles.tree(EventSamples.ACTIVITY_LOGGED))
                .put("costMinor", new BigInteger("99999999999999999999"));

        assertRejected(payload, EventType.MARKETING_ACTIVITY_LOGGED, "costMinor");
    }

    @Test
    void epochNumberForAnInstantIsRejected() {
        ObjectNode payload = ((ObjectNode) ContractFiles.tree(EventSamples.PROSPECT_LOST)).put("lostAt", 1768046400L);

        assertRejected(payload, EventType.PROSPECT_LOST, "lostAt");
    }

    @Test
    void numberForATextFieldIsRejected() {
        ObjectNode payload = ((ObjectNode) ContractFiles.tree(EventSamples.PROSPECT_CONTACTED)).put("owner", 42);

        assertRejected(payload, EventType.PROSPECT_CONTACTED, "owner");
    }

    @Test
    void nullRequiredFieldIsRejectedNamingTheField() {
        ObjectNode payload = ((ObjectNode) ContractFiles.tree(EventSamples.OBJECTION_RESOLVED)).putNull("prospectId");

        assertThatThrownBy(() -> EventJson.fromBytes(ContractFiles.bytes(payload), ObjectionResolved.class))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.field()).contains("prospectId");
                    assertThat(e.getMessage()).isEqualTo("Cannot decode ObjectionResolved: prospectId: is required");
                });
    }

    @Test
    void contractViolationInThePayloadIsRejectedNamingTheField() {
        ObjectNode payload = ((ObjectNode) ContractFiles.tree(EventSamples.ACTIVITY_LOGGED)).put("minutesSpent", -5);

        assertThatThrownBy(() -> EventJson.fromBytes(ContractFiles.bytes(payload), MarketingActivityLogged.class))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.field()).contains("minutesSpent");
                    assertThat(e.getMessage()).contains("minutesSpent", "-5");
                    assertThat(e).hasRootCauseInstanceOf(EventContractException.class);
                });
    }

    @Test
    void readingAsAClassThatIsNotAnEventRecordIsRefused() {
        byte[] payload = EventJson.toBytes(EventSamples.PROSPECT_WON);

        assertThatThrownBy(() -> EventJson.fromBytes(payload, FunnelEvent.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapperIsACopyThatCannotChangeTheContractMapping() throws Exception {
        ObjectMapper copy = EventJson.mapper();
        copy.enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        assertThat(ContractFiles.tree(EventSamples.PROSPECT_WON).get("wonAt").isTextual()).isTrue();
        assertThat(copy.valueToTree(EventSamples.PROSPECT_WON).get("wonAt").isNumber()).isTrue();
        assertThat(EventJson.mapper().writeValueAsString(EventSamples.SALES_PROSPECT_FOUND))
                .isEqualTo(EventJson.toJson(EventSamples.SALES_PROSPECT_FOUND));
    }

    private static void assertRejected(JsonNode payload, EventType type, String field) {
        assertThatThrownBy(() -> EventJson.fromBytes(ContractFiles.bytes(payload), type.recordClass()))
                .as("%s with %s", type.eventName(), payload.get(field))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.field()).contains(field);
                    assertThat(e.getMessage()).contains(field);
                });
    }
}
