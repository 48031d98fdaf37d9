package dev.funnel.objection.api;

import static dev.funnel.objection.ObjectionServiceTestSupport.PATIENCE;
import static dev.funnel.objection.ObjectionServiceTestSupport.payload;
import static dev.funnel.objection.api.ObjectionResourceTest.raise;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.funnel.events.CloudEventTypes;
import dev.funnel.events.ProspectContacted;
import dev.funnel.objection.ObjectionServiceTestSupport;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TestTokens;
import dev.funnel.web.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A seller works only on objections of the prospects they own, as the replica learnt them from real
 * {@code ProspectFound} records; another seller's are answered exactly as if they did not exist.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class OwnershipTest {

    private static final String SAM = TestTokens.of("sam", Roles.SELLER);
    private static final String ALEX = TestTokens.of("alex", Roles.SELLER);
    private static final String MANAGER = TestTokens.of("maria", Roles.MANAGER);

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource dataSource;

    private ObjectionServiceTestSupport support;
    private UUID samsProspect;
    private UUID alexsProspect;

    @BeforeEach
    void samAndAlexEachOwnAnOpenProspect() {
        support = new ObjectionServiceTestSupport(kafka, dataSource);
        samsProspect = support.openProspectOf("sam");
        alexsProspect = support.openProspectOf("alex");
    }

    @Test
    void raisingOnAnotherSellersProspectIsAnsweredAsForAnUnknownProspectAndChangesNothing() {
        UUID id = UUID.randomUUID();

        JsonPath notTheirs = raiseAs(ALEX, raise(id, samsProspect, "PRICE", "Too dear", null))
                .then().statusCode(422).contentType("application/problem+json")
                .header("Retry-After", equalTo("2"))
                .extract().jsonPath();
        UUID unknownProspect = UUID.randomUUID();
        JsonPath unknown = raiseAs(ALEX, raise(null, unknownProspect, "PRICE", "Too dear", null))
                .then().statusCode(422).header("Retry-After", equalTo("2")).extract().jsonPath();

        assertThat(withoutProspectId(notTheirs.getString("detail"), samsProspect))
                .isEqualTo(withoutProspectId(unknown.getString("detail"), unknownProspect));
        assertThat(notTheirs.getMap("$")).containsOnlyKeys(unknown.getMap("$").keySet());
        assertThat(notTheirs.getList("violations")).isEqualTo(unknown.getList("violations"));
        assertThat(support.storedObjections(samsProspect)).isZero();
        given().auth().oauth2(MANAGER).get("/objections/" + id).then().statusCode(404);
        String marker = raiseOn(MANAGER, samsProspect);
        await().atMost(PATIENCE).until(() -> publishedObjectionIds(samsProspect).contains(marker));
        assertThat(publishedObjectionIds(samsProspect)).containsExactly(marker);
        given().auth().oauth2(TestTokens.of("ada", Roles.ADMIN)).queryParam("subjectId", id.toString())
                .get("/audit").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anotherSellersObjectionIsNotFoundToReadOrResolveAndStaysOpen() {
        String samsObjection = raiseOn(SAM, samsProspect);
        String unknown = UUID.randomUUID().toString();

        String readDetail = given().auth().oauth2(ALEX).get("/objections/" + samsObjection)
                .then().statusCode(404).contentType("application/problem+json").extract().path("detail");
        String unknownDetail = given().auth().oauth2(ALEX).get("/objections/" + unknown)
                .then().statusCode(404).extract().path("detail");
        String resolveDetail = resolveAs(ALEX, samsObjection, "Pay monthly")
                .then().statusCode(404).contentType("application/problem+json").extract().path("detail");

        assertThat(readDetail).isEqualTo(unknownDetail.replace(unknown, samsObjection))
                .isEqualTo(resolveDetail).isEqualTo("No such objection: " + samsObjection);
        given().auth().oauth2(SAM).get("/objections/" + samsObjection)
                .then().statusCode(200).body("status", equalTo("OPEN"));
        String marker = raiseOn(SAM, samsProspect);
        await().atMost(PATIENCE).until(() -> publishedObjectionIds(samsProspect).contains(marker));
        assertThat(support.objectionEvents(samsProspect))
                .extracting(record -> KafkaTestClient.header(record, "ce_type"))
                .containsExactly(CloudEventTypes.OBJECTION_RAISED, CloudEventTypes.OBJECTION_RAISED);
        given().auth().oauth2(TestTokens.of("ada", Roles.ADMIN)).queryParam("subjectId", samsObjection)
                .queryParam("action", "objection.resolved")
                .get("/audit").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void repeatingAnotherSellersRaiseWithItsIdGivesNeitherTheObjectionNorAConflict() {
        UUID id = UUID.randomUUID();
        String body = raise(id, samsProspect, "TRUST", "Who else uses it?", null);
        raiseAs(SAM, body).then().statusCode(201);

        raiseAs(ALEX, body).then().statusCode(422).body("statement", equalTo(null));
        raiseAs(ALEX, raise(id, samsProspect, "NEED", "Something else", null)).then().statusCode(422);
        raiseAs(SAM, body).then().statusCode(200).body("id", equalTo(id.toString()));
    }

    @Test
    void aManagerRaisesReadsAndResolvesOnEverySellersProspect() {
        String onSams = raiseOn(MANAGER, samsProspect);
        String onAlexs = raiseOn(MANAGER, alexsProspect);

        given().auth().oauth2(MANAGER).get("/objections/" + onSams).then().statusCode(200);
        resolveAs(MANAGER, onAlexs, "Showed the saving").then().statusCode(200).body("status", equalTo("RESOLVED"));
        given().auth().oauth2(SAM).get("/objections/" + onSams).then().statusCode(200);
        given().auth().oauth2(ALEX).get("/objections/" + onAlexs).then().statusCode(200)
                .body("bridge", equalTo("Showed the saving"));
    }

    @Test
    void aSellerListsOnlyObjectionsOfTheirOwnProspectsAndAnotherSellersProspectYieldsNone() {
        String samsObjection = raiseOn(SAM, samsProspect);
        String alexsObjection = raiseOn(ALEX, alexsProspect);

        List<String> alexSees = given().auth().oauth2(ALEX).queryParam("size", 500).get("/objections")
                .then().statusCode(200).extract().path("items.id");
        assertThat(alexSees).contains(alexsObjection).doesNotContain(samsObjection);
        given().auth().oauth2(ALEX).queryParam("size", 500).get("/objections")
                .then().body("items.prospectId", everyItem(not(equalTo(samsProspect.toString()))));
        given().auth().oauth2(ALEX).queryParam("prospectId", samsProspect.toString()).get("/objections")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(0));
        given().auth().oauth2(SAM).queryParam("prospectId", samsProspect.toString()).get("/objections")
                .then().statusCode(200).body("items.id", contains(samsObjection)).body("total", equalTo(1));
        given().auth().oauth2(MANAGER).queryParam("size", 500).get("/objections")
                .then().statusCode(200).body("items.id", hasItems(samsObjection, alexsObjection));
    }

    @Test
    void aProspectWhoseOwnerIsNotKnownIsReachableOnlyByManagers() {
        // Seen only through a contact, as every prospect replicated before the replica kept owners.
        UUID ownerUnknown = UUID.randomUUID();
        support.awaitApplied(support.publish(
                new ProspectContacted(ownerUnknown, "sam", Instant.now().minusSeconds(60))));
        assertThat(support.owner(ownerUnknown)).isEmpty();

        raiseAs(SAM, raise(null, ownerUnknown, "PRICE", "Too dear", null)).then().statusCode(422);
        String id = raiseOn(MANAGER, ownerUnknown);
        given().auth().oauth2(SAM).get("/objections/" + id).then().statusCode(404);
        given().auth().oauth2(SAM).queryParam("prospectId", ownerUnknown.toString()).get("/objections")
                .then().body("total", equalTo(0));

        // Once ProspectFound names sam the owner, the prospect is his.
        support.awaitApplied(support.publish(ObjectionServiceTestSupport.found(ownerUnknown, "sam")));
        given().auth().oauth2(SAM).get("/objections/" + id).then().statusCode(200);
        resolveAs(SAM, id, "Pay monthly").then().statusCode(200);
    }

    @Test
    void thePlaybookIsSharedAndNamesNoProspect() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // AUTHORITY: few other tests resolve objections of it, so this bridge stays within the playbook's limit.
        for (String seller : List.of(SAM, ALEX)) {
            UUID prospect = seller.equals(SAM) ? samsProspect : alexsProspect;
            String id = raiseAs(seller, raise(null, prospect, "AUTHORITY", "My boss decides", null))
                    .then().statusCode(201).extract().path("id");
            resolveAs(seller, id, "Reference call " + tag).then().statusCode(200);
        }

        for (String reader : List.of(ALEX, TestTokens.of("ana", Roles.ANALYST))) {
            String playbook = given().auth().oauth2(reader).queryParam("category", "AUTHORITY").queryParam("limit", 500)
                    .get("/objections/playbook").then().statusCode(200).extract().asString();
            JsonPath bridges = JsonPath.from(playbook);
            assertThat(bridges.getList("bridges.bridge")).contains("Reference call " + tag);
            assertThat(bridges.getList("bridges.findAll { it.bridge == 'Reference call " + tag + "' }.timesUsed"))
                    .containsExactly(2);
            assertThat(bridges.getMap("bridges[0]")).containsOnlyKeys("bridge", "timesUsed", "prospectsWon",
                    "lastUsedAt");
            assertThat(playbook).doesNotContain(samsProspect.toString()).doesNotContain(alexsProspect.toString());
        }
    }

    private static String withoutProspectId(String detail, UUID prospectId) {
        return detail.replace(prospectId.toString(), "<prospect>");
    }

    private static Response raiseAs(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/objections");
    }

    private static String raiseOn(String token, UUID prospectId) {
        return raiseAs(token, raise(null, prospectId, "PRICE", "They said no", null))
                .then().statusCode(201).extract().path("id");
    }

    private static Response resolveAs(String token, String id, String bridge) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"bridge\":\"" + bridge + "\"}")
                .post("/objections/" + id + "/resolve");
    }

    private List<String> publishedObjectionIds(UUID prospectId) {
        return support.objectionEvents(prospectId).stream()
                .map(record -> payload(record).get("objectionId").asText())
                .toList();
    }
}
