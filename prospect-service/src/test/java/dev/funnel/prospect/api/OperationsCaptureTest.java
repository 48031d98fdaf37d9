package dev.funnel.prospect.api;

import static dev.funnel.prospect.api.ProspectTestSupport.registerHunted;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.ManagementInterface;
import dev.funnel.testing.OperationsCapture;
import dev.funnel.testing.TestTokens;
import dev.funnel.web.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
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
    void metricsProbesAndSettingsAreCapturedAfterAProspectAndAQuotaWerePublished() {
        registerHunted("capture");
        given().auth().oauth2(TestTokens.of("capture-manager", Roles.MANAGER)).contentType(ContentType.JSON)
                .body("{\"customersTarget\":1}").put("/quotas/capture/2026-12").then().statusCode(201);

        // The labelled counters exist only once counted: wait for the relay to have published.
        String metrics = await().atMost(PATIENCE).until(OperationsCaptureTest::scrape, scrape ->
                scrape.contains("funnel_outbox_published_total{topic=\"funnel.prospects.v1\"}")
                        && scrape.contains("funnel_outbox_published_total{topic=\"funnel.sales-quotas.v1\"}")
                        && scrape.contains("funnel_prospects_found_total{source=\"SALES\"}")
                        && scrape.contains("funnel_prospects_open{stage=\"FOUND\"}"));
        List<String> healthUp = await().atMost(PATIENCE).until(OperationsCaptureTest::healthPathsUp,
                up -> up.size() == OperationsCapture.HEALTH_PATHS.size());

        OperationsCapture.write("prospect-service", metrics, healthUp, ConfigProvider.getConfig().getPropertyNames());
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
