package dev.funnel.activity.api;

import static dev.funnel.activity.api.ActivityServiceTestSupport.defineTechnique;
import static dev.funnel.activity.api.ActivityServiceTestSupport.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What this service gained from the shared HTTP layer ({@code platform/web}): where its own copy was looser,
 * the stricter rule now answers. Every refused request is checked to have stored nothing.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class SharedHttpLayerTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/activities")
    URI activities;

    private String slug;

    @BeforeEach
    void defineATechnique() {
        slug = uniqueSlug("shared");
        defineTechnique(slug, "DAILY");
    }

    @Test
    void aRepeatedQueryParameterIsRefusedNotHalfRead() {
        // JAX-RS would hand the resource size=10 and drop the second value without a word.
        given().urlEncodingEnabled(false).get("/activities?technique=" + slug + "&size=10&size=abc")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", contains("size"))
                .body("violations.in", contains("query"));
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupportedNotGuessedToBeJson() throws Exception {
        // java.net.http sends no Content-Type unless told; RestAssured always sends one.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(activities)
                        .header("Authorization", "Bearer " + TestTokens.of(TestTokens.OWNER, TestTokens.EVERY_ROLE))
                        .POST(HttpRequest.BodyPublishers.ofString(activity(UUID.randomUUID()))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM));
        assertThat(response.body()).contains("\"field\":\"Content-Type\"", "\"in\":\"header\"");
        assertNothingStored();
    }

    @Test
    void aUtf16BodyIsUnsupportedWhetherDeclaredOrNot() {
        byte[] body = activity(UUID.randomUUID()).getBytes(StandardCharsets.UTF_16LE);

        given().contentType("application/json").body(body)
                .post("/activities")
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("detail", containsString("UTF-16"));
        given().contentType("application/json; charset=UTF-16LE").body(body)
                .post("/activities")
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("violations.field", contains("Content-Type"));
        assertNothingStored();
    }

    @Test
    void everyBadListingParameterIsNamedInOneProblem() {
        given().queryParam("technique", "Not A Slug")
                .queryParam("from", "1999-12-31")
                .queryParam("to", "08/01/2026")
                .queryParam("page", "abc")
                .queryParam("size", "0")
                .get("/activities")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("detail", equalTo("5 query parameters are invalid"))
                .body("violations.field", containsInAnyOrder("technique", "from", "to", "page", "size"))
                .body("violations.in", everyItem(equalTo("query")));
    }

    @Test
    void aShortenedActivityIdIsNotFoundEvenWhenItsLongFormExists() {
        // Small groups, so the id has a shortened form: 0000000a-000b-... can also be written a-b-...
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int[] groups = {random.nextInt(1, 0xfff), random.nextInt(1, 0xff), random.nextInt(1, 0xff),
            random.nextInt(1, 0xff)};
        long last = random.nextLong(1, 0xffffffffL);
        String canonical = String.format("%08x-%04x-%04x-%04x-%012x", groups[0], groups[1], groups[2], groups[3],
                last);
        String shortened = String.format("%x-%x-%x-%x-%x", groups[0], groups[1], groups[2], groups[3], last);
        given().contentType(ContentType.JSON).body(activity(UUID.fromString(canonical)))
                .post("/activities").then().statusCode(201);

        given().get("/activities/" + canonical).then().statusCode(200).body("id", equalTo(canonical));
        given().get("/activities/" + shortened).then().statusCode(404)
                .contentType(PROBLEM)
                .body("detail", containsString("does not exist"));
    }

    @Test
    void anActivityIdInBase64IsRefusedNamingId() {
        UUID id = UUID.randomUUID();
        String base64 = Base64.getEncoder().encodeToString(ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
        String body = activity(id).replace(id.toString(), base64);

        given().contentType(ContentType.JSON).body(body)
                .post("/activities")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", contains("id"))
                .body("violations.in", contains("body"));
        given().get("/activities/" + id).then().statusCode(404);
        assertNothingStored();
    }

    @Test
    void aCadenceWithANulCharacterIsRefusedNotTrimmed() {
        String other = uniqueSlug("nul-cadence");

        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + other + "\",\"name\":\"Blog posts\",\"cadence\":\"DAILY\\u0000\"}")
                .post("/techniques")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", contains("cadence"))
                .body("violations.in", contains("body"));
        given().get("/techniques/" + other).then().statusCode(404);
    }

    private String activity(UUID id) {
        return ActivityResourceTest.activity(id, slug, "2026-01-05", 10, null, null, null);
    }

    private void assertNothingStored() {
        given().queryParam("technique", slug).get("/activities").then().statusCode(200).body("total", equalTo(0));
    }
}
