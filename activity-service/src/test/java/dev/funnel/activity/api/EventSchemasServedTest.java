package dev.funnel.activity.api;

import static dev.funnel.activity.api.ActivityServiceTestSupport.defineTechnique;
import static dev.funnel.activity.api.ActivityServiceTestSupport.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.events.EventType;
import dev.funnel.events.Topics;
import dev.funnel.testing.EventContract;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ce_dataschema of what this service publishes resolves: here, to anyone, as the events jar ships it. */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class EventSchemasServedTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void theDataSchemaOfARecordNamesThisServiceInTheClusterAndIsServedWithoutAToken() {
        String slug = uniqueSlug("schemas");
        defineTechnique(slug, "DAILY");
        await().atMost(DELIVERY).until(() -> !records(slug).isEmpty());
        ConsumerRecord<String, byte[]> defined = records(slug).get(0);

        assertThat(KafkaTestClient.header(defined, "ce_dataschema"))
                .isEqualTo("http://activity-service:8081/schemas/MarketingTechniqueDefined.v1.json");
        given().auth().none().get(EventContract.dataSchemaPath(defined))
                .then().statusCode(200)
                .contentType("application/schema+json")
                .body("$id", equalTo(EventType.MARKETING_TECHNIQUE_DEFINED.dataSchema().toString()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = EventType.class, names = {"MARKETING_TECHNIQUE_DEFINED", "MARKETING_ACTIVITY_LOGGED"})
    void everySchemaThisServicePublishesIsServed(EventType type) {
        given().auth().none().get("/schemas/" + type.schemaFileName())
                .then().statusCode(200).body("$id", equalTo(type.dataSchema().toString()));
    }

    private List<ConsumerRecord<String, byte[]>> records(String slug) {
        return kafka.readAll(Topics.MARKETING_ACTIVITIES, slug);
    }
}
