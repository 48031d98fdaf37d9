package dev.funnel.prospect.api;

import static dev.funnel.prospect.api.ProspectTestSupport.registerHunted;
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
import java.util.UUID;
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
        UUID prospect = registerHunted("sam");
        await().atMost(DELIVERY).until(() -> !records(prospect).isEmpty());
        ConsumerRecord<String, byte[]> found = records(prospect).get(0);

        assertThat(KafkaTestClient.header(found, "ce_dataschema"))
                .isEqualTo("http://prospect-service:8082/schemas/ProspectFound.v1.json");
        given().auth().none().get(EventContract.dataSchemaPath(found))
                .then().statusCode(200)
                .contentType("application/schema+json")
                .body("$id", equalTo(EventType.PROSPECT_FOUND.dataSchema().toString()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = EventType.class, names = {"PROSPECT_FOUND", "PROSPECT_CONTACTED", "PROSPECT_WON",
        "PROSPECT_LOST"})
    void everySchemaThisServicePublishesIsServed(EventType type) {
        given().auth().none().get("/schemas/" + type.schemaFileName())
                .then().statusCode(200).body("$id", equalTo(type.dataSchema().toString()));
    }

    private List<ConsumerRecord<String, byte[]>> records(UUID prospect) {
        return kafka.readAll(Topics.PROSPECTS, prospect.toString());
    }
}
