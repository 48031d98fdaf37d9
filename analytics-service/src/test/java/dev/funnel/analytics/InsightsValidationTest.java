package dev.funnel.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

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

    /** Every question about a range of days, funnel and insights alike. */
    private static final List<String> RANGE_QUERIES = List.of("/funnel", "/funnel/breakdown", "/funnel/objections",
            "/insights/consistency", "/insights/hunting-vs-farming", "/insights/harvest", "/insights/time-in-stage",
            "/insights/lost");

    @Test
    void rangesAreRequiredOnEveryEndpointThatTakesOne() {
        for (String path : List.of("/insights/consistency", "/insights/hunting-vs-farming", "/insights/harvest",
                "/insights/time-in-stage", "/insights/lost")) {
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
    void theConversionWindowIsAWholeNumberOfDaysUpToTenYears() {
        for (String window : List.of("0", "3651", "30.5", "a month", "-1")) {
            refused(given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31")
                    .queryParam("window", window).get("/insights/time-in-stage"))
                    .body("violations.field", contains("window"))
                    .body("violations[0].message", containsString("from 1 to 3650"));
        }
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").queryParam("window", "3650")
                .get("/insights/time-in-stage").then().statusCode(200).body("window", equalTo(3650));
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31")
                .get("/insights/time-in-stage").then().statusCode(200).body("window", equalTo(30));
    }

    @Test
    void everyRangeQueryAnswersThePreviousPeriodOfTheSameLengthWhenAsked() {
        for (String path : RANGE_QUERIES) {
            given().queryParam("from", "2026-02-01").queryParam("to", "2026-02-28").queryParam("by", "week")
                    .queryParam("compare", "Previous").get(path)
                    .then().statusCode(200)
                    .body("from", equalTo("2026-02-01"))
                    .body("previous.from", equalTo("2026-01-04"))
                    .body("previous.to", equalTo("2026-01-31"))
                    .body("deltas", notNullValue());
            given().queryParam("from", "2026-02-01").queryParam("to", "2026-02-28").queryParam("by", "week")
                    .get(path)
                    .then().statusCode(200)
                    .body("$", not(hasKey("previous")))
                    .body("$", not(hasKey("deltas")));
            refused(given().queryParam("from", "2026-02-01").queryParam("to", "2026-02-28").queryParam("by", "week")
                    .queryParam("compare", "last-year").get(path))
                    .body("violations.field", contains("compare"))
                    .body("violations[0].message", equalTo("must be previous but was 'last-year'"));
        }
    }

    @Test
    void asOfMustBeADate() {
        refused(given().queryParam("asOf", "2026-13-01").get("/insights/sprout-lag"))
                .body("violations.field", contains("asOf"));
    }

    @Test
    void datesOutsideTheSupportedYearsAreRefusedNamingTheParameter() {
        for (String path : List.of("/insights/consistency", "/insights/hunting-vs-farming", "/insights/harvest")) {
            for (String year : List.of("+999999999", "+300000", "+10000", "-5000", "0000", "1999")) {
                refused(given().queryParam("from", year + "-01-01").queryParam("to", year + "-01-02").get(path))
                        .body("violations.field", contains("from", "to"))
                        .body("violations[1].message", equalTo(
                                "must be a date from 2000-01-01 to 9999-12-31 but was '" + year + "-01-02'"));
            }
            given().queryParam("from", "2000-01-01").queryParam("to", "2000-01-02").get(path)
                    .then().statusCode(200);
            given().queryParam("from", "9999-12-30").queryParam("to", "9999-12-31").get(path)
                    .then().statusCode(200);
        }
        for (String asOf : List.of("+999999999-12-31", "+10000-01-01", "1999-12-31", "-0001-01-01")) {
            refused(given().queryParam("from", "2026-01-01").queryParam("to", "2026-02-01").queryParam("asOf", asOf)
                    .get("/insights/consistency"))
                    .body("violations.field", contains("asOf"))
                    .body("violations[0].message",
                            equalTo("must be a date from 2000-01-01 to 9999-12-31 but was '" + asOf + "'"));
            refused(given().queryParam("asOf", asOf).get("/insights/sprout-lag"))
                    .body("violations.field", contains("asOf"));
        }
        given().queryParam("asOf", "9999-12-31").get("/insights/sprout-lag").then().statusCode(200);
        given().queryParam("asOf", "2000-01-01").get("/insights/sprout-lag").then().statusCode(200);
        given().queryParam("from", "9999-12-01").queryParam("to", "9999-12-31").queryParam("asOf", "9999-12-31")
                .get("/insights/consistency").then().statusCode(200);
    }

    @Test
    void aNulInAnyParameterIsRefusedNamingIt() {
        refused(given().queryParam("from", "2026-01-01\u0000").queryParam("to", "2026-01-31")
                .queryParam("asOf", "\u0000").get("/insights/consistency"))
                .body("violations.field", contains("from", "asOf"));
        refused(given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31")
                .queryParam("theta", "0.5\u0000").get("/insights/harvest"))
                .body("violations.field", contains("theta"));
    }

    @Test
    void thetaMustBeFromZeroToLessThanOne() {
        // Java's parseDouble also reads hexadecimal and type suffixes, which no client means as a decimal number.
        for (String theta : List.of("1", "1.0", "-0.1", "NaN", "Infinity", "a lot", "1e400", "0x1p-3", "0.5d",
                "0.5f", "0.5 0.6")) {
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
