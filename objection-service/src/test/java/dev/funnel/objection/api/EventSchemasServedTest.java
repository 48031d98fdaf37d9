package dev.funnel.objection.api;

import static dev.funnel.objection.ObjectionServiceTestSupport.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.events.EventType;
import dev.funnel.objection.ObjectionServiceTestSupport;
import dev.funnel.testing.EventContract;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ce_dataschema of what this service publishes resolves: here, to anyone, as the events jar ships it. */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class EventSchemasServedTest {

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource dataSource;

    @Test
    void theDataSchemaOfARecordNamesThisServiceInTheClusterAndIsServedWithoutAToken() {
        ObjectionServiceTestSupport support = new ObjectionServiceTestSupport(kafka, dataSource);
        UUID prospectId = support.openProspect();
        given().contentType(ContentType.JSON)
                .body(ObjectionResourceTest.raise(null, prospectId, "PRICE", "Too dear", null))
                .post("/objections").then().statusCode(201);
        await().atMost(PATIENCE).until(() -> !support.objectionEvents(prospectId).isEmpty());
        ConsumerRecord<String, byte[]> raised = support.objectionEvents(prospectId).get(0);

        assertThat(KafkaTestClient.header(raised, "ce_dataschema"))
                .isEqualTo("http://objection-service:8083/schemas/ObjectionRaised.v1.json");
        given().auth().none().get(EventContract.dataSchemaPath(raised))
                .then().statusCode(200)
                .contentType("application/schema+json")
                .body("$id", equalTo(EventType.OBJECTION_RAISED.dataSchema().toString()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = EventType.class, names = {"OBJECTION_RAISED", "OBJECTION_RESOLVED"})
    void everySchemaThisServicePublishesIsServed(EventType type) {
        given().auth().none().get("/schemas/" + type.schemaFileName())
                .then().statusCode(200).body("$id", equalTo(type.dataSchema().toString()));
    }
}
