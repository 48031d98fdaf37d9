package dev.funnel.objection.api;

import static dev.funnel.objection.api.ObjectionResourceTest.raise;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.objection.ObjectionServiceTestSupport;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The input rules the service takes from platform/web, where they are stricter than the service's own were:
 * each case here was accepted, or answered differently, before.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class SharedInputRulesTest {

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/objections")
    URI objections;

    private ObjectionServiceTestSupport support;

    @BeforeEach
    void support() {
        support = new ObjectionServiceTestSupport(KafkaTestClient.shared(), dataSource);
    }

    /** PostgreSQL keeps microseconds: a nanosecond instant was stored changed, and its identical retry got 409. */
    @Test
    void aRaisedAtFinerThanMicrosecondsIsRefusedAndOneInMicrosecondsReplays() {
        UUID prospectId = support.openProspect();
        UUID id = UUID.randomUUID();

        refused("/objections", raise(id, prospectId, "PRICE", "Too dear", "2026-11-01T10:00:00.123456789Z"),
                "raisedAt");
        String micros = raise(id, prospectId, "PRICE", "Too dear", "2026-11-01T10:00:00.123456Z");
        given().contentType(ContentType.JSON).body(micros).post("/objections").then().statusCode(201)
                .body("raisedAt", equalTo("2026-11-01T10:00:00.123456Z"));
        given().contentType(ContentType.JSON).body(micros).post("/objections").then().statusCode(200)
                .body("raisedAt", equalTo("2026-11-01T10:00:00.123456Z"));
        refused("/objections/" + id + "/resolve", "{\"bridge\":\"Pay monthly\","
                + "\"resolvedAt\":\"2026-11-02T10:00:00.000000001Z\"}", "resolvedAt");

        given().get("/objections/" + id).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    /** Jackson trimmed NUL, tabs and other control characters around an enum constant. */
    @Test
    void aCategoryWithANulOrATabIsRefusedNamingIt() {
        UUID prospectId = support.openProspect();

        refused("/objections", raise(null, prospectId, "PRICE\\u0000", "Too dear", null), "category");
        refused("/objections", raise(null, prospectId, "PRICE\\t", "Too dear", null), "category");
        refused("/objections", raise(null, prospectId, " PRICE", "Too dear", null), "category");

        given().queryParam("prospectId", prospectId.toString()).get("/objections").then().body("total", equalTo(0));
    }

    /** Jackson read Base64 and shortened UUIDs, so two texts named one objection. */
    @Test
    void anIdThatIsNoCanonicalUuidIsRefusedNamingIt() {
        UUID prospectId = support.openProspect();
        UUID id = UUID.randomUUID();
        String body = raise(id, prospectId, "PRICE", "Too dear", null);

        refused("/objections", body.replace(id.toString(), "AAAAAAAAAAAAAAAAAAAAAA=="), "id");
        refused("/objections", body.replace(id.toString(), "1-1-1-1-1"), "id");
        refused("/objections", body.replace(prospectId.toString(), "1-1-1-1-1"), "prospectId");

        given().queryParam("prospectId", prospectId.toString()).get("/objections").then().body("total", equalTo(0));
    }

    /** JAX-RS hands the resource the first value only: {@code size=10&size=abc} was read as 10. */
    @Test
    void aRepeatedQueryParameterIsRefusedNamingIt() {
        given().queryParam("size", "10", "abc").get("/objections")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("size"))
                .body("violations.in", contains("query"));
        given().urlEncodingEnabled(false).get("/objections/playbook?category=PRICE&category=NEED")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("category"));
    }

    /** Only the first bad parameter was named before; the client fixed them one request at a time. */
    @Test
    void everyBadListingParameterIsNamedInOneProblem() {
        given().queryParam("prospectId", "abc").queryParam("category", "MONEY").queryParam("status", "DONE")
                .queryParam("page", "-1").queryParam("size", "501")
                .get("/objections")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("5 query parameters"))
                .body("violations.field", containsInAnyOrder("prospectId", "category", "status", "page", "size"))
                .body("violations.in", contains("query", "query", "query", "query", "query"));
        given().queryParam("category", "MONEY").queryParam("limit", "0").get("/objections/playbook")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("category", "limit"));
        given().queryParam("limit", "0").get("/objections/playbook")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("category", "limit"));
    }

    /** Quarkus REST read a body without Content-Type as JSON anyway. */
    @Test
    void aBodyWithoutContentTypeIsUnsupported() throws IOException, InterruptedException {
        UUID prospectId = support.openProspect();
        UUID id = UUID.randomUUID();

        // RestAssured always sends a Content-Type with a body; the JDK's client sends none unless told to.
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(objections)
                        // Not RestAssured, so without the default token: the caller every test is by default.
                        .header("Authorization", "Bearer " + TestTokens.of(TestTokens.OWNER, TestTokens.EVERY_ROLE))
                        .POST(HttpRequest.BodyPublishers.ofString(raise(id, prospectId, "PRICE", "Too dear", null)))
                        .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonPath problem = JsonPath.from(response.body());
        assertThat(problem.getList("violations.field")).containsExactly("Content-Type");
        assertThat(problem.getList("violations.in")).containsExactly("header");
        given().get("/objections/" + id).then().statusCode(404);
    }

    /** Jackson sniffed UTF-16 and UTF-32 from the bytes; between systems JSON is UTF-8 (RFC 8259). */
    @Test
    void aBodyInUtf16IsUnsupported() {
        UUID prospectId = support.openProspect();
        UUID id = UUID.randomUUID();
        String body = raise(id, prospectId, "PRICE", "Too dear", null);

        given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_16LE)).post("/objections")
                .then().statusCode(415).contentType("application/problem+json")
                .body("violations.field", contains("Content-Type"));
        given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_16)).post("/objections")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType("application/json; charset=UTF-16").body(body.getBytes(StandardCharsets.UTF_16))
                .post("/objections")
                .then().statusCode(415).contentType("application/problem+json")
                .body("violations.field", contains("Content-Type"));

        given().get("/objections/" + id).then().statusCode(404);
    }

    /** UUID.fromString read {@code 1-1-1-1-...}, a second name for a stored id, which bodies do not accept. */
    @Test
    void aShortenedUuidInAPathIsNoSuchObjection() {
        UUID prospectId = support.openProspect();
        String node = UUID.randomUUID().toString().substring(24);
        String id = "00000001-0001-0001-0001-" + node;
        given().contentType(ContentType.JSON).body(raise(UUID.fromString(id), prospectId, "PRICE", "Too dear", null))
                .post("/objections").then().statusCode(201);

        given().get("/objections/" + id).then().statusCode(200);
        given().get("/objections/1-1-1-1-" + node)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("No such objection"));
        given().contentType(ContentType.JSON).body("{\"bridge\":\"Pay monthly\"}")
                .post("/objections/1-1-1-1-" + node + "/resolve")
                .then().statusCode(404).contentType("application/problem+json");

        given().get("/objections/" + id).then().body("status", equalTo("OPEN"));
    }

    /** Posts the body and expects a 400 problem that names exactly this field of the body. */
    private static ValidatableResponse refused(String path, String body, String field) {
        return given().contentType(ContentType.JSON).body(body).post(path)
                .then().log().ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains(field))
                .body("violations.in", contains("body"));
    }
}
