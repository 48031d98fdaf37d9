package dev.funnel.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.funnel.testing.IdentityProviderResource;
import dev.funnel.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Who may call what, through a stand-in resource ({@link GuardedResource}), with tokens signed by a real issuer. */
@QuarkusTest
@QuarkusTestResource(IdentityProviderResource.class)
class AccessTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aCallerWithARoleTheEndpointNamesIsServedUnderTheirName() {
        given().auth().oauth2(TestTokens.of("sam", Roles.SELLER))
                .get("/guarded")
                .then().statusCode(200)
                .body("name", equalTo("sam"))
                .body("onlyOwner", equalTo("sam"));
    }

    @Test
    void aManagerReachesEveryOwnersProspectsAndASellerOnlyTheirOwn() {
        given().auth().oauth2(TestTokens.of("maria", Roles.MANAGER))
                .get("/guarded").then().statusCode(200).body("onlyOwner", equalTo("(every owner)"));
        given().auth().oauth2(TestTokens.of("sam", Roles.SELLER))
                .get("/guarded/reach/sam").then().statusCode(200).body("reaches", equalTo(true));
        given().auth().oauth2(TestTokens.of("sam", Roles.SELLER))
                .get("/guarded/reach/sara").then().statusCode(200).body("reaches", equalTo(false));
        given().auth().oauth2(TestTokens.of("maria", Roles.MANAGER))
                .get("/guarded/reach/sara").then().statusCode(200).body("reaches", equalTo(true));
        given().auth().oauth2(TestTokens.of("ada", Roles.ADMIN))
                .get("/guarded/reach/sara").then().statusCode(200).body("reaches", equalTo(true));
    }

    @Test
    void noTokenIsA401ProblemWithABearerChallengeAndNoErrorCode() {
        given().auth().none()
                .get("/guarded")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"funnel\""))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("detail", startsWith("This endpoint needs a bearer token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "fromAnotherIssuer", "forAnotherAudience", "signedByAnotherKey", "tampered",
        "garbage"})
    void aTokenThatFailsAnyCheckIsA401ProblemNamingAnInvalidToken(String kind) {
        String token = switch (kind) {
            case "expired" -> TestTokens.expired("sam", Roles.SELLER);
            case "fromAnotherIssuer" -> TestTokens.fromAnotherIssuer("sam", Roles.SELLER);
            case "forAnotherAudience" -> TestTokens.forAnotherAudience("sam", Roles.SELLER);
            case "signedByAnotherKey" -> TestTokens.signedByAnotherKey("sam", Roles.SELLER);
            case "tampered" -> TestTokens.tampered("sam", Roles.SELLER);
            default -> "not-a-jwt";
        };
        given().auth().oauth2(token)
                .get("/guarded")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"funnel\", error=\"invalid_token\""))
                .body("status", equalTo(401));
    }

    @Test
    void aValidTokenWithoutARoleTheEndpointNamesIsA403Problem() {
        given().auth().oauth2(TestTokens.of("alex", Roles.ANALYST))
                .get("/guarded")
                .then().statusCode(403)
                .contentType(PROBLEM)
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"));
    }

    @Test
    void aRefusedWriteNeverRuns() {
        int before = GuardedResource.WRITES.get();
        given().auth().none().post("/guarded").then().statusCode(401);
        given().auth().oauth2(TestTokens.tampered("sam", Roles.SELLER)).post("/guarded").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("sam", Roles.SELLER)).post("/guarded").then().statusCode(403);
        assertThat(GuardedResource.WRITES.get()).isEqualTo(before);
        given().auth().oauth2(TestTokens.of("ada", Roles.ADMIN)).post("/guarded").then().statusCode(200);
        assertThat(GuardedResource.WRITES.get()).isEqualTo(before + 1);
    }

    @Test
    void anEndpointThatNamesNoRoleRefusesEvenEveryRole() {
        given().auth().oauth2(TestTokens.of("owner", TestTokens.EVERY_ROLE))
                .get("/guarded/forgotten")
                .then().statusCode(403)
                .contentType(PROBLEM);
    }
}
