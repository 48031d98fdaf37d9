package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.projection;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.analytics.messaging.ProjectionRebuild;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.TestTokens;
import dev.funnel.web.security.Roles;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what, endpoint by endpoint, with tokens signed by the test issuer: the figures are read by analysts,
 * managers and marketers, the quotas by analysts, managers and sellers; the projection and its rebuild are an admin's, as is the audit trail. A refused rebuild
 * starts nothing and leaves no audit entry.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class AccessRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String[] READERS = {Roles.ANALYST, Roles.MANAGER, Roles.MARKETER};
    private static final String[] ADMINS = {Roles.ADMIN};
    /** Quotas are sales figures: a seller reads their own, managers and analysts everyone's; marketers none. */
    private static final String[] QUOTA_READERS = {Roles.ANALYST, Roles.MANAGER, Roles.SELLER};
    private static final String RANGE = "from=2026-01-01&to=2026-01-31";
    private static final Endpoint REBUILD = new Endpoint("POST", "/admin/projection/rebuild", ADMINS);

    @Inject
    ProjectionRebuild rebuild;
    @Inject
    AgroalDataSource dataSource;

    /** An endpoint, with the query it needs to be answered, and the roles that may call it. */
    record Endpoint(String method, String path, String[] mayCall) {

        List<String> mayNotCall() {
            return Arrays.stream(TestTokens.EVERY_ROLE).filter(role -> !Arrays.asList(mayCall).contains(role))
                    .toList();
        }

        Response by(RequestSpecification request) {
            return request.request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every endpoint but the rebuild, which changes the read model and has tests of its own below. */
    static Stream<Endpoint> reads() {
        return Stream.of(
                new Endpoint("GET", "/funnel?" + RANGE, READERS),
                new Endpoint("GET", "/funnel/breakdown?by=source&" + RANGE, READERS),
                new Endpoint("GET", "/funnel/objections?" + RANGE, READERS),
                new Endpoint("GET", "/insights/consistency?" + RANGE, READERS),
                new Endpoint("GET", "/insights/sprout-lag", READERS),
                new Endpoint("GET", "/insights/hunting-vs-farming?" + RANGE, READERS),
                new Endpoint("GET", "/insights/harvest?" + RANGE, READERS),
                new Endpoint("GET", "/insights/time-in-stage?" + RANGE, READERS),
                new Endpoint("GET", "/insights/lost?" + RANGE, READERS),
                new Endpoint("GET", "/insights/quota?month=2026-01", QUOTA_READERS),
                new Endpoint("GET", "/insights/forecast", READERS),
                new Endpoint("GET", "/insights/forecast/backtest", READERS),
                new Endpoint("GET", "/admin/projection", ADMINS),
                new Endpoint("GET", "/audit", ADMINS));
    }

    static Stream<Endpoint> everyEndpoint() {
        return Stream.concat(reads(), Stream.of(REBUILD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void eachRoleThatMayReadIsServed(Endpoint endpoint) {
        for (String role : endpoint.mayCall()) {
            endpoint.by(given().auth().oauth2(TestTokens.of("pat", role)))
                    .then().statusCode(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void everyOtherRoleIsA403Problem(Endpoint endpoint) {
        assertThat(endpoint.mayNotCall()).isNotEmpty();
        for (String role : endpoint.mayNotCall()) {
            endpoint.by(given().auth().oauth2(TestTokens.of("pat", role)))
                    .then().statusCode(403)
                    .contentType(PROBLEM)
                    .body("status", equalTo(403));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void noTokenIsA401ProblemWithABearerChallenge(Endpoint endpoint) {
        endpoint.by(given().auth().none())
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"funnel\""))
                .body("status", equalTo(401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void anExpiredOrTamperedTokenIsA401ProblemNamingAnInvalidToken(Endpoint endpoint) {
        // Holding a role that may call the endpoint: only the token's validity differs from a request served.
        String role = endpoint.mayCall()[0];
        for (String token : List.of(TestTokens.expired("pat", role), TestTokens.tampered("pat", role))) {
            endpoint.by(given().auth().oauth2(token))
                    .then().statusCode(401)
                    .contentType(PROBLEM)
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"funnel\", error=\"invalid_token\""))
                    .body("status", equalTo(401));
        }
    }

    @Test
    void anAdminStartsARebuildAndTheAuditTrailSaysWho() {
        await().atMost(FunnelScenarioTest.PROJECTED).until(() -> !rebuild.running());
        String admin = "ada-" + UUID.randomUUID().toString().substring(0, 8);

        long runId = AnalyticsApi.parse(REBUILD.by(given().auth().oauth2(TestTokens.of(admin, Roles.ADMIN)))
                .then().statusCode(202)
                .extract().asString()).get("id").asLong();

        given().auth().oauth2(TestTokens.of("auditor", Roles.ADMIN)).queryParam("actor", admin)
                .get("/audit")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("projection.rebuild-started"))
                .body("items[0].subjectType", equalTo("projection"))
                .body("items[0].subjectId", equalTo("funnel"));
        // The classes after this one must not find their figures emptied by a rebuild still running.
        await().atMost(FunnelScenarioTest.PROJECTED).untilAsserted(() -> {
            JsonNode run = projection().get("rebuild");
            assertThat(run.get("id").asLong()).isEqualTo(runId);
            assertThat(run.get("state").asText()).isEqualTo("DONE");
        });
    }

    @Test
    void aRebuildRefusedForWantOfAValidTokenOrOfTheRoleStartsNothing() {
        await().atMost(FunnelScenarioTest.PROJECTED).until(() -> !rebuild.running());
        JsonNode latest = projection().get("rebuild");
        long auditedBefore = rebuildsAudited();

        REBUILD.by(given().auth().none()).then().statusCode(401);
        REBUILD.by(given().auth().oauth2(TestTokens.expired("ada", Roles.ADMIN))).then().statusCode(401);
        // Signed for a seller, then widened to admin: the signature no longer holds.
        REBUILD.by(given().auth().oauth2(TestTokens.tampered("sam", Roles.SELLER))).then().statusCode(401);
        for (String role : REBUILD.mayNotCall()) {
            REBUILD.by(given().auth().oauth2(TestTokens.of("pat", role))).then().statusCode(403);
        }

        assertThat(rebuild.running()).isFalse();
        assertThat(projection().get("rebuild")).isEqualTo(latest);
        assertThat(rebuildsAudited()).isEqualTo(auditedBefore);
    }

    @Test
    void aRebuildRefusedBecauseAnotherIsRunningIsNotAudited() throws Exception {
        await().atMost(FunnelScenarioTest.PROJECTED).until(() -> !rebuild.running());
        JsonNode latest = projection().get("rebuild");
        long auditedBefore = rebuildsAudited();
        try (Connection otherReplica = dataSource.getConnection();
                PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, ProjectionRebuild.ADVISORY_LOCK);
            lock.execute();
            try {
                REBUILD.by(given().auth().oauth2(TestTokens.of("ada", Roles.ADMIN))).then().statusCode(409);
            } finally {
                try (PreparedStatement unlock = otherReplica.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, ProjectionRebuild.ADVISORY_LOCK);
                    unlock.execute();
                }
            }
        }
        assertThat(projection().get("rebuild")).isEqualTo(latest);
        assertThat(rebuildsAudited()).isEqualTo(auditedBefore);
    }

    private static long rebuildsAudited() {
        return given().auth().oauth2(TestTokens.of("auditor", Roles.ADMIN))
                .queryParam("action", "projection.rebuild-started")
                .get("/audit")
                .then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }
}
