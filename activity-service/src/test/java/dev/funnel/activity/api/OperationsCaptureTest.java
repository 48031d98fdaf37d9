package dev.funnel.activity.api;

import static dev.funnel.activity.api.ActivityServiceTestSupport.defineTechnique;
import static dev.funnel.activity.api.ActivityServiceTestSupport.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.ManagementInterface;
import dev.funnel.testing.OperationsCapture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Captures this service's real metrics, health paths and configuration names for deploy/checks, which fails the
 * build when an alert, a dashboard or a Deployment uses something the service does not have.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class OperationsCaptureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void metricsProbesAndSettingsAreCapturedAfterAnActivityWasPublished() {
        String slug = uniqueSlug("capture");
        defineTechnique(slug, "DAILY");
        given().contentType(ContentType.JSON)
                .body("{\"technique\":\"" + slug + "\",\"performedOn\":\"" + LocalDate.now(ZoneOffset.UTC)
                        + "\",\"minutesSpent\":30}")
                .post("/activities")
                .then().statusCode(201);

        // The labelled counters exist only once counted: wait for the relay to have published.
        String metrics = await().atMost(PATIENCE).until(OperationsCaptureTest::scrape, scrape ->
                scrape.contains("funnel_outbox_published_total{topic=\"funnel.marketing-activities.v1\"}")
                        && scrape.contains("funnel_activities_logged_total{technique=\"" + slug + "\"}"));
        List<String> healthUp = await().atMost(PATIENCE).until(OperationsCaptureTest::healthPathsUp,
                up -> up.size() == OperationsCapture.HEALTH_PATHS.size());

        OperationsCapture.write("activity-service", metrics, healthUp, ConfigProvider.getConfig().getPropertyNames());
    }

    private static String scrape() {
        return ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static List<String> healthPathsUp() {
        return OperationsCapture.HEALTH_PATHS.stream()
                .filter(path -> ManagementInterface.given().get(path).statusCode() == 200)
                .toList();
    }
}
