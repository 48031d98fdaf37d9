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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad questions get a 400 problem naming every invalid query parameter, never a 404 or 500. */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class QueryValidationTest {

    @Test
    void missingDatesAreRefusedNamingBoth() {
        refused(given().get("/funnel"))
                .body("violations.field", contains("from", "to"))
                .body("violations.in", everyItem(equalTo("query")))
                .body("violations[0].message", containsString("is required"));
        refused(given().get("/funnel/objections")).body("violations.field", contains("from", "to"));
    }

    @Test
    void aParameterGivenTwiceIsRefusedRatherThanHalfRead() {
        refused(given().urlEncodingEnabled(false).get("/funnel?from=2026-01-01&to=2026-01-31&to=yesterday"))
                .body("violations.field", contains("to"))
                .body("violations[0].message", equalTo("is given 2 times; give it once"));
    }

    @Test
    void reversedDatesAreRefused() {
        refused(given().queryParam("from", "2026-02-01").queryParam("to", "2026-01-31").get("/funnel"))
                .body("violations.field", contains("to"))
                .body("violations[0].message", equalTo("must not be before from (2026-02-01)"));
    }

    @Test
    void malformedDatesAreRefused() {
        refused(given().queryParam("from", "2026-13-01").queryParam("to", "yesterday").get("/funnel"))
                .body("violations.field", contains("from", "to"))
                .body("violations[1].message", equalTo("must be a date as YYYY-MM-DD but was 'yesterday'"));
    }

    @Test
    void rangesOverFiveYearsAreRefused() {
        refused(given().queryParam("from", "2020-01-01").queryParam("to", "2025-01-01").get("/funnel"))
                .body("violations.field", contains("to"))
                .body("violations[0].message", containsString("at most 5 years"));
        given().queryParam("from", "2020-01-01").queryParam("to", "2024-12-31").get("/funnel")
                .then().statusCode(200);
    }

    @Test
    void datesOutsideTheSupportedYearsAreRefusedNamingTheParameter() {
        for (String path : List.of("/funnel", "/funnel/breakdown", "/funnel/objections")) {
            // Java reads these dates, but the range's arithmetic or PostgreSQL's timestamps cannot hold them.
            for (String year : List.of("+999999999", "+300000", "+10000", "-5000", "0000", "1999")) {
                refused(given().queryParam("by", "week").queryParam("from", year + "-01-01")
                        .queryParam("to", year + "-01-02").get(path))
                        .body("violations.field", contains("from", "to"))
                        .body("violations[0].message", equalTo(
                                "must be a date from 2000-01-01 to 9999-12-31 but was '" + year + "-01-01'"));
            }
            refused(given().queryParam("by", "week").queryParam("from", "1999-12-31")
                    .queryParam("to", "2000-01-01").get(path))
                    .body("violations.field", contains("from"));
            refused(given().queryParam("by", "week").queryParam("from", "9999-12-31")
                    .queryParam("to", "+10000-01-01").get(path))
                    .body("violations.field", contains("to"));
            given().queryParam("by", "week").queryParam("from", "2000-01-01").queryParam("to", "2000-01-02")
                    .get(path).then().statusCode(200);
            given().queryParam("by", "week").queryParam("from", "9999-12-30").queryParam("to", "9999-12-31")
                    .get(path).then().statusCode(200);
        }
    }

    @Test
    void aNulInAnyParameterIsRefusedNamingIt() {
        Map<String, String> valid = Map.of("from", "2026-01-01", "to", "2026-01-31", "by", "week",
                "source", "MARKETING", "technique", "blog", "owner", "ann");
        for (String parameter : valid.keySet()) {
            Map<String, String> query = new HashMap<>(valid);
            // Before and after a valid value: a NUL is no blank to be trimmed away.
            query.put(parameter, "\u0000" + valid.get(parameter) + "\u0000");
            refused(given().queryParams(query).get("/funnel/breakdown"))
                    .body("violations.field", contains(parameter));
        }
    }

    @Test
    void unknownEnumValuesAreRefusedListingTheKnownOnes() {
        refused(given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31")
                .queryParam("source", "REFERRAL").get("/funnel"))
                .body("violations.field", contains("source"))
                .body("violations[0].message", equalTo("must be one of MARKETING, SALES but was 'REFERRAL'"));
        refused(given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31")
                .queryParam("by", "month").get("/funnel/breakdown"))
                .body("violations.field", contains("by"))
                .body("violations[0].message",
                        equalTo("must be one of SOURCE, TECHNIQUE, OWNER, WEEK but was 'month'"));
    }

    @Test
    void aBreakdownNeedsItsGrouping() {
        refused(given().queryParam("from", "2026-01-01").get("/funnel/breakdown"))
                .body("violations.field", contains("by", "to"));
    }

    @Test
    void malformedFiltersAreRefused() {
        refused(given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31")
                .queryParam("technique", "Blog Posts").queryParam("owner", "Ann Smith").get("/funnel/objections"))
                .body("violations.field", contains("technique", "owner"));
    }

    private static ValidatableResponse refused(Response response) {
        return response.then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"));
    }
}
