package dev.funnel.prospect.api;

import static dev.funnel.prospect.api.ProspectTestSupport.registerHunted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bodies that are not quite what the API asks for are refused with a 400 naming the field, never coerced into
 * something the client did not send, never a 500 and never stored.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class StrictInputTest {

    /** Sends exactly the headers and bytes given: RestAssured would add a Content-Type of its own. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/prospects")
    URI prospects;

    @Test
    void malformedJsonIsRefusedSayingWhere() {
        register("{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\"")
                .body("violations.field", contains("owner"))
                .body("violations.in", contains("body"))
                .body("detail", containsString("line 1, column"));
        register("this is not json")
                .body("violations.field", contains("body"))
                .body("detail", containsString("line 1, column"));
    }

    @Test
    void invalidUtf8IsRefusedNamingTheField() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"displayName\":\"A".getBytes(StandardCharsets.UTF_8));
        body.write(0xff);
        body.writeBytes("\",\"source\":\"SALES\",\"owner\":\"sam\"}".getBytes(StandardCharsets.UTF_8));

        given().contentType(ContentType.JSON).body(body.toByteArray()).post("/prospects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("displayName"));
    }

    @Test
    void aFieldGivenTwiceIsRefusedAndNothingIsStored() {
        UUID id = UUID.randomUUID();

        register("{\"id\":\"" + id + "\",\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\","
                + "\"owner\":\"alex\"}")
                .body("violations.field", contains("owner"));
        given().get("/prospects/" + id).then().statusCode(404);
    }

    @Test
    void contentAfterTheBodyIsRefused() {
        String body = "{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\"}";

        register(body + " trailing").body("violations.field", contains("body"));
        register(body + " {}").body("violations.field", contains("body"));
        register(body + " 1").body("violations.field", contains("body"));
    }

    @Test
    void numbersOutOfRangeAreNamed() {
        for (String number : new String[] {"9223372036854775808", "-9223372036854775809", "1e400", "-1e400"}) {
            register("{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\",\"estimatedValueMinor\":"
                    + number + "}")
                    .body("violations.field", contains("estimatedValueMinor"));
            step(registerHunted("sam"), "win", "{\"valueMinor\":" + number + "}")
                    .body("violations.field", contains("valueMinor"));
        }
    }

    @Test
    void aNumberBeyondTheParsersLimitIsRefused() {
        register("{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\",\"estimatedValueMinor\":1"
                + "0".repeat(1500) + "}")
                .body("violations.field", contains("estimatedValueMinor"))
                .body("violations.message", contains(containsString("too large")));
    }

    @Test
    void aFractionIsNotRoundedToAWholeNumber() {
        UUID id = registerHunted("sam");

        step(id, "win", "{\"valueMinor\":1.5}").body("violations.field", contains("valueMinor"));
        step(id, "win", "{\"valueMinor\":1.0}").body("violations.field", contains("valueMinor"));
        register("{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\",\"estimatedValueMinor\":2.5}")
                .body("violations.field", contains("estimatedValueMinor"));
        given().get("/prospects/" + id).then().statusCode(200).body("stage", equalTo("FOUND"));
    }

    @Test
    void numbersAreNotTakenForChoicesTextOrNumbersInQuotes() {
        UUID id = registerHunted("sam");

        register("{\"displayName\":\"A\",\"source\":0,\"owner\":\"sam\"}")
                .body("violations.field", contains("source"));
        step(id, "lose", "{\"reason\":1}").body("violations.field", contains("reason"));
        register("{\"displayName\":true,\"source\":\"SALES\",\"owner\":\"sam\"}")
                .body("violations.field", contains("displayName"));
        register("{\"displayName\":42,\"source\":\"SALES\",\"owner\":\"sam\"}")
                .body("violations.field", contains("displayName"));
        register("{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\",\"currency\":978}")
                .body("violations.field", contains("currency"));
        step(id, "contact", "{\"by\":7}").body("violations.field", contains("by"));
        register("{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\",\"estimatedValueMinor\":\"5\"}")
                .body("violations.field", contains("estimatedValueMinor"));
        step(id, "win", "{\"valueMinor\":\"100\"}").body("violations.field", contains("valueMinor"));
        register("{\"id\":\"\",\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\"}")
                .body("violations.field", contains("id"));
        given().get("/prospects/" + id).then().statusCode(200).body("stage", equalTo("FOUND"));
    }

    @Test
    void anInstantMustBeAnIsoStringNotANumber() {
        UUID id = registerHunted("sam");

        for (String instant : new String[] {"1e400", "-1e400", "1767225600", "\"1767225600\"", "\"\""}) {
            register("{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\",\"foundAt\":" + instant + "}")
                    .body("violations.field", contains("foundAt"));
            step(id, "contact", "{\"by\":\"sam\",\"at\":" + instant + "}").body("violations.field", contains("at"));
        }
        given().get("/prospects/" + id).then().statusCode(200).body("stage", equalTo("FOUND"));
    }

    @Test
    void anInstantBefore2000IsRefused() {
        for (String foundAt : new String[] {
            "-5000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "1999-12-31T23:59:59Z"}) {
            register("{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\",\"foundAt\":\"" + foundAt + "\"}")
                    .body("violations.field", contains("foundAt"))
                    .body("violations.message", contains(containsString("2000-01-01T00:00:00Z")));
        }

        given().contentType(ContentType.JSON)
                .body("{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\","
                        + "\"foundAt\":\"2000-01-01T00:00:00Z\"}")
                .post("/prospects").then().statusCode(201);
    }

    @Test
    void anUnpairedSurrogateIsRefusedSoAReplayStaysIdentical() {
        UUID id = UUID.randomUUID();

        register("{\"id\":\"" + id + "\",\"displayName\":\"a\\ud800b\",\"source\":\"SALES\",\"owner\":\"sam\"}")
                .body("violations.field", contains("displayName"))
                .body("violations.message", contains(containsString("unpaired surrogate")));
        register("{\"id\":\"" + id + "\",\"displayName\":\"A\",\"company\":\"x\\udc00\",\"source\":\"SALES\","
                + "\"owner\":\"sam\"}")
                .body("violations.field", contains("company"));
        given().get("/prospects/" + id).then().statusCode(404);

        // A proper pair (an emoji) is text like any other, and a replay of it is the same prospect.
        String withEmoji = "{\"id\":\"" + id + "\",\"displayName\":\"Jo \\ud83d\\ude00\",\"source\":\"SALES\","
                + "\"owner\":\"sam\"}";
        given().contentType(ContentType.JSON).body(withEmoji).post("/prospects").then().statusCode(201)
                .body("displayName", equalTo("Jo \ud83d\ude00"));
        given().contentType(ContentType.JSON).body(withEmoji).post("/prospects").then().statusCode(200);
    }

    @Test
    void theNulCharacterIsStillRefusedWithItsOwnMessage() {
        register("{\"displayName\":\"A\",\"company\":\"B\\u0000C\",\"source\":\"SALES\",\"owner\":\"sam\"}")
                .body("violations.field", contains("company"))
                .body("violations.message", contains(containsString("NUL")));
    }

    @Test
    void anInstantFinerThanMicrosecondsIsRefusedInsteadOfBreakingTheReplay() {
        UUID id = UUID.randomUUID();

        // The store keeps microseconds: stored, this would differ from the one sent and an identical retry be a 409.
        register("{\"id\":\"" + id + "\",\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\","
                + "\"foundAt\":\"2026-11-01T10:00:00.123456789Z\"}")
                .body("violations.field", contains("foundAt"));
        given().get("/prospects/" + id).then().statusCode(404);
        step(registerHunted("sam"), "contact", "{\"by\":\"sam\",\"at\":\"2026-11-01T10:00:00.000000001Z\"}")
                .body("violations.field", contains("at"));
    }

    @Test
    void aLeapSecondIsRefusedRatherThanReadAsTheSecondBefore() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\","
                        + "\"foundAt\":\"2016-12-31T00:00:00Z\"}")
                .post("/prospects").then().statusCode(201);

        step(id, "contact", "{\"by\":\"sam\",\"at\":\"2016-12-31T23:59:60Z\"}")
                .body("violations.field", contains("at"));
        step(id, "win", "{\"valueMinor\":5,\"at\":\"2016-12-31T23:59:60Z\"}")
                .body("violations.field", contains("at"));
        register("{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\","
                + "\"foundAt\":\"2016-12-31T23:59:60Z\"}")
                .body("violations.field", contains("foundAt"));
        given().get("/prospects/" + id).then().statusCode(200).body("stage", equalTo("FOUND"));
    }

    @Test
    void aChoiceWithControlCharactersAroundItIsNoChoice() {
        UUID id = registerHunted("sam");

        register("{\"displayName\":\"A\",\"source\":\"SALES\\u0000\",\"owner\":\"sam\"}")
                .body("violations.field", contains("source"));
        register("{\"displayName\":\"A\",\"source\":\"\\tSALES\",\"owner\":\"sam\"}")
                .body("violations.field", contains("source"));
        step(id, "lose", "{\"reason\":\"NO_RESPONSE\\t\"}").body("violations.field", contains("reason"));
        given().get("/prospects/" + id).then().statusCode(200).body("stage", equalTo("FOUND"));
    }

    @Test
    void aBodyWithoutContentTypeIsRefusedWith415() throws Exception {
        UUID id = UUID.randomUUID();

        HttpResponse<String> answer = send(HttpRequest.newBuilder(prospects)
                .POST(BodyPublishers.ofString(ProspectTestSupport.hunted(id, "sam"))));

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"field\":\"Content-Type\"");
        given().get("/prospects/" + id).then().statusCode(404);
    }

    @Test
    void aBodyInUtf16IsRefusedWith415EvenWhenItDoesNotSaySo() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] utf16 = ProspectTestSupport.hunted(id, "sam").getBytes(StandardCharsets.UTF_16LE);

        for (String type : new String[] {"application/json", "application/json; charset=UTF-16LE"}) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(prospects)
                    .header("Content-Type", type)
                    .POST(BodyPublishers.ofByteArray(utf16)));

            assertThat(answer.statusCode()).as(type).isEqualTo(415);
            assertThat(answer.body()).contains("\"field\":\"Content-Type\"");
        }
        given().get("/prospects/" + id).then().statusCode(404);
    }

    private static ValidatableResponse register(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/prospects")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static ValidatableResponse step(UUID id, String step, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/prospects/" + id + "/" + step)
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** With the token RestAssured's requests carry by default, so that only the body decides the answer. */
    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        request.header("Authorization", "Bearer " + TestTokens.of(TestTokens.OWNER, TestTokens.EVERY_ROLE));
        return HTTP.send(request.build(), BodyHandlers.ofString());
    }
}
