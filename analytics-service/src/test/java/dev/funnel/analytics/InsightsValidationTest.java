package dev.funnel.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import dev.funnel.testing.FunnelTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The insights refuse bad questions the way the funnel does: a 400 problem naming every invalid parameter. */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class InsightsValidationTest {

    @Test
    void rangesAreRequiredOnEveryEndpointThatTakesOne() {
        for (String path : List.of("/insights/consistency", "/insights/hunting-vs-farming", "/insights/harvest")) {
            refused(given().get(path))
                    .body("violations.field", contains("from", "to"))
                    .body("violations.in", everyItem(equalTo("query")))
                    .body("violations[0].message", equalTo("is required: a date as YYYY-MM-DD"));
        }
    }

    @Test
    void everyInvalidParameterIsNamedAtOnce() {
        refused(given().queryParam("from", "2026-02-30").queryParam("to", "soon").queryParam("asOf", "today")
                .get("/insights/consistency"))
                .body("detail", equalTo("3 query parameters are invalid"))
                .body("violations.field", contains("from", "to", "asOf"))
                .body("violations[2].message", equalTo("must be a date as YYYY-MM-DD but was 'today'"));
    }

    @Test
    void reversedAndOverlongRangesAreRefused() {
        refused(given().queryParam("from", "2026-02-01").queryParam("to", "2026-01-31")
                .get("/insights/hunting-vs-farming"))
                .body("violations.field", contains("to"))
                .body("violations[0].message", equalTo("must not be before from (2026-02-01)"));
        refused(given().queryParam("from", "2020-01-01").queryParam("to", "2025-01-01").get("/insights/harvest"))
                .body("violations.field", contains("to"))
                .body("violations[0].message", containsString("at most 5 years"));
        given().queryParam("from", "2020-01-01").queryParam("to", "2024-12-31").get("/insights/harvest")
                .then().statusCode(200);
    }

    @Test
    void asOfMustBeADate() {
        refused(given().queryParam("asOf", "2026-13-01").get("/insights/sprout-lag"))
                .body("violations.field", contains("asOf"));
    }

    @Test
    void thetaMustBeFromZeroToLessThanOne() {
        for (String theta : List.of("1", "1.0", "-0.1", "NaN", "Infinity", "a lot")) {
            refused(given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").queryParam("theta", theta)
                    .get("/insights/harvest"))
                    .body("violations.field", contains("theta"))
                    .body("violations[0].message",
                            equalTo("must be a number from 0 to less than 1 but was '" + theta + "'"));
        }
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").queryParam("theta", "0")
                .get("/insights/harvest").then().statusCode(200).body("theta", equalTo(0.0f));
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").queryParam("theta", "0.999")
                .get("/insights/harvest").then().statusCode(200);
    }

    private static ValidatableResponse refused(Response response) {
        return response.then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"));
    }
}
