package dev.funnel.activity.api;

import static dev.funnel.activity.api.ActivityServiceTestSupport.defineTechnique;
import static dev.funnel.activity.api.ActivityServiceTestSupport.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.funnel.testing.FunnelTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body is read as the client wrote it or refused with a 400 naming the field: never rounded, truncated,
 * converted or half read. Each refused activity carries its own id, so the test also sees nothing was stored.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class StrictJsonInputTest {

    private String slug;

    @BeforeEach
    void defineATechnique() {
        slug = uniqueSlug("strict");
        defineTechnique(slug, "DAILY");
    }

    @Test
    void numbersOutOfRangeAreNamed() {
        refused(fields("\"minutesSpent\":2147483648"), "minutesSpent")
                .body("violations[0].message", containsString("2147483647"));
        refused(fields("\"minutesSpent\":1,\"costMinor\":9223372036854775808"), "costMinor")
                .body("violations[0].message", containsString("9223372036854775807"));
        refused(fields("\"minutesSpent\":-9223372036854775809"), "minutesSpent");
        refused(fields("\"minutesSpent\":1e20"), "minutesSpent");
        refused(fields("\"minutesSpent\":1,\"costMinor\":1e400"), "costMinor");
    }

    @Test
    void aNumberOutOfRangeInABatchNamesTheItem() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String day = "2026-01-0" + (i + 1);
            items.add(ActivityResourceTest.activity(UUID.randomUUID(), slug, day, 10, 0L, null, null));
        }
        items.set(3, "{\"technique\":\"" + slug + "\",\"performedOn\":\"2026-01-04\",\"minutesSpent\":2147483648}");

        given().contentType(ContentType.JSON).body("{\"activities\":[" + String.join(",", items) + "]}")
                .post("/activities/batch")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("activities[3].minutesSpent"))
                .body("violations.in", contains("body"));
        given().queryParam("technique", slug).get("/activities").then().body("total", equalTo(0));
    }

    @Test
    void fractionsAreRefusedNotTruncated() {
        refused(fields("\"minutesSpent\":1.5"), "minutesSpent")
                .body("violations[0].message", containsString("whole number"));
        refused(fields("\"minutesSpent\":1.0"), "minutesSpent");
        refused(fields("\"minutesSpent\":1,\"costMinor\":1.5"), "costMinor");
        refused(fields("\"minutesSpent\":1,\"costMinor\":1.0e-400"), "costMinor");
    }

    @Test
    void textFieldsRefuseNumbersAndBooleans() {
        refused("{\"id\":\"" + UUID.randomUUID() + "\",\"technique\":123,\"performedOn\":\"2026-01-05\","
                + "\"minutesSpent\":1}", "technique");
        refused(fields("\"minutesSpent\":1,\"notes\":true"), "notes");
        refused(fields("\"minutesSpent\":1,\"currency\":978"), "currency");
        refused(fields("\"minutesSpent\":\"10\""), "minutesSpent");
    }

    @Test
    void aDayIsAnIsoDateAndNothingElse() {
        String id = UUID.randomUUID().toString();
        refused("{\"id\":\"" + id + "\",\"technique\":\"" + slug + "\",\"performedOn\":\"2026-01-05T00:00:00Z\","
                + "\"minutesSpent\":1}", "performedOn")
                .body("violations[0].message", containsString("YYYY-MM-DD"));
        refused("{\"id\":\"" + id + "\",\"technique\":\"" + slug + "\",\"performedOn\":20458,\"minutesSpent\":1}",
                "performedOn");
        refused("{\"id\":\"" + id + "\",\"technique\":\"" + slug + "\",\"performedOn\":[2026,1,5],"
                + "\"minutesSpent\":1}", "performedOn");
    }

    @Test
    void anEmptyIdIsRefusedNotReplacedByANewOne() {
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"\",\"technique\":\"" + slug + "\",\"performedOn\":\"2026-01-05\",\"minutesSpent\":1}")
                .post("/activities")
                .then().statusCode(400)
                .body("violations.field", contains("id"));
        given().queryParam("technique", slug).get("/activities").then().body("total", equalTo(0));
    }

    @Test
    void aDuplicateKeyIsRefusedNotOverwritten() {
        refused(fields("\"minutesSpent\":5000,\"minutesSpent\":1"), "minutesSpent")
                .body("violations[0].message", containsString("more than once"));

        String item = "{\"technique\":\"" + slug + "\",\"performedOn\":\"2026-01-05\",\"minutesSpent\":1,"
                + "\"minutesSpent\":2}";
        given().contentType(ContentType.JSON).body("{\"activities\":[" + item + "]}")
                .post("/activities/batch")
                .then().statusCode(400)
                .body("violations.field", contains("activities[0].minutesSpent"));
        given().queryParam("technique", slug).get("/activities").then().body("total", equalTo(0));
    }

    @Test
    void anythingAfterTheBodyIsRefused() {
        String body = fields("\"minutesSpent\":1");
        refused(body + " x", "body")
                .body("detail", containsString("line 1, column"));
        refused(body + "{}", "body");
        refused(body + "[", "body");
    }

    @Test
    void malformedJsonSaysWhatAndWhere() {
        refused("{\"technique\":\"" + slug + "\",\n\"minutesSpent\": }", "minutesSpent")
                .body("detail", containsString("line 2, column"));
        refused("{\"id\":\"" + UUID.randomUUID() + "\",\"notes\": \"unfinished", "notes")
                .body("detail", not(containsString("HTTP 400")));
        refused("nonsense", "body")
                .body("detail", containsString("line 1, column"));
        refused("{", "body")
                .body("detail", not(containsString("Source")));
    }

    @Test
    void invalidUtf8IsRefusedWithADetail() {
        byte[] prefix = ("{\"technique\":\"" + slug + "\",\"performedOn\":\"2026-01-05\",\"minutesSpent\":1,"
                + "\"notes\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = '"';
        body[prefix.length + 3] = '}';

        given().contentType("application/json").body(body)
                .post("/activities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("UTF-8"))
                .body("violations.field", contains("notes"));
        given().queryParam("technique", slug).get("/activities").then().body("total", equalTo(0));
    }

    @Test
    void anUnpairedSurrogateIsRefusedSoAReplayCannotConflict() {
        refused(fields("\"minutesSpent\":1,\"notes\":\"a\\ud800b\""), "notes")
                .body("violations[0].message", containsString("unpaired surrogate"));
        refused(fields("\"minutesSpent\":1,\"notes\":\"a\\udc00\""), "notes");

        // A correctly paired surrogate (an emoji) is text like any other, and a replay of it is a replay.
        String id = UUID.randomUUID().toString();
        String emoji = "{\"id\":\"" + id + "\",\"technique\":\"" + slug + "\",\"performedOn\":\"2026-01-05\","
                + "\"minutesSpent\":1,\"notes\":\"a\\ud83d\\ude00b\"}";
        given().contentType(ContentType.JSON).body(emoji).post("/activities").then().statusCode(201)
                .body("notes", equalTo("a\uD83D\uDE00b"));
        given().contentType(ContentType.JSON).body(emoji).post("/activities").then().statusCode(200);
    }

    /** A single activity with a fresh id and this test's technique; {@code fields} completes it. */
    private String fields(String fields) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"technique\":\"" + slug + "\","
                + "\"performedOn\":\"2026-01-05\"," + fields + "}";
    }

    /** Posts the activity, expects a 400 naming exactly this field, and checks that nothing was stored. */
    private ValidatableResponse refused(String body, String field) {
        ValidatableResponse response = given().contentType(ContentType.JSON).body(body)
                .post("/activities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains(field))
                .body("violations.in", contains("body"));
        given().queryParam("technique", slug).get("/activities").then().body("total", equalTo(0));
        return response;
    }
}
