package dev.funnel.activity.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class OperationsTest {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        ManagementInterface.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database",
                        "Kafka"));
        ManagementInterface.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusSeesTheOutbox() {
        ManagementInterface.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("funnel_outbox_pending_events"))
                .body(containsString("funnel_outbox_oldest_pending_age_seconds"));
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        ManagementInterface.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/techniques"))
                .body(containsString("/activities/batch"));
    }

    @Test
    void healthMetricsAndOpenApiAreNotOnTheHttpPort() {
        for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"}) {
            given().get(path).then().statusCode(404);
        }
    }
}
