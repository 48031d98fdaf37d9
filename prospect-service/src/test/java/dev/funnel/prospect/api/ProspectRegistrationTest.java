package dev.funnel.prospect.api;

import static dev.funnel.prospect.api.ProspectTestSupport.eventsFor;
import static dev.funnel.prospect.api.ProspectTestSupport.farmed;
import static dev.funnel.prospect.api.ProspectTestSupport.hunted;
import static dev.funnel.prospect.api.ProspectTestSupport.registerHunted;
import static dev.funnel.prospect.api.ProspectTestSupport.typesFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.events.CloudEventTypes;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ProspectRegistrationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void aHuntedProspectIsStoredAndPublishedWithoutPersonalData() {
        UUID id = UUID.randomUUID();

        given().contentType(ContentType.JSON).body(hunted(id, "sam.seller"))
                .post("/prospects")
                .then().statusCode(201)
                .header("Location", endsWith("/prospects/" + id))
                .body("stage", equalTo("FOUND"))
                .body("displayName", equalTo("Jo Baker"))
                .body("email", equalTo("jo@baker.example"));

        await().atMost(DELIVERY).until(() -> eventsFor(kafka, id).size() == 1);
        JsonNode found = eventsFor(kafka, id).get(0).payload();
        assertThat(eventsFor(kafka, id).get(0).type()).isEqualTo(CloudEventTypes.PROSPECT_FOUND);
        assertThat(found.get("prospectId").asText()).isEqualTo(id.toString());
        assertThat(found.get("source").asText()).isEqualTo("SALES");
        assertThat(found.has("technique")).isFalse();
        assertThat(found.get("owner").asText()).isEqualTo("sam.seller");
        assertThat(found.get("estimatedValueMinor").asLong()).isEqualTo(500000L);
        assertThat(found.get("currency").asText()).isEqualTo("USD");
        assertThat(found.toString()).doesNotContain("Baker").doesNotContain("baker.example").doesNotContain("555");
    }

    @Test
    void aFarmedProspectCarriesItsTechniqueAndDefaults() {
        UUID id = UUID.randomUUID();

        given().contentType(ContentType.JSON).body(farmed(id, "weekly-blog"))
                .post("/prospects")
                .then().statusCode(201)
                .body("technique", equalTo("weekly-blog"))
                .body("estimatedValueMinor", equalTo(0))
                .body("currency", equalTo("USD"));

        await().atMost(DELIVERY).until(() -> eventsFor(kafka, id).size() == 1);
        assertThat(eventsFor(kafka, id).get(0).payload().get("technique").asText()).isEqualTo("weekly-blog");
    }

    @Test
    void aTechniqueIsRequiredForMarketingAndRefusedForSales() {
        given().contentType(ContentType.JSON)
                .body("{\"displayName\":\"A\",\"source\":\"MARKETING\",\"owner\":\"maria\"}")
                .post("/prospects")
                .then().statusCode(400).body("violations.field", contains("technique"));
        given().contentType(ContentType.JSON)
                .body("{\"displayName\":\"A\",\"source\":\"SALES\",\"technique\":\"blog\",\"owner\":\"maria\"}")
                .post("/prospects")
                .then().statusCode(400).body("violations.field", contains("technique"));
    }

    @Test
    void everyInvalidFieldIsNamed() {
        String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        given().contentType(ContentType.JSON)
                .body("{\"displayName\":\"\",\"email\":\"not-an-email\",\"phone\":\"call me\",\"source\":\"SALES\","
                        + "\"owner\":\"Sam Seller\",\"estimatedValueMinor\":-1,\"currency\":\"usd\"}")
                .post("/prospects")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder(
                        "displayName", "email", "phone", "owner", "estimatedValueMinor", "currency"));
        given().contentType(ContentType.JSON)
                .body("{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\",\"foundAt\":\"" + future + "\"}")
                .post("/prospects")
                .then().statusCode(400).body("violations.field", contains("foundAt"));
        given().contentType(ContentType.JSON)
                .body("{\"displayName\":\"A\\u0000B\",\"source\":\"SALES\",\"owner\":\"sam\"}")
                .post("/prospects")
                .then().statusCode(400).body("violations.field", contains("displayName"));
        given().contentType(ContentType.JSON)
                .body("{\"displayName\":\"A\",\"source\":\"HUNTING\",\"owner\":\"sam\"}")
                .post("/prospects")
                .then().statusCode(400).body("violations.field", contains("source"));
    }

    @Test
    void repeatingARegistrationReturnsTheStoredProspectAndPublishesNothingNew() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(hunted(id, "sam")).post("/prospects").then().statusCode(201);

        given().contentType(ContentType.JSON).body(hunted(id, "sam")).post("/prospects")
                .then().statusCode(200).body("id", equalTo(id.toString()));
        given().contentType(ContentType.JSON).body("{\"by\":\"sam\"}").post("/prospects/" + id + "/contact")
                .then().statusCode(200);

        await().atMost(DELIVERY).until(() -> typesFor(kafka, id).size() >= 2);
        assertThat(typesFor(kafka, id))
                .containsExactly(CloudEventTypes.PROSPECT_FOUND, CloudEventTypes.PROSPECT_CONTACTED);
    }

    @Test
    void theSameIdForADifferentProspectIsAConflict() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(hunted(id, "sam")).post("/prospects").then().statusCode(201);

        given().contentType(ContentType.JSON).body(hunted(id, "alex")).post("/prospects")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anUnknownProspectIsNotFound() {
        given().get("/prospects/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"by\":\"sam\"}")
                .post("/prospects/" + UUID.randomUUID() + "/contact").then().statusCode(404);
    }

    @Test
    void listingFiltersByStageSourceOwnerAndTechniqueNewestFirst() {
        String owner = "lister-" + UUID.randomUUID().toString().substring(0, 8);
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + older + "\",\"displayName\":\"Old\",\"source\":\"SALES\",\"owner\":\"" + owner
                        + "\",\"foundAt\":\"2026-01-01T10:00:00Z\"}")
                .post("/prospects").then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + newer + "\",\"displayName\":\"New\",\"source\":\"SALES\",\"owner\":\"" + owner
                        + "\",\"foundAt\":\"2026-02-01T10:00:00Z\"}")
                .post("/prospects").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"by\":\"" + owner + "\",\"at\":\"2026-02-02T10:00:00Z\"}")
                .post("/prospects/" + newer + "/contact").then().statusCode(200);

        given().queryParam("owner", owner).get("/prospects")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.id", contains(newer.toString(), older.toString()));
        given().queryParam("owner", owner).queryParam("stage", "CONTACTED").queryParam("source", "SALES")
                .get("/prospects")
                .then().body("items.id", contains(newer.toString()));
        given().queryParam("owner", owner).queryParam("size", 1).queryParam("page", 1).get("/prospects")
                .then().body("items.id", contains(older.toString()));
        given().queryParam("technique", "no-such-technique").get("/prospects").then().body("total", equalTo(0));
    }

    @Test
    void badListingParametersAreNamed() {
        given().queryParam("stage", "SIGNED").get("/prospects")
                .then().statusCode(400).body("violations.field", hasItem("stage"));
        given().queryParam("source", "ADS").get("/prospects")
                .then().statusCode(400).body("violations.field", hasItem("source"));
        given().queryParam("size", 501).get("/prospects")
                .then().statusCode(400).body("violations.field", hasItem("size"));
        given().queryParam("page", 2_000_000).get("/prospects")
                .then().statusCode(400).body("violations.field", hasItem("page"));
    }

    @Test
    void pagingParametersThatAreNoWholeNumberAreNamedNotNotFound() {
        for (String[] parameter : new String[][] {
            {"size", "1.0"}, {"size", "ten"}, {"page", "abc"}, {"page", "2147483648"}, {"page", "-1"}}) {
            given().queryParam(parameter[0], parameter[1]).get("/prospects")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains(parameter[0]))
                    .body("violations.in", contains("query"));
        }
    }

    @Test
    void textTheDatabaseCannotHoldIsANamedQueryParameterError() {
        given().queryParam("owner", "a\u0000b").get("/prospects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("owner"));
        given().queryParam("technique", "\u0000").get("/prospects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("technique"));
    }

    @Test
    void anIdThatIsNoUuidIsAProblemNotFound() {
        for (String id : new String[] {"not-a-uuid", "a%00b", "6f1c1f4e-2f6a-4c52-9a35-0d9b7f8a1c0x"}) {
            given().urlEncodingEnabled(false).get("/prospects/" + id)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("No such prospect"));
            for (String step : new String[] {"contact", "win", "lose"}) {
                given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                        .body("{\"by\":\"sam\",\"valueMinor\":1,\"reason\":\"PRICE\"}")
                        .post("/prospects/" + id + "/" + step)
                        .then().statusCode(404).contentType("application/problem+json")
                        .body("detail", containsString("No such prospect"));
            }
            given().urlEncodingEnabled(false).delete("/prospects/" + id + "/personal-data")
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("No such prospect"));
        }
    }

    @Test
    void aBodyOver256KilobytesIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"displayName\":\"" + "x".repeat(300 * 1024) + "\"}")
                .post("/prospects")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aRegisteredProspectCanBeRead() {
        UUID id = registerHunted("reader");

        given().get("/prospects/" + id).then().statusCode(200)
                .body("owner", equalTo("reader")).body("company", equalTo("Baker & Sons"));
    }

    @Test
    void aBlankOptionalFieldIsRefusedNamingItAndNothingIsStored() {
        for (String[] field : new String[][] {
            {"email", "\"\""}, {"email", "\"   \""}, {"phone", "\"\""}, {"phone", "\"   \""}, {"phone", "\"( )\""},
            {"company", "\"\""}, {"company", "\" \\t \""}, {"company", "\"\\u00a0\""}}) {
            UUID id = UUID.randomUUID();

            given().contentType(ContentType.JSON)
                    .body("{\"id\":\"" + id + "\",\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\",\""
                            + field[0] + "\":" + field[1] + "}")
                    .post("/prospects")
                    .then().statusCode(400).contentType("application/problem+json")
                    // "   " is also no e-mail address: two messages, both about that field
                    .body("violations.field", hasItem(field[0]))
                    .body("violations.field", everyItem(equalTo(field[0])));
            given().get("/prospects/" + id).then().statusCode(404);
        }
    }

    @Test
    void anAbsentOrNullOptionalFieldIsStillNone() {
        given().contentType(ContentType.JSON)
                .body("{\"displayName\":\"A\",\"company\":null,\"email\":null,\"phone\":null,\"source\":\"SALES\","
                        + "\"owner\":\"sam\"}")
                .post("/prospects")
                .then().statusCode(201)
                .body("company", nullValue()).body("email", nullValue()).body("phone", nullValue());
        given().contentType(ContentType.JSON).body("{\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\"}")
                .post("/prospects")
                .then().statusCode(201).body("email", nullValue());
    }

    @Test
    void aRegistrationWithAnInstantInMicrosecondsReplaysAsTheSameProspect() {
        UUID id = UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\","
                + "\"foundAt\":\"2026-11-01T10:00:00.123456Z\"}";

        given().contentType(ContentType.JSON).body(body).post("/prospects")
                .then().statusCode(201).body("foundAt", equalTo("2026-11-01T10:00:00.123456Z"));
        given().contentType(ContentType.JSON).body(body).post("/prospects")
                .then().statusCode(200).body("foundAt", equalTo("2026-11-01T10:00:00.123456Z"));
    }

    @Test
    void aQueryParameterGivenTwiceIsRefusedRatherThanHalfRead() {
        given().queryParam("size", "10", "abc").get("/prospects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("size"))
                .body("violations.in", contains("query"));
    }

    @Test
    void everyBadListingParameterIsNamedInOneAnswer() {
        given().queryParam("stage", "SIGNED").queryParam("source", "ADS").queryParam("owner", "Sam Seller")
                .queryParam("technique", "Weekly Blog").queryParam("page", "-1").queryParam("size", "0")
                .get("/prospects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("stage", "source", "owner", "technique", "page", "size"))
                .body("violations.in", everyItem(equalTo("query")));
    }

    @Test
    void aShortenedUuidInAPathNamesNoProspect() {
        // Canonically 0000xxxx-...: UUID.fromString also reads it without the leading zeros, a second name for it.
        UUID random = UUID.randomUUID();
        UUID id = new UUID(random.getMostSignificantBits() & 0x0000_ffff_ffff_ffffL, random.getLeastSignificantBits());
        given().contentType(ContentType.JSON).body(hunted(id, "sam")).post("/prospects").then().statusCode(201);
        String shortened = id.toString().substring(4);

        given().get("/prospects/" + id).then().statusCode(200);
        given().get("/prospects/" + shortened).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("No such prospect"));
        given().contentType(ContentType.JSON).body("{\"by\":\"sam\"}").post("/prospects/" + shortened + "/contact")
                .then().statusCode(404);
        given().get("/prospects/1-1-1-1-1").then().statusCode(404);
        given().get("/prospects/" + id).then().statusCode(200).body("stage", equalTo("FOUND"));
    }
}
