package dev.funnel.prospect.api;

import static dev.funnel.prospect.api.ProspectTestSupport.typesFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call each endpoint, with tokens signed by a real issuer: every role that may is served, every role that
 * may not gets a 403 problem, a missing or bad token a 401 problem with a challenge; a refused request changes,
 * publishes and audits nothing. Each case gets a fresh prospect of seller "sam", who is also every caller's name,
 * so that a seller's success here is about their role, not about whose prospect it is (SellerOwnershipTest).
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class AccessRulesTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";
    private static final String CALLER = "sam";

    /** Every endpoint of the service, the roles that may call it and what they get. */
    enum Endpoint {
        REGISTER(201, (request, ids) -> json(request, ProspectTestSupport.hunted(ids.fresh(), CALLER))
                .post("/prospects"), Roles.SELLER, Roles.MANAGER),
        CONTACT(200, (request, ids) -> json(request, "{\"by\":\"sam\"}")
                .post("/prospects/" + ids.existing() + "/contact"), Roles.SELLER, Roles.MANAGER),
        WIN(200, (request, ids) -> json(request, "{\"valueMinor\":1000}")
                .post("/prospects/" + ids.existing() + "/win"), Roles.SELLER, Roles.MANAGER),
        LOSE(200, (request, ids) -> json(request, "{\"reason\":\"PRICE\"}")
                .post("/prospects/" + ids.existing() + "/lose"), Roles.SELLER, Roles.MANAGER),
        ERASE_PERSONAL_DATA(200, (request, ids) -> request.delete("/prospects/" + ids.existing() + "/personal-data"),
                Roles.ADMIN),
        GET_ONE(200, (request, ids) -> request.get("/prospects/" + ids.existing()), Roles.SELLER, Roles.MANAGER),
        LIST(200, (request, ids) -> request.get("/prospects"), Roles.SELLER, Roles.MANAGER),
        READ_AUDIT(200, (request, ids) -> request.get("/audit"), Roles.ADMIN),
        SET_QUOTA(201, (request, ids) -> json(request, "{\"customersTarget\":3}")
                .put("/quotas/" + CALLER + "/" + ids.month()), Roles.MANAGER),
        LIST_QUOTAS(200, (request, ids) -> request.get("/quotas"), Roles.SELLER, Roles.MANAGER);

        final int success;
        final BiFunction<RequestSpecification, Ids, Response> call;
        final List<String> mayCall;

        Endpoint(int success, BiFunction<RequestSpecification, Ids, Response> call, String... mayCall) {
            this.success = success;
            this.call = call;
            this.mayCall = List.of(mayCall);
        }

        List<String> mayNotCall() {
            return Arrays.stream(TestTokens.EVERY_ROLE).filter(role -> !mayCall.contains(role)).toList();
        }

        boolean writes() {
            return this != GET_ONE && this != LIST && this != READ_AUDIT && this != LIST_QUOTAS;
        }
    }

    /**
     * The prospect a case acts on, registered beforehand, an id nobody has registered yet, and a month for which
     * no quota is set yet.
     */
    record Ids(UUID existing, UUID fresh, YearMonth month) {
    }

    /** Each case's own month: far enough ahead that no other test sets a quota in it. */
    private static final AtomicInteger CASES = new AtomicInteger();

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    static Stream<Arguments> rolesThatMay() {
        return Arrays.stream(Endpoint.values())
                .flatMap(endpoint -> endpoint.mayCall.stream().map(role -> Arguments.of(endpoint, role)));
    }

    static Stream<Arguments> rolesThatMayNot() {
        return Arrays.stream(Endpoint.values())
                .flatMap(endpoint -> endpoint.mayNotCall().stream().map(role -> Arguments.of(endpoint, role)));
    }

    static Stream<Arguments> badTokens() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> Stream.of(
                Arguments.of(endpoint, "expired", TestTokens.expired(CALLER, endpoint.mayCall.toArray(String[]::new))),
                Arguments.of(endpoint, "tampered", TestTokens.tampered(CALLER, Roles.ANALYST))));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("rolesThatMay")
    void aRoleThatMayCallTheEndpointIsServed(Endpoint endpoint, String role) {
        Ids ids = newCase();

        endpoint.call.apply(given().auth().oauth2(TestTokens.of(CALLER, role)), ids)
                .then().statusCode(endpoint.success);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("rolesThatMayNot")
    void aRoleThatMayNotCallTheEndpointGetsA403ProblemAndNothingChanges(Endpoint endpoint, String role) {
        Ids ids = newCase();

        endpoint.call.apply(given().auth().oauth2(TestTokens.of(CALLER, role)), ids)
                .then().statusCode(403)
                .contentType(PROBLEM)
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"));

        assertNothingChanged(endpoint, ids);
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void noTokenIsA401ProblemWithABearerChallengeAndNothingChanges(Endpoint endpoint) {
        Ids ids = newCase();

        endpoint.call.apply(given().auth().none(), ids)
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"funnel\""))
                .body("status", equalTo(401));

        assertNothingChanged(endpoint, ids);
    }

    @ParameterizedTest(name = "{0} with an {1} token")
    @MethodSource("badTokens")
    void anExpiredOrTamperedTokenIsA401ProblemAndNothingChanges(Endpoint endpoint, String kind, String token) {
        Ids ids = newCase();

        endpoint.call.apply(given().auth().oauth2(token), ids)
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"funnel\", error=\"invalid_token\""))
                .body("status", equalTo(401));

        assertNothingChanged(endpoint, ids);
    }

    /** A prospect of sam's, registered with the default token, and an unused id. */
    private static Ids newCase() {
        return new Ids(ProspectTestSupport.registerHunted(CALLER), UUID.randomUUID(),
                YearMonth.of(2100, 1).plusMonths(CASES.getAndIncrement()));
    }

    /**
     * Nothing stored, changed, audited or published: checked with the default token (every role). For a write, a
     * later step of the same prospect is the next event on its key, so a refused step's event would come first.
     */
    private void assertNothingChanged(Endpoint endpoint, Ids ids) {
        given().get("/prospects/" + ids.fresh()).then().statusCode(404);
        given().get("/prospects/" + ids.existing()).then().statusCode(200)
                .body("stage", equalTo("FOUND"))
                .body("displayName", equalTo("Jo Baker"))
                .body("personalDataErasedAt", nullValue());
        given().queryParam("subjectId", ids.existing().toString()).get("/audit")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].action",
                        equalTo("prospect.registered"));
        given().get("/quotas/" + CALLER + "/" + ids.month()).then().statusCode(404);
        given().queryParam("subjectId", CALLER + "/" + ids.month()).get("/audit")
                .then().statusCode(200).body("total", equalTo(0));
        if (!endpoint.writes()) {
            return;
        }
        json(given(), "{\"by\":\"sam\"}").post("/prospects/" + ids.existing() + "/contact").then().statusCode(200);
        await().atMost(DELIVERY).until(() -> typesFor(kafka, ids.existing()).size() >= 2);
        assertThat(typesFor(kafka, ids.existing()))
                .containsExactly(CloudEventTypes.PROSPECT_FOUND, CloudEventTypes.PROSPECT_CONTACTED);
    }

    private static RequestSpecification json(RequestSpecification request, String body) {
        return request.contentType(ContentType.JSON).body(body);
    }
}
