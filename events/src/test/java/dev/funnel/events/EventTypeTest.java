package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalog: one event type per record, with its topic, CloudEvents type and schema. */
class EventTypeTest {

    @Test
    void everyEventRecordHasExactlyOneEventType() {
        assertThat(Arrays.stream(EventType.values()).<Class<?>>map(EventType::recordClass))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(FunnelEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void namesFollowTheCatalogConventions(EventType type) {
        String eventName = type.recordClass().getSimpleName();

        assertThat(type.eventName()).isEqualTo(eventName);
        assertThat(type.ceType()).isEqualTo("dev.funnel." + eventName + ".v1");
        assertThat(type.schemaResource()).isEqualTo("schemas/" + eventName + ".v1.json");
        assertThat(type.dataSchema()).hasToString("https://funnel.dev/schemas/" + eventName + ".v1.json");
        assertThat(type.name()).isEqualTo(eventName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void schemaResourceShipsInTheJarWithTheDataSchemaAsItsId(EventType type) {
        assertThat(ContractFiles.resourceExists(type.schemaResource())).isTrue();
        assertThat(ContractFiles.schemaDocument(type).path("$id").asText()).isEqualTo(type.dataSchema().toString());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void theSchemaLocationIsItsFileUnderTheBaseAProducerServesItFrom(EventType type) {
        String file = type.eventName() + ".v1.json";

        assertThat(type.schemaFileName()).isEqualTo(file);
        assertThat(type.dataSchema(URI.create("http://prospect-service:8082/schemas/")))
                .hasToString("http://prospect-service:8082/schemas/" + file);
        assertThat(type.dataSchema(URI.create("https://funnel.example.org/contract/schemas")))
                .as("a base without its final slash")
                .hasToString("https://funnel.example.org/contract/schemas/" + file);
    }

    @Test
    void aSchemaLocationNeedsAnAbsoluteBase() {
        for (String base : new String[] {"/schemas/", "schemas/", "urn:funnel:schemas"}) {
            assertThatThrownBy(() -> EventType.PROSPECT_WON.dataSchema(URI.create(base)))
                    .as(base).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute URI");
        }
        assertThatThrownBy(() -> EventType.PROSPECT_WON.dataSchema(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void fromCeTypeAndOfFindEveryType(EventType type) {
        assertThat(EventType.fromCeType(type.ceType())).contains(type);
        assertThat(EventType.of(type.recordClass())).isSameAs(type);
    }

    @Test
    void fromCeTypeFindsNothingForAnUnknownOrMissingType() {
        assertThat(EventType.fromCeType("dev.funnel.ProspectFound.v2")).isEmpty();
        assertThat(EventType.fromCeType("")).isEmpty();
        assertThat(EventType.fromCeType(null)).isEmpty();
    }

    @Test
    void ofRefusesAClassThatIsNotAnEventRecord() {
        assertThatThrownBy(() -> EventType.of(String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventType.of(FunnelEvent.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsAreOnTheTopicOfTheirStream() {
        assertThat(EventType.MARKETING_TECHNIQUE_DEFINED.topic()).isEqualTo(Topics.MARKETING_ACTIVITIES);
        assertThat(EventType.MARKETING_ACTIVITY_LOGGED.topic()).isEqualTo(Topics.MARKETING_ACTIVITIES);
        assertThat(EventType.PROSPECT_FOUND.topic()).isEqualTo(Topics.PROSPECTS);
        assertThat(EventType.PROSPECT_CONTACTED.topic()).isEqualTo(Topics.PROSPECTS);
        assertThat(EventType.PROSPECT_WON.topic()).isEqualTo(Topics.PROSPECTS);
        assertThat(EventType.PROSPECT_LOST.topic()).isEqualTo(Topics.PROSPECTS);
        assertThat(EventType.OBJECTION_RAISED.topic()).isEqualTo(Topics.OBJECTIONS);
        assertThat(EventType.OBJECTION_RESOLVED.topic()).isEqualTo(Topics.OBJECTIONS);
    }

    @Test
    void everyTopicCarriesSomeEventAndNoEventIsOnAnUnlistedTopic() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic).distinct())
                .containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void deadLetterTopicIsTheTopicWithTheDlqSuffix() {
        assertThat(Topics.deadLetterTopicOf(Topics.PROSPECTS)).isEqualTo("funnel.prospects.v1.dlq");
        assertThat(Topics.all()).noneMatch(topic -> topic.endsWith(Topics.DLQ_SUFFIX));
    }

    @Test
    void cloudEventTypeConstantsAreExactlyTheCeTypesOfTheCatalog() throws IllegalAccessException {
        List<Object> constants = new ArrayList<>();
        for (Field field : CloudEventTypes.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())) {
                constants.add(field.get(null));
            }
        }

        assertThat(constants).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventType::ceType).toList());
    }

    @Test
    void typeOfAnEventIsTheTypeOfItsRecord() {
        assertThat(EventSamples.SALES_PROSPECT_FOUND.type()).isSameAs(EventType.PROSPECT_FOUND);
        assertThat(EventSamples.OBJECTION_RESOLVED.type()).isSameAs(EventType.OBJECTION_RESOLVED);
    }
}
