package dev.funnel.objection.api;

import static dev.funnel.objection.ObjectionServiceTestSupport.PATIENCE;
import static dev.funnel.objection.ObjectionServiceTestSupport.metric;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.funnel.objection.ObjectionServiceTestSupport;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class OperationsTest {

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource dataSource;

    @Test
    void readinessCoversTheDatabaseKafkaAndTheProspectConsumer() {
        await().atMost(PATIENCE).untilAsserted(() -> ManagementInterface.given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database",
                        "Kafka",
                        "SmallRye Reactive Messaging - readiness check",
                        "Prospect replica consumer")));
        ManagementInterface.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusSeesObjectionsTheReplicaAndTheOutbox() {
        ManagementInterface.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("funnel_objections_raised_total{category=\"PRICE\"}"))
                .body(containsString("funnel_objections_raised_total{category=\"OTHER\"}"))
                .body(containsString("funnel_objections_resolved_total{category=\"TRUST\"}"))
                .body(containsString("funnel_prospect_events_dead_lettered_total"))
                .body(containsString("funnel_prospect_events_deduplicated_total"))
                .body(containsString("funnel_prospect_replica_lag_records"))
                .body(containsString("funnel_outbox_pending_events"))
                .body(containsString("funnel_outbox_oldest_pending_age_seconds"));
    }

    @Test
    void theReplicaLagFallsToZeroOnceTheConsumerCaughtUp() {
        ObjectionServiceTestSupport support = new ObjectionServiceTestSupport(kafka, dataSource);
        support.openProspect();

        await().atMost(PATIENCE).until(() -> metric("funnel_prospect_replica_lag_records") == 0.0);
        await().atMost(PATIENCE).until(
                () -> metric("funnel_prospect_events_consumed_total{type=\"ProspectFound\"}") >= 1.0);
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        ManagementInterface.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/objections/{id}/resolve"))
                .body(containsString("/objections/playbook"));
    }
}
