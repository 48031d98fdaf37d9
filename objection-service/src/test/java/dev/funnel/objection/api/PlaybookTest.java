package dev.funnel.objection.api;

import static dev.funnel.objection.ObjectionServiceTestSupport.won;
import static dev.funnel.objection.api.ObjectionResourceTest.raiseOne;
import static dev.funnel.objection.api.ObjectionResourceTest.resolve;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.funnel.objection.ObjectionServiceTestSupport;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class PlaybookTest {

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource dataSource;

    private ObjectionServiceTestSupport support;

    @BeforeEach
    void support() {
        support = new ObjectionServiceTestSupport(kafka, dataSource);
    }

    @Test
    void bridgesThatWonProspectsComeFirstGroupedByTrimmedCaseFoldedText() {
        // Other tests resolve PRICE objections too: this test's bridges carry a tag and only they are compared.
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID first = support.openProspect();
        UUID second = support.openProspect();
        UUID third = support.openProspect();
        UUID fourth = support.openProspect();
        UUID fifth = support.openProspect();

        resolve(raiseOne(first, "PRICE"), "Offer a pilot " + tag).then().statusCode(200);
        resolve(raiseOne(second, "PRICE"), "  offer a PILOT " + tag.toUpperCase() + "  ").then().statusCode(200);
        resolve(raiseOne(third, "PRICE"), "Split the payment " + tag).then().statusCode(200);
        resolve(raiseOne(third, "PRICE"), "split the payment " + tag).then().statusCode(200);
        resolve(raiseOne(fourth, "PRICE"), "Split the payment " + tag).then().statusCode(200);
        resolve(raiseOne(fifth, "PRICE"), "Show the yearly saving " + tag).then().statusCode(200);
        resolve(raiseOne(fifth, "TIMING"), "Offer a pilot " + tag).then().statusCode(200);
        raiseOne(fourth, "PRICE");
        Instant wonAt = Instant.now().minusSeconds(30);
        support.awaitApplied(support.publish(won(first, wonAt)));
        support.awaitApplied(support.publish(won(second, wonAt)));
        support.awaitApplied(support.publish(won(fifth, wonAt)));

        JsonPath playbook = given().queryParam("category", "PRICE").queryParam("limit", 500)
                .get("/objections/playbook")
                .then().statusCode(200).extract().jsonPath();

        assertThat(playbook.getString("category")).isEqualTo("PRICE");
        List<Map<String, Object>> ours = playbook.<Map<String, Object>>getList("bridges").stream()
                .filter(bridge -> ((String) bridge.get("bridge")).toLowerCase().endsWith(tag))
                .toList();
        assertThat(ours).extracting(bridge -> ((String) bridge.get("bridge")).toLowerCase())
                .containsExactly("offer a pilot " + tag, "show the yearly saving " + tag, "split the payment " + tag);
        assertThat(ours).extracting(bridge -> bridge.get("timesUsed")).containsExactly(2, 1, 3);
        assertThat(ours).extracting(bridge -> bridge.get("prospectsWon")).containsExactly(2, 1, 0);
        assertThat(ours.get(0).get("bridge")).isEqualTo("offer a PILOT " + tag.toUpperCase());
    }

    /**
     * Case folding makes some text longer ("ß" becomes "ss") and many scripts take three or four bytes a
     * character: a bridge the API accepts must still be stored, indexed and grouped.
     */
    @Test
    void bridgesThatGrowWhenCaseFoldedOrTakeManyBytesAreResolvedAndGrouped() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String sharpS = "ß".repeat(2000);
        String cjk = "Pilot " + tag + " " + cjkCharacters(900);
        String emoji = "\uD83D\uDE42".repeat(1000);
        UUID prospect = support.openProspect();

        resolveWith(raiseOne(prospect, "AUTHORITY"), sharpS);
        resolveWith(raiseOne(prospect, "AUTHORITY"), sharpS);
        resolveWith(raiseOne(prospect, "AUTHORITY"), cjk);
        String latest = resolveWith(raiseOne(prospect, "AUTHORITY"), "  PILOT " + tag.toUpperCase() + " "
                + cjkCharacters(900) + "  ");
        resolveWith(raiseOne(prospect, "AUTHORITY"), emoji);

        List<Map<String, Object>> bridges = given().queryParam("category", "AUTHORITY").queryParam("limit", 500)
                .get("/objections/playbook")
                .then().statusCode(200).extract().jsonPath().getList("bridges");
        assertThat(bridges).filteredOn(bridge -> sharpS.equals(bridge.get("bridge")))
                .extracting(bridge -> bridge.get("timesUsed")).containsExactly(2);
        assertThat(bridges).filteredOn(bridge -> ((String) bridge.get("bridge")).toLowerCase().contains(tag))
                .extracting(bridge -> bridge.get("bridge"), bridge -> bridge.get("timesUsed"))
                .containsExactly(tuple(latest.strip(), 2));
        assertThat(bridges).filteredOn(bridge -> emoji.equals(bridge.get("bridge")))
                .extracting(bridge -> bridge.get("timesUsed")).containsExactly(1);
    }

    /** Resolves the objection with this bridge, sent as UTF-8, and checks it was stored as sent. */
    private static String resolveWith(String objectionId, String bridge) {
        given().contentType(ContentType.JSON)
                .body(("{\"bridge\":\"" + bridge + "\"}").getBytes(StandardCharsets.UTF_8))
                .post("/objections/" + objectionId + "/resolve")
                .then().statusCode(200);
        given().get("/objections/" + objectionId).then().statusCode(200).body("bridge", equalTo(bridge));
        return bridge;
    }

    /** Distinct CJK ideographs, three bytes each in UTF-8. */
    private static String cjkCharacters(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.appendCodePoint(0x4E00 + i);
        }
        return text.toString();
    }

    @Test
    void aMissingOrUnknownCategoryIsNamed() {
        given().get("/objections/playbook")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("category"));
        given().queryParam("category", "MONEY").get("/objections/playbook")
                .then().statusCode(400).body("violations.field", hasItem("category"));
        given().queryParam("category", "PRICE").queryParam("limit", 0).get("/objections/playbook")
                .then().statusCode(400).body("violations.field", hasItem("limit"));
    }
}
