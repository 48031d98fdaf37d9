package dev.funnel.prospect.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.TestTokens;
import dev.funnel.web.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every write that changed a prospect is in the audit trail, under who made it; nothing else is. */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ProspectAuditTest {

    private static final String SAM = TestTokens.of("sam", Roles.SELLER);
    private static final String MARIA = TestTokens.of("maria", Roles.MANAGER);
    private static final String ADA = TestTokens.of("ada", Roles.ADMIN);

    @Test
    void eachWriteIsRecordedWithItsActorActionAndProspect() {
        UUID won = UUID.randomUUID();
        post(SAM, "/prospects", SellerOwnershipTest.withoutOwner(won)).statusCode(201);
        post(SAM, "/prospects/" + won + "/contact", "{\"by\":\"sam\"}").statusCode(200);
        post(MARIA, "/prospects/" + won + "/win", "{\"valueMinor\":1000}").statusCode(200);
        given().auth().oauth2(ADA).delete("/prospects/" + won + "/personal-data").then().statusCode(200);
        UUID lost = UUID.randomUUID();
        post(SAM, "/prospects", SellerOwnershipTest.withoutOwner(lost)).statusCode(201);
        post(SAM, "/prospects/" + lost + "/lose", "{\"reason\":\"NEED\"}").statusCode(200);

        trailOf(won)
                .body("total", equalTo(4))
                .body("items.action", contains("prospect.personal-data-erased", "prospect.won",
                        "prospect.contacted", "prospect.registered"))
                .body("items.actor", contains("ada", "maria", "sam", "sam"))
                .body("items.subjectType", everyItem(equalTo("prospect")))
                .body("items.subjectId", everyItem(equalTo(won.toString())));
        trailOf(lost)
                .body("items.action", contains("prospect.lost", "prospect.registered"))
                .body("items.actor", contains("sam", "sam"));
    }

    @Test
    void aReplayARepeatedErasureAndARefusedStepAddNoEntry() {
        UUID id = UUID.randomUUID();
        post(SAM, "/prospects", SellerOwnershipTest.withoutOwner(id)).statusCode(201);
        post(SAM, "/prospects", SellerOwnershipTest.withoutOwner(id)).statusCode(200);
        post(SAM, "/prospects/" + id + "/win", "{\"valueMinor\":1000}").statusCode(200);
        given().auth().oauth2(ADA).delete("/prospects/" + id + "/personal-data").then().statusCode(200);

        given().auth().oauth2(ADA).delete("/prospects/" + id + "/personal-data").then().statusCode(200);
        post(SAM, "/prospects/" + id + "/lose", "{\"reason\":\"NEED\"}").statusCode(409);
        post(TestTokens.of("alex", Roles.SELLER), "/prospects/" + id + "/contact", "{\"by\":\"alex\"}")
                .statusCode(404);

        trailOf(id)
                .body("total", equalTo(3))
                .body("items.action", contains("prospect.personal-data-erased", "prospect.won",
                        "prospect.registered"));
    }

    @Test
    void theTrailIsFilteredByActorAndAction() {
        String seller = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        post(TestTokens.of(seller, Roles.SELLER), "/prospects", SellerOwnershipTest.withoutOwner(id))
                .statusCode(201);

        given().auth().oauth2(ADA).queryParam("actor", seller).queryParam("action", "prospect.registered")
                .get("/audit")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].subjectId", equalTo(id.toString()));
    }

    private static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static ValidatableResponse trailOf(UUID prospect) {
        return given().auth().oauth2(ADA).queryParam("subjectId", prospect.toString()).get("/audit")
                .then().statusCode(200);
    }
}
