package dev.funnel.prospect.api;

import static dev.funnel.prospect.api.ProspectTestSupport.registerHunted;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class OperationsTest {

    @Inject
    DataSource dataSource;

    @Test
    void foundProspectsAreCountedBySourceAndOpenOnesByStage() throws SQLException {
        double salesBefore = metric("funnel_prospects_found_total{source=\"SALES\"}");
        // From the database, not the gauge: the gauge is refreshed only every second, so right after another
        // class contacted a prospect it still shows the count from before, and "before + 1" would never come.
        long contactedBefore = contactedInDatabase();
        UUID id = registerHunted("sam");
        given().contentType(ContentType.JSON).body("{\"by\":\"sam\"}").post("/prospects/" + id + "/contact")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                metric("funnel_prospects_found_total{source=\"SALES\"}") == salesBefore + 1
                        && metric("funnel_prospects_open{stage=\"CONTACTED\"}") == contactedBefore + 1);
        ManagementInterface.given().get("/q/metrics")
                .then().body(containsString("funnel_prospects_found_total{source=\"MARKETING\"}"));
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        ManagementInterface.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database",
                        "Kafka"));
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        ManagementInterface.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/prospects/{id}/win"))
                .body(containsString("/prospects/{id}/personal-data"));
    }

    @Test
    void healthMetricsOpenApiAndSwaggerUiAreOnlyOnTheManagementPort() {
        for (String path : new String[] {"/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            ManagementInterface.given().get(path).then().statusCode(200);
            given().auth().none().get(path).then().statusCode(404);
        }
    }

    /** What the gauge reports once refreshed: the same query as ProspectMetrics, for CONTACTED. */
    private long contactedInDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select count(*) from prospect where stage = 'CONTACTED'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static double metric(String series) {
        String scrape = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0.0);
    }
}
