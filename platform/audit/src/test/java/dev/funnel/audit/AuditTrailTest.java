package dev.funnel.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.TestTokens;
import dev.funnel.web.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class AuditTrailTest {

    private static final String ADMIN = TestTokens.of("ada", Roles.ADMIN);

    @Test
    void aWriteIsRecordedWithWhoDidItWhatToWhichIdAndWhen() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.of("sam", Roles.SELLER)).put("/notes/" + id).then().statusCode(204);

        given().auth().oauth2(ADMIN).queryParam("subjectId", id)
                .get("/audit")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].actor", equalTo("sam"))
                .body("items[0].action", equalTo("note.written"))
                .body("items[0].subjectType", equalTo("note"))
                .body("items[0].subjectId", equalTo(id))
                .body("items[0].occurredAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    @Test
    void aWriteThatRollsBackLeavesNoEntry() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.of("sam", Roles.SELLER)).queryParam("fail", true)
                .put("/notes/" + id).then().statusCode(500);

        given().auth().oauth2(ADMIN).queryParam("subjectId", id)
                .get("/audit").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void entriesAreNewestFirstFilteredByActorAndPaged() {
        String actor = "pat-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.of(actor, Roles.SELLER);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).put("/notes/" + actor + "-" + i).then().statusCode(204);
        }
        given().auth().oauth2(ADMIN).queryParam("actor", actor).queryParam("size", 2)
                .get("/audit")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("size", equalTo(2))
                .body("items.subjectId", contains(actor + "-2", actor + "-1"))
                .body("items.actor", everyItem(equalTo(actor)));
        given().auth().oauth2(ADMIN).queryParam("actor", actor).queryParam("size", 2).queryParam("page", 1)
                .get("/audit")
                .then().statusCode(200)
                .body("items.subjectId", contains(actor + "-0"));
    }

    @Test
    void daysBoundTheEntriesBothEndsIncluded() {
        String actor = "day-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.of(actor, Roles.SELLER)).put("/notes/" + actor).then().statusCode(204);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        given().auth().oauth2(ADMIN).queryParam("actor", actor)
                .queryParam("from", today.toString()).queryParam("to", today.toString())
                .get("/audit").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(ADMIN).queryParam("actor", actor).queryParam("to", today.minusDays(1).toString())
                .get("/audit").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void badParametersAreA400NamingEach() {
        given().auth().oauth2(ADMIN).queryParam("from", "yesterday").queryParam("size", "0")
                .get("/audit")
                .then().statusCode(400)
                .body("violations.field", contains("from", "size"));
        given().auth().oauth2(ADMIN).queryParam("from", "2026-12-02").queryParam("to", "2026-12-01")
                .get("/audit")
                .then().statusCode(400)
                .body("violations.field", contains("to"));
    }

    @Test
    void onlyAnAdminReadsTheTrail() {
        for (String role : new String[] {Roles.SELLER, Roles.MANAGER, Roles.MARKETER, Roles.ANALYST}) {
            given().auth().oauth2(TestTokens.of("someone", role)).get("/audit").then().statusCode(403);
        }
        given().auth().none().get("/audit").then().statusCode(401);
    }
}
