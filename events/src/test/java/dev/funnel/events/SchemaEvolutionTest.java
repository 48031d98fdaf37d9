package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pairs of schemas, a released one and a later one, that {@link SchemaEvolution} must accept or refuse. */
class SchemaEvolutionTest {

    /** A small released schema in the shape of the event schemas, to change one thing at a time. */
    private static final String BASELINE = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://funnel.dev/schemas/Sample.v1.json",
              "title": "Sample",
              "type": "object",
              "additionalProperties": true,
              "properties": {
                "note": {"type": "string"},
                "name": {"type": "string", "minLength": 1, "maxLength": 80},
                "slug": {"type": "string", "pattern": "^[a-z0-9-]{2,40}$"},
                "minutes": {"type": "integer", "minimum": 0, "maximum": 1440},
                "cadence": {"type": "string", "enum": ["DAILY", "WEEKLY"]},
                "at": {"type": "string", "format": "date-time"}
              },
              "required": ["name", "slug", "minutes", "cadence", "at"],
              "if": {"properties": {"cadence": {"const": "DAILY"}}, "required": ["cadence"]},
              "then": {"required": ["note"]}
            }
            """;

    @Test
    void theSameSchemaHasNoChange() {
        assertThat(SchemaEvolution.compare(json(BASELINE), json(BASELINE))).isEmpty();
    }

    @Test
    void rewordingTitlesDescriptionsAndCommentsIsNoChange() {
        String reworded = apply("'title': 'Sample'", "'title': 'A sample', '$comment': 'why', 'description': 'd'");

        assertThat(SchemaEvolution.compare(json(BASELINE), json(reworded))).isEmpty();
    }

    static Stream<Arguments> allowedChanges() {
        return Stream.of(
                row("a new optional property",
                        "'note': {'type': 'string'}", "'note': {'type': 'string'}, 'channel': {'type': 'string'}",
                        "/properties/channel", "new optional property 'channel'"),
                row("a larger maxLength",
                        "'maxLength': 80", "'maxLength': 120",
                        "/properties/name/maxLength", "maxLength relaxed from 80 to 120"),
                row("a removed maxLength",
                        ", 'maxLength': 80", "''",
                        "/properties/name/maxLength", "maxLength 80 removed"),
                row("a larger maximum",
                        "'maximum': 1440", "'maximum': 2880",
                        "/properties/minutes/maximum", "maximum relaxed from 1440 to 2880"),
                row("a smaller minLength",
                        "'minLength': 1", "'minLength': 0",
                        "/properties/name/minLength", "minLength relaxed from 1 to 0"),
                row("a smaller minimum",
                        "'minimum': 0", "'minimum': -10",
                        "/properties/minutes/minimum", "minimum relaxed from 0 to -10"),
                row("a removed required entry",
                        "'cadence', 'at']", "'at']",
                        "/required", "'cadence' no longer required"),
                row("an added enum value",
                        "['DAILY', 'WEEKLY']", "['DAILY', 'WEEKLY', 'MONTHLY']",
                        "/properties/cadence/enum", "enum value \"MONTHLY\" added"),
                row("an integer that may be any number",
                        "'type': 'integer'", "'type': 'number'",
                        "/properties/minutes/type", "type widened from \"integer\" to \"number\""),
                row("a type that may also be null",
                        "'note': {'type': 'string'}", "'note': {'type': ['string', 'null']}",
                        "/properties/note/type", "type widened"),
                row("a removed pattern",
                        ", 'pattern': '^[a-z0-9-]{2,40}$'", "''",
                        "/properties/slug/pattern", "pattern \"^[a-z0-9-]{2,40}$\" removed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedChanges")
    void aChangeThatKeepsEveryReleasedPayloadValidIsAllowed(String change, String released, String changed,
            String pointer, String what) {
        List<SchemaEvolution.Change> changes = changes(released, changed);

        assertThat(changes).as(change).singleElement().satisfies(c -> {
            assertThat(c.pointer()).isEqualTo(pointer);
            assertThat(c.what()).contains(what);
            assertThat(c.allowed()).as("allowed").isTrue();
        });
    }

    @Test
    void additionalPropertiesMadePermissiveIsAllowed() {
        String closed = BASELINE.replace("\"additionalProperties\": true", "\"additionalProperties\": false");

        List<SchemaEvolution.Change> changes = SchemaEvolution.compare(json(closed), json(BASELINE));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.pointer()).isEqualTo("/additionalProperties");
            assertThat(c.allowed()).isTrue();
        });
    }

    static Stream<Arguments> refusedChanges() {
        return Stream.of(
                row("a removed property",
                        "'note': {'type': 'string'},", "''",
                        "/properties/note", "property 'note' removed"),
                row("a type change",
                        "'minutes': {'type': 'integer'", "'minutes': {'type': 'string'",
                        "/properties/minutes/type", "type changed from \"integer\" to \"string\""),
                row("a number that must now be an integer",
                        "'minutes': {'type': 'integer'", "'minutes': {'type': 'number'",
                        "-", "-"),
                row("an optional property made required",
                        "'cadence', 'at']", "'cadence', 'at', 'note']",
                        "/required", "'note' newly required"),
                row("a smaller maxLength",
                        "'maxLength': 80", "'maxLength': 40",
                        "/properties/name/maxLength", "maxLength tightened from 80 to 40"),
                row("a new maxLength",
                        "'note': {'type': 'string'}", "'note': {'type': 'string', 'maxLength': 9}",
                        "/properties/note/maxLength", "maxLength 9 added"),
                row("a larger minimum",
                        "'minimum': 0", "'minimum': 1",
                        "/properties/minutes/minimum", "minimum tightened from 0 to 1"),
                row("a smaller maximum",
                        "'maximum': 1440", "'maximum': 60",
                        "/properties/minutes/maximum", "maximum tightened from 1440 to 60"),
                row("a removed enum value",
                        "['DAILY', 'WEEKLY']", "['DAILY']",
                        "/properties/cadence/enum", "enum value \"WEEKLY\" removed"),
                row("a new enum",
                        "'note': {'type': 'string'}", "'note': {'type': 'string', 'enum': ['a']}",
                        "/properties/note/enum", "enum [\"a\"] added"),
                row("a changed pattern",
                        "{2,40}$'", "{2,30}$'",
                        "/properties/slug/pattern", "pattern changed from"),
                row("a new format",
                        "'note': {'type': 'string'}", "'note': {'type': 'string', 'format': 'email'}",
                        "/properties/note/format", "format \"email\" added"),
                row("a new const",
                        "'note': {'type': 'string'}", "'note': {'type': 'string', 'const': 'x'}",
                        "/properties/note/const", "const \"x\" added"),
                row("additionalProperties closed",
                        "'additionalProperties': true", "'additionalProperties': false",
                        "/additionalProperties", "additionalProperties tightened from true to false"),
                row("additionalProperties given a schema",
                        "'additionalProperties': true", "'additionalProperties': {'type': 'string'}",
                        "/additionalProperties", "additionalProperties tightened"),
                row("a changed condition",
                        "'then': {'required': ['note']}", "'then': {'required': ['slug']}",
                        "/then", "this check cannot tell"),
                row("a changed $id",
                        "Sample.v1.json", "Sample.v2.json",
                        "/$id", "$id changed from"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedChanges")
    void aChangeThatCouldMakeAReleasedPayloadInvalidIsRefusedNamingWhereAndWhat(String change, String released,
            String changed, String pointer, String what) {
        List<SchemaEvolution.Change> changes = changes(released, changed);

        if (pointer.equals("-")) {
            // integer -> number is a widening; number -> integer (the reverse pair) narrows.
            List<SchemaEvolution.Change> reverse = SchemaEvolution.compare(json(apply(released, changed)),
                    json(BASELINE));
            assertThat(SchemaEvolution.refused(reverse)).singleElement()
                    .satisfies(c -> assertThat(c.what()).contains("type changed from \"number\" to \"integer\""));
            return;
        }
        assertThat(SchemaEvolution.refused(changes)).as(change).singleElement().satisfies(c -> {
            assertThat(c.pointer()).isEqualTo(pointer);
            assertThat(c.what()).contains(what);
        });
    }

    @Test
    void anAbsentAdditionalPropertiesClosedIsRefusedBecauseAbsentMeansOpen() {
        String open = BASELINE.replace("\"additionalProperties\": true,", "");
        String closed = BASELINE.replace("\"additionalProperties\": true", "\"additionalProperties\": false");

        assertThat(SchemaEvolution.refused(SchemaEvolution.compare(json(open), json(closed))))
                .extracting(SchemaEvolution.Change::pointer).containsExactly("/additionalProperties");
    }

    @Test
    void aNewRequiredPropertyIsRefusedAtRequiredAndNotCountedAsAnOptionalOne() {
        String withRequiredChannel = BASELINE
                .replace("\"note\": {\"type\": \"string\"}", "\"note\": {\"type\": \"string\"}, \"channel\": {}")
                .replace("\"cadence\", \"at\"]", "\"cadence\", \"at\", \"channel\"]");

        List<SchemaEvolution.Change> changes = SchemaEvolution.compare(json(BASELINE), json(withRequiredChannel));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.allowed()).isFalse();
            assertThat(c).hasToString("/required: 'channel' newly required: a released payload without it is now"
                    + " invalid");
        });
    }

    @Test
    void everyChangeIsNamedNotOnlyTheFirst() {
        String changed = BASELINE.replace("\"maxLength\": 80", "\"maxLength\": 40")
                .replace("[\"DAILY\", \"WEEKLY\"]", "[\"DAILY\"]")
                .replace("\"note\": {\"type\": \"string\"},", "");

        assertThat(SchemaEvolution.refused(SchemaEvolution.compare(json(BASELINE), json(changed))))
                .extracting(SchemaEvolution.Change::pointer)
                .containsExactlyInAnyOrder("/properties/name/maxLength", "/properties/cadence/enum",
                        "/properties/note");
    }

    @Test
    void pointersEscapeSlashesAndTildesInPropertyNames() {
        String released = BASELINE.replace("\"note\": {", "\"a/b~c\": {");
        String changed = released.replace("\"a/b~c\": {\"type\": \"string\"},", "");

        assertThat(SchemaEvolution.refused(SchemaEvolution.compare(json(released), json(changed))))
                .extracting(SchemaEvolution.Change::pointer).containsExactly("/properties/a~1b~0c");
    }

    /** A schema change: its name, the text of the baseline replaced, by what, and the change expected. */
    private static Arguments row(String change, String released, String changed, String pointer, String what) {
        return Arguments.of(change, released, changed, pointer, what);
    }

    private static List<SchemaEvolution.Change> changes(String released, String changed) {
        return SchemaEvolution.compare(json(BASELINE), json(apply(released, changed)));
    }

    /** The baseline with one text replaced ({@code '} standing for {@code "}), refusing a text not in it. */
    private static String apply(String released, String changed) {
        String from = released.strip().replace('\'', '"');
        String to = changed.strip().equals("''") ? "" : changed.strip().replace('\'', '"');
        assertThat(BASELINE).as("the baseline holds the text to change").contains(from);
        return BASELINE.replace(from, to);
    }

    private static JsonNode json(String text) {
        try {
            return ContractFiles.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
