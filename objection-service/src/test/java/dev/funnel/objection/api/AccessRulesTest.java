package dev.funnel.objection.api;

import static dev.funnel.objection.ObjectionServiceTestSupport.PATIENCE;
import static dev.funnel.objection.ObjectionServiceTestSupport.payload;
import static dev.funnel.objection.api.ObjectionResourceTest.raise;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.objection.ObjectionServiceTestSupport;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TestTokens;
import dev.funnel.web.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call each endpoint, with tokens signed by a real issuer: every role that may gets its answer, every role
 * that may not a 403 problem, and a missing, expired or tampered token a 401 problem; a refused request changes,
 * publishes and audits nothing.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class AccessRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String SELLER = "sam";
    private static final String MANAGER = "maria";

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource dataSource;

    private ObjectionServiceTestSupport support;
    private UUID samsProspect;

    @BeforeEach
    void samHasAnOpenProspect() {
        support = new ObjectionServiceTestSupport(kafka, dataSource);
        samsProspect = support.openProspectOf(SELLER);
    }

    /** One endpoint, called with the caller's request specification. */
    private record Endpoint(String name, Function<RequestSpecification, Response> call, List<String> mayNot) {
    }

    /** Every endpoint of the service, each on sam's prospect, with the roles that may not call it. */
    private List<Endpoint> endpoints() {
        String objection = raiseAs(token(Roles.MANAGER), samsProspect);
        List<String> notSellersOrManagers = List.of(Roles.MARKETER, Roles.ANALYST, Roles.ADMIN);
        return List.of(
                new Endpoint("POST /objections", request -> request.contentType(ContentType.JSON)
                        .body(raise(null, samsProspect, "PRICE", "Too dear", null)).post("/objections"),
                        notSellersOrManagers),
                new Endpoint("POST /objections/{id}/resolve", request -> request.contentType(ContentType.JSON)
                        .body("{\"bridge\":\"Pay monthly\"}").post("/objections/" + objection + "/resolve"),
                        notSellersOrManagers),
                new Endpoint("GET /objections/{id}", request -> request.get("/objections/" + objection),
                        notSellersOrManagers),
                new Endpoint("GET /objections", request -> request.get("/objections"), notSellersOrManagers),
                new Endpoint("GET /objections/playbook",
                        request -> request.queryParam("category", "PRICE").get("/objections/playbook"),
                        List.of(Roles.MARKETER, Roles.ADMIN)),
                new Endpoint("GET /audit", request -> request.get("/audit"),
                        List.of(Roles.SELLER, Roles.MANAGER, Roles.ANALYST, Roles.MARKETER)));
    }

    @Test
    void aSellerRaisesReadsListsAndResolvesObjectionsOfTheirOwnProspect() {
        String seller = token(Roles.SELLER);
        String id = given().auth().oauth2(seller).contentType(ContentType.JSON)
                .body(raise(null, samsProspect, "PRICE", "Too dear", null))
                .post("/objections").then().statusCode(201).extract().path("id");

        given().auth().oauth2(seller).get("/objections/" + id).then().statusCode(200);
        given().auth().oauth2(seller).get("/objections").then().statusCode(200);
        given().auth().oauth2(seller).contentType(ContentType.JSON).body("{\"bridge\":\"Pay monthly\"}")
                .post("/objections/" + id + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
    }

    @Test
    void aManagerRaisesReadsListsAndResolvesObjectionsOfAnyProspect() {
        String manager = token(Roles.MANAGER);
        String id = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(raise(null, samsProspect, "PRICE", "Too dear", null))
                .post("/objections").then().statusCode(201).extract().path("id");

        given().auth().oauth2(manager).get("/objections/" + id).then().statusCode(200);
        given().auth().oauth2(manager).get("/objections").then().statusCode(200);
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"bridge\":\"Pay monthly\"}")
                .post("/objections/" + id + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
    }

    @Test
    void sellersManagersAndAnalystsReadThePlaybook() {
        for (String role : List.of(Roles.SELLER, Roles.MANAGER, Roles.ANALYST)) {
            given().auth().oauth2(token(role)).queryParam("category", "PRICE")
                    .get("/objections/playbook")
                    .then().statusCode(200).body("category", equalTo("PRICE"));
        }
    }

    @Test
    void anAdminReadsTheAuditTrail() {
        given().auth().oauth2(token(Roles.ADMIN)).get("/audit").then().statusCode(200);
    }

    @Test
    void everyRoleThatMayNotCallAnEndpointGetsA403Problem() {
        for (Endpoint endpoint : endpoints()) {
            for (String role : endpoint.mayNot()) {
                endpoint.call().apply(given().auth().oauth2(token(role)))
                        .then().log().ifValidationFails()
                        .statusCode(403)
                        .contentType(PROBLEM)
                        .body("status", equalTo(403));
            }
        }
        // Decided before the body is read: who may not call learns nothing about what the body would need.
        given().auth().oauth2(token(Roles.ANALYST)).contentType(ContentType.JSON).body("{\"prospectId\": [")
                .post("/objections").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void everyEndpointWithoutATokenIsA401ProblemWithABearerChallenge() {
        for (Endpoint endpoint : endpoints()) {
            endpoint.call().apply(given().auth().none())
                    .then().log().ifValidationFails()
                    .statusCode(401)
                    .contentType(PROBLEM)
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"funnel\""));
        }
    }

    @Test
    void everyEndpointRefusesAnExpiredOrATamperedToken() {
        // Tampering widens the roles to admin: the signature no longer matches, so it gains nothing.
        List<String> badTokens = List.of(TestTokens.expired(SELLER, TestTokens.EVERY_ROLE),
                TestTokens.tampered(SELLER, Roles.SELLER));
        for (Endpoint endpoint : endpoints()) {
            for (String badToken : badTokens) {
                endpoint.call().apply(given().auth().oauth2(badToken))
                        .then().log().ifValidationFails()
                        .statusCode(401)
                        .contentType(PROBLEM)
                        .header("WWW-Authenticate", equalTo("Bearer realm=\"funnel\", error=\"invalid_token\""));
            }
        }
    }

    @Test
    void aRefusedRaiseOrResolveStoresPublishesAndAuditsNothing() {
        UUID refusedId = UUID.randomUUID();
        String body = raise(refusedId, samsProspect, "PRICE", "Too dear", null);
        String open = raiseAs(token(Roles.MANAGER), samsProspect);
        Map<String, Supplier<RequestSpecification>> refusedCallers = Map.of(
                "no token", () -> given().auth().none(),
                "expired", () -> given().auth().oauth2(TestTokens.expired(SELLER, Roles.SELLER)),
                "tampered", () -> given().auth().oauth2(TestTokens.tampered(SELLER, Roles.SELLER)),
                "analyst", () -> given().auth().oauth2(token(Roles.ANALYST)),
                "marketer", () -> given().auth().oauth2(token(Roles.MARKETER)),
                "admin", () -> given().auth().oauth2(token(Roles.ADMIN)));

        refusedCallers.forEach((who, caller) -> {
            assertThat(caller.get().contentType(ContentType.JSON).body(body).post("/objections").statusCode())
                    .as(who).isIn(401, 403);
            assertThat(caller.get().contentType(ContentType.JSON).body("{\"bridge\":\"Pay monthly\"}")
                    .post("/objections/" + open + "/resolve").statusCode())
                    .as(who).isIn(401, 403);
        });

        assertThat(support.storedObjections(samsProspect)).isEqualTo(1);
        given().get("/objections/" + open).then().statusCode(200).body("status", equalTo("OPEN"));
        String marker = raiseAs(token(Roles.MANAGER), samsProspect);
        await().atMost(PATIENCE).until(() -> publishedObjectionIds(samsProspect).contains(marker));
        assertThat(publishedObjectionIds(samsProspect)).containsExactly(open, marker);
        given().auth().oauth2(token(Roles.ADMIN)).queryParam("subjectId", refusedId.toString())
                .get("/audit").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(token(Roles.ADMIN)).queryParam("subjectId", open)
                .get("/audit").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("objection.raised"));
    }

    /** Sam as the seller, Maria as the manager, someone else for the other roles. */
    private static String token(String role) {
        String name = switch (role) {
            case Roles.SELLER -> SELLER;
            case Roles.MANAGER -> MANAGER;
            default -> "pat-" + role;
        };
        return TestTokens.of(name, role);
    }

    private static String raiseAs(String token, UUID prospectId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(raise(null, prospectId, "PRICE", "They said no", null))
                .post("/objections").then().statusCode(201).extract().path("id");
    }

    /** Every event this service published for the prospect, as the objection id it names. */
    private List<String> publishedObjectionIds(UUID prospectId) {
        return support.objectionEvents(prospectId).stream()
                .map(record -> payload(record).get("objectionId").asText())
                .toList();
    }
}
