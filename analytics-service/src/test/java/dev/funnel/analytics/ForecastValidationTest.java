package dev.funnel.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.testing.FunnelTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forecast refuses bad questions as the other insights do: a 400 problem naming every invalid parameter. */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ForecastValidationTest {

    private static final List<String> PATHS = List.of("/insights/forecast", "/insights/forecast/backtest");

    @Test
    void theHorizonIsThirtySixtyOrNinetyDays() {
        for (String path : PATHS) {
            for (String horizon : List.of("45", "0", "-30", "30.0", "thirty", "3e1", "90 days", "\u0000")) {
                refused(given().queryParam("horizonDays", horizon).get(path))
                        .body("violations.field", contains("horizonDays"))
                        .body("violations[0].in", equalTo("query"))
                        .body("violations[0].message", equalTo("must be 30, 60 or 90 but was '" + horizon + "'"));
            }
            for (String horizon : List.of("30", "60", " 90 ")) {
                given().queryParam("horizonDays", horizon).get(path).then().statusCode(200)
                        .body("horizonDays", equalTo(Integer.parseInt(horizon.strip())));
            }
            given().get(path).then().statusCode(200).body("horizonDays", equalTo(30));
        }
    }

    @Test
    void everyInvalidParameterIsNamedAtOnce() {
        refused(given().queryParam("asOf", "yesterday").queryParam("horizonDays", "7").queryParam("owner", "Ana!")
                .get("/insights/forecast"))
                .body("detail", equalTo("3 query parameters are invalid"))
                .body("violations.field", contains("asOf", "horizonDays", "owner"));
        refused(given().queryParam("asOf", "1999-12-31").queryParam("weeksAgo", "53").queryParam("horizonDays", "1")
                .get("/insights/forecast/backtest"))
                .body("violations.field", contains("asOf", "weeksAgo", "horizonDays"));
    }

    @Test
    void theBacktestLooksOneToFiftyTwoWeeksBack() {
        for (String weeks : List.of("0", "53", "-1", "many", "1.5", "99999999999")) {
            refused(given().queryParam("weeksAgo", weeks).get("/insights/forecast/backtest"))
                    .body("violations.field", contains("weeksAgo"));
        }
        given().queryParam("weeksAgo", "52").get("/insights/forecast/backtest").then().statusCode(200)
                .body("origins.size()", equalTo(52));
        given().get("/insights/forecast/backtest").then().statusCode(200).body("weeksAgo", equalTo(12));
    }

    @Test
    void theFirstAndLastSupportedDaysAreAnswered() {
        for (String asOf : List.of("2000-01-01", "9999-12-31")) {
            given().queryParam("asOf", asOf).queryParam("horizonDays", "90").get("/insights/forecast")
                    .then().statusCode(200);
            given().queryParam("asOf", asOf).queryParam("weeksAgo", "52").queryParam("horizonDays", "90")
                    .get("/insights/forecast/backtest").then().statusCode(200);
        }
    }

    private static ValidatableResponse refused(Response response) {
        return response.then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"));
    }
}
