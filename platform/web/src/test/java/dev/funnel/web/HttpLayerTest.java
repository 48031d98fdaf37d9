package dev.funnel.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every service gets from this library, through a stand-in resource ({@link EchoResource}). */
@QuarkusTest
class HttpLayerTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/echo")
    URI echo;

    @Test
    void aValidBodyIsReadAsWritten() {
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"0b9d6a4e-8f0e-4f0c-9a51-3c2d7e1f9a10\",\"name\":\"Anna\",\"currency\":\"EUR\","
                        + "\"technique\":\"weekly-blog\",\"cadence\":\"DAILY\",\"minutes\":5,"
                        + "\"at\":\"2026-01-05T09:30:00.123456Z\"}")
                .post("/echo")
                .then().statusCode(200)
                .body("name", equalTo("Anna"))
                .body("at", equalTo("2026-01-05T09:30:00.123456Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"minutes\":1.5}|minutes",
        "{\"minutes\":\"5\"}|minutes",
        "{\"name\":12}|name",
        "{\"cadence\":\"DAILY\\u0000\"}|cadence",
        "{\"cadence\":\" DAILY\"}|cadence",
        "{\"id\":\"EjRWeJASNFZ4kBI0VniQEg==\"}|id",
        "{\"id\":\"1-1-1-1-1\"}|id",
        "{\"at\":\"2026-11-01T10:00:00.123456789Z\"}|at",
        "{\"at\":\"2016-12-31T23:59:60Z\"}|at",
        "{\"at\":1767605400}|at",
        "{\"name\":\"a\",\"name\":\"b\"}|name",
        "{\"name\":\"a\\u0000b\"}|name",
        "{\"name\":\"\\ud800\"}|name",
        "{\"currency\":\"XYZ\"}|currency",
        "{\"technique\":\"Weekly Blog\"}|technique"})
    void aBodyThatDoesNotFitIsA400NamingTheField(String bodyAndField) {
        String[] parts = bodyAndField.split("\\|");
        given().contentType(ContentType.JSON).body(parts[0])
                .post("/echo")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(parts[1]));
    }

    @Test
    void aNumberTooLongToReadIsNamedByItsField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Anna\",\"minutes\":" + "9".repeat(1_500) + "}")
                .post("/echo")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("violations[0].field", equalTo("minutes"))
                .body("violations[0].message", containsString("is too large"));
    }

    @Test
    void aMalformedBodySaysWhereItBroke() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .post("/echo")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("violations[0].in", equalTo("body"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + "a".repeat(5_000) + "\"}")
                .post("/echo")
                .then().statusCode(413)
                .contentType(PROBLEM)
                .body("detail", equalTo("The request body is larger than the limit of 4096 bytes"));
    }

    @Test
    void aBodyWithoutContentTypeIsRefused() throws Exception {
        // java.net.http sends no Content-Type unless told; RestAssured always sends one.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(echo)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Anna\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).contains(PROBLEM);
        assertThat(response.body()).contains("\"field\":\"Content-Type\"", "\"in\":\"header\"", "not declared");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsRefused() {
        given().contentType(ContentType.TEXT).body("{\"name\":\"Anna\"}")
                .post("/echo")
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("violations[0].message", equalTo("must be application/json"));
    }

    @Test
    void aSheetIsTakenWhereAnEndpointTakesOneAndRefusedInWordsElsewhere() {
        given().contentType("text/csv; charset=UTF-8").body("\uFEFFname;minutes;cadence\nAnna;30;daily\n")
                .post("/echo/sheet")
                .then().statusCode(200)
                .body("[0].name", equalTo("Anna"))
                .body("[0].minutes", equalTo(30))
                .body("[0].cadence", equalTo("DAILY"));
        given().contentType("text/csv; charset=UTF-8").body("name,currency\nAnna,EURO\n")
                .post("/echo/sheet")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("violations[0].row", equalTo(2))
                .body("violations[0].column", equalTo("currency"));
        given().contentType("text/csv; charset=UTF-8").body("name\nAnna\n")
                .post("/echo")
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("violations[0].field", equalTo("Content-Type"))
                .body("violations[0].message", equalTo("must be application/json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-32BE"})
    void aBodyInAnotherEncodingIsRefusedWhetherDeclaredOrNot(String encoding) {
        byte[] body = "{\"name\":\"Anna\"}".getBytes(Charset.forName(encoding));
        given().contentType("application/json; charset=" + encoding).body(body)
                .post("/echo")
                .then().statusCode(415)
                .contentType(PROBLEM);
        given().contentType("application/json").body(body)
                .post("/echo")
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("detail", containsString("UTF-16 or UTF-32"));
    }

    @Test
    void everyInvalidQueryParameterIsNamedInOneProblem() {
        given().queryParam("id", "1-1-1-1-1").queryParam("technique", "Weekly Blog")
                .queryParam("cadence", "HOURLY").queryParam("from", "1999-12-31").queryParam("size", "0")
                .get("/echo")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("detail", equalTo("5 query parameters are invalid"))
                .body("violations.field", org.hamcrest.Matchers.contains("id", "technique", "cadence", "from",
                        "size"))
                .body("violations[2].message", equalTo("must be one of DAILY, WEEKDAYS, WEEKLY but was 'HOURLY'"))
                .body("violations[3].message",
                        equalTo("must be a date from 2000-01-01 to 9999-12-31 but was '1999-12-31'"));
    }

    @Test
    void oneInvalidQueryParameterIsNamedInTheDetail() {
        given().queryParam("size", "1.0")
                .get("/echo")
                .then().statusCode(400)
                .body("detail", equalTo("Query parameter size must be a whole number from 1 to 500"));
    }

    @Test
    void validQueryParametersAreRead() {
        given().queryParam("id", "0b9d6a4e-8f0e-4f0c-9a51-3c2d7e1f9a10").queryParam("cadence", "WEEKLY")
                .queryParam("from", "2026-01-05")
                .get("/echo")
                .then().statusCode(200)
                .body("cadence", equalTo("WEEKLY"))
                .body("from", equalTo("2026-01-05"))
                .body("size", equalTo(50));
    }

    @Test
    void aQueryParameterGivenTwiceIsRefusedNotHalfRead() {
        given().urlEncodingEnabled(false)
                .get("/echo?size=10&size=abc")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("violations[0].field", equalTo("size"))
                .body("violations[0].message", equalTo("is given 2 times; give it once"));
    }

    @Test
    void aDatabaseThatIsAwayIsA503WithRetryAfter() {
        given().contentType(ContentType.JSON).queryParam("sqlState", "08006")
                .post("/echo/failure")
                .then().statusCode(503)
                .contentType(PROBLEM)
                .header("Retry-After", "5")
                .body("title", equalTo("Service Unavailable"));
    }

    @Test
    void anyOtherFailureIsA500ProblemWithoutItsStory() {
        given().contentType(ContentType.JSON).post("/echo/failure")
                .then().statusCode(500)
                .contentType(PROBLEM)
                .body("title", equalTo("Internal Server Error"))
                .body(not(containsString("a bug")));
        given().contentType(ContentType.JSON).queryParam("sqlState", "42601")
                .post("/echo/failure")
                .then().statusCode(500);
    }
}
