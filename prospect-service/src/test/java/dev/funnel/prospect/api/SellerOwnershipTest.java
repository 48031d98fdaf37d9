package dev.funnel.prospect.api;

import static dev.funnel.prospect.api.ProspectTestSupport.eventsFor;
import static dev.funnel.prospect.api.ProspectTestSupport.typesFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.funnel.events.CloudEventTypes;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TestTokens;
import dev.funnel.web.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A seller works only with the prospects they own; another seller's prospect is answered as if it did not exist.
 * A manager works with everyone's.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class SellerOwnershipTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";
    private static final String SAM = TestTokens.of("sam", Roles.SELLER);
    private static final String ALEX = TestTokens.of("alex", Roles.SELLER);
    private static final String MARIA = TestTokens.of("maria", Roles.MANAGER);
    private static final String ADA = TestTokens.of("ada", Roles.ADMIN);

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void aSellerWhoLeavesTheOwnerOutRegistersTheProspectForThemselvesAndSeesContactsAndWinsIt() {
        UUID id = UUID.randomUUID();
        as(SAM).body(withoutOwner(id)).post("/prospects")
                .then().statusCode(201).body("owner", equalTo("sam"));

        as(SAM).get("/prospects/" + id).then().statusCode(200).body("owner", equalTo("sam"));
        as(SAM).body("{\"by\":\"sam\"}").post("/prospects/" + id + "/contact")
                .then().statusCode(200).body("stage", equalTo("CONTACTED"));
        as(SAM).body("{\"valueMinor\":90000}").post("/prospects/" + id + "/win")
                .then().statusCode(200).body("stage", equalTo("WON"));

        await().atMost(DELIVERY).until(() -> typesFor(kafka, id).size() == 3);
        assertThat(eventsFor(kafka, id).get(0).payload().get("owner").asText()).isEqualTo("sam");
    }

    @Test
    void aSellerMayNameThemselvesAsOwner() {
        UUID id = UUID.randomUUID();
        as(SAM).body(ProspectTestSupport.hunted(id, "sam")).post("/prospects")
                .then().statusCode(201).body("owner", equalTo("sam"));
    }

    @Test
    void anotherSellersProspectIsNotFoundExactlyLikeAnUnknownIdAndStaysUnchanged() {
        UUID sams = registeredBySam();
        UUID unknown = UUID.randomUUID();

        for (UUID id : new UUID[] {sams, unknown}) {
            String expected = "Prospect " + id + " does not exist";
            notFound(as(ALEX).get("/prospects/" + id), expected);
            notFound(as(ALEX).body("{\"by\":\"alex\"}").post("/prospects/" + id + "/contact"), expected);
            notFound(as(ALEX).body("{\"valueMinor\":1000}").post("/prospects/" + id + "/win"), expected);
            notFound(as(ALEX).body("{\"reason\":\"PRICE\"}").post("/prospects/" + id + "/lose"), expected);
        }

        as(SAM).get("/prospects/" + sams).then().statusCode(200)
                .body("stage", equalTo("FOUND")).body("displayName", equalTo("Jo Baker"));
        // Sam's own step comes after Alex's attempts on the same key: had any of them been published, it would
        // be on the topic before this one.
        as(SAM).body("{\"by\":\"sam\"}").post("/prospects/" + sams + "/contact").then().statusCode(200);
        await().atMost(DELIVERY).until(() -> typesFor(kafka, sams).size() >= 2);
        assertThat(typesFor(kafka, sams))
                .containsExactly(CloudEventTypes.PROSPECT_FOUND, CloudEventTypes.PROSPECT_CONTACTED);
        assertThat(eventsFor(kafka, sams).get(1).payload().get("owner").asText()).isEqualTo("sam");
        given().auth().oauth2(ADA).queryParam("subjectId", sams.toString()).get("/audit")
                .then().statusCode(200)
                .body("items.action", contains("prospect.contacted", "prospect.registered"))
                .body("items.actor", everyItem(equalTo("sam")));
    }

    @Test
    void aSellersListHoldsOnlyTheirOwnProspects() {
        UUID sams = registeredBySam();
        UUID alexs = UUID.randomUUID();
        as(ALEX).body(withoutOwner(alexs)).post("/prospects").then().statusCode(201);

        as(ALEX).queryParam("size", 500).get("/prospects")
                .then().statusCode(200)
                .body("items.id", hasItem(alexs.toString()))
                .body("items.id", not(hasItem(sams.toString())))
                .body("items.owner", everyItem(equalTo("alex")));
        as(ALEX).queryParam("owner", "alex").get("/prospects")
                .then().statusCode(200).body("items.owner", everyItem(equalTo("alex")));
    }

    @Test
    void aSellerListingAnotherOwnersProspectsIsRefused() {
        registeredBySam();

        as(ALEX).queryParam("owner", "sam").get("/prospects")
                .then().statusCode(403)
                .contentType(PROBLEM)
                .body("status", equalTo(403))
                .body("detail", containsString("only their own prospects"));
    }

    @Test
    void aSellerRegisteringForAnotherOwnerIsRefusedAndNothingIsStoredOrPublished() {
        UUID id = UUID.randomUUID();

        as(ALEX).body(ProspectTestSupport.hunted(id, "sam")).post("/prospects")
                .then().statusCode(403)
                .contentType(PROBLEM)
                .body("status", equalTo(403))
                .body("detail", containsString("A seller registers prospects for themselves"));

        as(MARIA).get("/prospects/" + id).then().statusCode(404);
        given().auth().oauth2(ADA).queryParam("subjectId", id.toString()).get("/audit")
                .then().statusCode(200).body("total", equalTo(0));
        // The same id registered properly afterwards is the first and only event under its key.
        as(ALEX).body(withoutOwner(id)).post("/prospects").then().statusCode(201).body("owner", equalTo("alex"));
        await().atMost(DELIVERY).until(() -> typesFor(kafka, id).size() >= 1);
        assertThat(typesFor(kafka, id)).containsExactly(CloudEventTypes.PROSPECT_FOUND);
        assertThat(eventsFor(kafka, id).get(0).payload().get("owner").asText()).isEqualTo("alex");
    }

    @Test
    void aSellerWhoseUserNameNoOwnerMayHaveIsRefusedAndNothingIsStored() {
        UUID id = UUID.randomUUID();

        as(TestTokens.of("Sam@Example.com", Roles.SELLER)).body(withoutOwner(id)).post("/prospects")
                .then().statusCode(403)
                .contentType(PROBLEM)
                .body("detail", containsString("Your user name cannot own prospects"));

        as(MARIA).get("/prospects/" + id).then().statusCode(404);
    }

    @Test
    void aSellersRepeatedRegistrationWithoutOwnerIsStillAReplay() {
        UUID id = UUID.randomUUID();
        as(SAM).body(withoutOwner(id)).post("/prospects").then().statusCode(201);

        as(SAM).body(withoutOwner(id)).post("/prospects")
                .then().statusCode(200).body("id", equalTo(id.toString())).body("owner", equalTo("sam"));

        as(SAM).body("{\"by\":\"sam\"}").post("/prospects/" + id + "/contact").then().statusCode(200);
        await().atMost(DELIVERY).until(() -> typesFor(kafka, id).size() >= 2);
        assertThat(typesFor(kafka, id))
                .containsExactly(CloudEventTypes.PROSPECT_FOUND, CloudEventTypes.PROSPECT_CONTACTED);
    }

    @Test
    void anotherSellerReusingAnIdIsAConflictAndChangesNothing() {
        UUID sams = registeredBySam();

        as(ALEX).body(withoutOwner(sams)).post("/prospects").then().statusCode(409).contentType(PROBLEM);

        as(SAM).get("/prospects/" + sams).then().statusCode(200).body("owner", equalTo("sam"));
    }

    @Test
    void aManagerSeesAndMovesEverySellersProspects() {
        UUID sams = registeredBySam();
        UUID alexs = UUID.randomUUID();
        as(ALEX).body(withoutOwner(alexs)).post("/prospects").then().statusCode(201);

        as(MARIA).get("/prospects/" + sams).then().statusCode(200).body("owner", equalTo("sam"));
        as(MARIA).get("/prospects/" + alexs).then().statusCode(200).body("owner", equalTo("alex"));
        as(MARIA).queryParam("size", 500).get("/prospects")
                .then().statusCode(200).body("items.id", hasItems(sams.toString(), alexs.toString()));
        as(MARIA).queryParam("owner", "sam").get("/prospects")
                .then().statusCode(200).body("items.id", hasItem(sams.toString()));
        as(MARIA).body("{\"reason\":\"TIMING\"}").post("/prospects/" + alexs + "/lose")
                .then().statusCode(200).body("stage", equalTo("LOST"));
    }

    @Test
    void aManagerNamesTheSellerWhoOwnsAProspect() {
        as(MARIA).body(withoutOwner(UUID.randomUUID())).post("/prospects")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", contains("owner"))
                .body("violations.in", contains("body"));
        as(MARIA).body(ProspectTestSupport.hunted(UUID.randomUUID(), "sam")).post("/prospects")
                .then().statusCode(201).body("owner", equalTo("sam"));
    }

    private static UUID registeredBySam() {
        UUID id = UUID.randomUUID();
        as(SAM).body(withoutOwner(id)).post("/prospects").then().statusCode(201);
        return id;
    }

    private static void notFound(Response response, String expectedDetail) {
        response.then().statusCode(404)
                .contentType(PROBLEM)
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo(expectedDetail));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String withoutOwner(UUID id) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"Jo Baker\",\"company\":\"Baker & Sons\","
                + "\"source\":\"SALES\",\"estimatedValueMinor\":500000,\"currency\":\"USD\"}";
    }
}
