package dev.funnel.activity.api;

import static dev.funnel.activity.api.ActivityServiceTestSupport.defineTechnique;
import static dev.funnel.activity.api.ActivityServiceTestSupport.eventsFor;
import static dev.funnel.activity.api.ActivityServiceTestSupport.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.activity.api.ActivityServiceTestSupport.ReceivedEvent;
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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what, endpoint by endpoint, with tokens signed by a real issuer: marketers write techniques and
 * activities; marketers, managers and analysts read them; admins read the audit trail. Every other caller is
 * refused, and a refused write stores and publishes nothing.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class AccessRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CHALLENGE = "Bearer realm=\"funnel\"";
    private static final String INVALID_TOKEN_CHALLENGE = "Bearer realm=\"funnel\", error=\"invalid_token\"";
    private static final Set<String> READERS = Set.of(Roles.MARKETER, Roles.MANAGER, Roles.ANALYST);
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    /** What each call works on, made fresh for each by the test's default caller, who holds every role. */
    record Fixture(String slug, String activityId) {
    }

    /** Every endpoint of the service, the roles that may call it and what it answers them. */
    enum Endpoint {
        DEFINE_TECHNIQUE("POST /techniques", 201, Set.of(Roles.MARKETER),
                (request, fixture) -> request.contentType(ContentType.JSON)
                        .body(technique(uniqueSlug("access"), "Blog posts", "DAILY"))
                        .post("/techniques")),
        LIST_TECHNIQUES("GET /techniques", 200, READERS,
                (request, fixture) -> request.get("/techniques")),
        GET_TECHNIQUE("GET /techniques/{slug}", 200, READERS,
                (request, fixture) -> request.get("/techniques/" + fixture.slug())),
        CHANGE_TECHNIQUE("PUT /techniques/{slug}", 200, Set.of(Roles.MARKETER),
                (request, fixture) -> request.contentType(ContentType.JSON)
                        .body("{\"name\":\"Renamed\",\"cadence\":\"WEEKLY\"}")
                        .put("/techniques/" + fixture.slug())),
        LOG_ACTIVITY("POST /activities", 201, Set.of(Roles.MARKETER),
                (request, fixture) -> request.contentType(ContentType.JSON)
                        .body(activity(UUID.randomUUID(), fixture.slug()))
                        .post("/activities")),
        LOG_BATCH("POST /activities/batch", 201, Set.of(Roles.MARKETER),
                (request, fixture) -> request.contentType(ContentType.JSON)
                        .body(batch(activity(UUID.randomUUID(), fixture.slug())))
                        .post("/activities/batch")),
        LIST_ACTIVITIES("GET /activities", 200, READERS,
                (request, fixture) -> request.queryParam("technique", fixture.slug()).get("/activities")),
        GET_ACTIVITY("GET /activities/{id}", 200, READERS,
                (request, fixture) -> request.get("/activities/" + fixture.activityId())),
        READ_AUDIT("GET /audit", 200, Set.of(Roles.ADMIN),
                (request, fixture) -> request.get("/audit"));

        private final String label;
        private final int success;
        private final Set<String> roles;
        private final BiFunction<RequestSpecification, Fixture, Response> call;

        Endpoint(String label, int success, Set<String> roles,
                BiFunction<RequestSpecification, Fixture, Response> call) {
            this.label = label;
            this.success = success;
            this.roles = roles;
            this.call = call;
        }

        Response callAs(RequestSpecification caller, Fixture fixture) {
            return call.apply(caller, fixture);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private Fixture fixture;

    @BeforeEach
    void defineATechniqueWithAnActivity() {
        String slug = uniqueSlug("access");
        defineTechnique(slug, "DAILY");
        String activityId = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(activity(UUID.fromString(activityId), slug))
                .post("/activities").then().statusCode(201);
        fixture = new Fixture(slug, activityId);
    }

    static Stream<Arguments> everyEndpointAsEveryRole() {
        return Arrays.stream(Endpoint.values())
                .flatMap(endpoint -> Arrays.stream(TestTokens.EVERY_ROLE).map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAsEveryRole")
    void aRoleThatMayIsServedAndEveryOtherIsA403Problem(Endpoint endpoint, String role) {
        Response response = endpoint.callAs(given().auth().oauth2(TestTokens.of("someone", role)), fixture);

        if (endpoint.roles.contains(role)) {
            response.then().statusCode(endpoint.success);
        } else {
            response.then().statusCode(403)
                    .contentType(PROBLEM)
                    .body("status", equalTo(403))
                    .body("title", equalTo("Forbidden"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void aTokenWithoutAnyRoleIsA403Problem(Endpoint endpoint) {
        endpoint.callAs(given().auth().oauth2(TestTokens.of("nobody")), fixture)
                .then().statusCode(403)
                .contentType(PROBLEM);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void noTokenIsA401ProblemWithABearerChallenge(Endpoint endpoint) {
        endpoint.callAs(given().auth().none(), fixture)
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo(CHALLENGE))
                .body("status", equalTo(401));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void anExpiredTokenOfARoleThatMayIsA401Problem(Endpoint endpoint) {
        String role = endpoint.roles.iterator().next();
        endpoint.callAs(given().auth().oauth2(TestTokens.expired("someone", role)), fixture)
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo(INVALID_TOKEN_CHALLENGE));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void aTamperedTokenOfARoleThatMayIsA401Problem(Endpoint endpoint) {
        String role = endpoint.roles.iterator().next();
        endpoint.callAs(given().auth().oauth2(TestTokens.tampered("someone", role)), fixture)
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo(INVALID_TOKEN_CHALLENGE));
    }

    @Test
    void aRefusedActivityIsNeitherStoredNorPublished() {
        UUID single = UUID.randomUUID();
        UUID inBatch = UUID.randomUUID();
        for (Supplier<RequestSpecification> refused : refusedWriters()) {
            int status = refused.get().contentType(ContentType.JSON).body(activity(single, fixture.slug()))
                    .post("/activities").statusCode();
            assertThat(status).isIn(401, 403);
            status = refused.get().contentType(ContentType.JSON).body(batch(activity(inBatch, fixture.slug())))
                    .post("/activities/batch").statusCode();
            assertThat(status).isIn(401, 403);
        }
        String marker = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.of("mia", Roles.MARKETER)).contentType(ContentType.JSON)
                .body(activity(UUID.fromString(marker), fixture.slug()))
                .post("/activities").then().statusCode(201);

        given().get("/activities/" + single).then().statusCode(404);
        given().get("/activities/" + inBatch).then().statusCode(404);
        given().queryParam("technique", fixture.slug()).get("/activities")
                .then().statusCode(200).body("total", equalTo(2));
        // One key keeps one order: once the marker is on the topic, anything refused before it would be too.
        await().atMost(DELIVERY).until(() -> activityIds(fixture.slug()).contains(marker));
        assertThat(activityIds(fixture.slug())).containsExactly(fixture.activityId(), marker);
    }

    @Test
    void aRefusedTechniqueChangeChangesAndPublishesNothing() {
        for (Supplier<RequestSpecification> refused : refusedWriters()) {
            int status = refused.get().contentType(ContentType.JSON)
                    .body("{\"name\":\"Hijacked\",\"cadence\":\"WEEKLY\"}")
                    .put("/techniques/" + fixture.slug()).statusCode();
            assertThat(status).isIn(401, 403);
        }

        given().get("/techniques/" + fixture.slug()).then().statusCode(200)
                .body("name", equalTo("Blog posts"))
                .body("cadence", equalTo("DAILY"));
        // One key keeps one order: a change a refused PUT published would be on the topic before this marker.
        String marker = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.of("mia", Roles.MARKETER)).contentType(ContentType.JSON)
                .body(activity(UUID.fromString(marker), fixture.slug()))
                .post("/activities").then().statusCode(201);
        await().atMost(DELIVERY).until(() -> activityIds(fixture.slug()).contains(marker));
        List<ReceivedEvent> definitions = eventsFor(kafka, fixture.slug()).stream()
                .filter(event -> CloudEventTypes.MARKETING_TECHNIQUE_DEFINED.equals(event.type()))
                .toList();
        assertThat(definitions).hasSize(1);
        assertThat(definitions.get(0).payload().get("name").asText()).isEqualTo("Blog posts");
    }

    @Test
    void aRefusedTechniqueDefinitionStoresAndPublishesNothing() {
        String slug = uniqueSlug("refused");
        for (Supplier<RequestSpecification> refused : refusedWriters()) {
            int status = refused.get().contentType(ContentType.JSON).body(technique(slug, "Hijacked", "WEEKLY"))
                    .post("/techniques").statusCode();
            assertThat(status).isIn(401, 403);
        }
        given().get("/techniques/" + slug).then().statusCode(404);

        given().auth().oauth2(TestTokens.of("mia", Roles.MARKETER)).contentType(ContentType.JSON)
                .body(technique(slug, "Newsletter", "WEEKLY"))
                .post("/techniques").then().statusCode(201);
        await().atMost(DELIVERY).until(() -> !eventsFor(kafka, slug).isEmpty());
        List<ReceivedEvent> events = eventsFor(kafka, slug);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).payload().get("name").asText()).isEqualTo("Newsletter");
    }

    /** Callers a write refuses: no token, a marketer's token expired or tampered with, and each other role. */
    private static List<Supplier<RequestSpecification>> refusedWriters() {
        return List.of(
                () -> given().auth().none(),
                () -> given().auth().oauth2(TestTokens.expired("mia", Roles.MARKETER)),
                () -> given().auth().oauth2(TestTokens.tampered("mia", Roles.MARKETER)),
                () -> given().auth().oauth2(TestTokens.of("sam", Roles.SELLER)),
                () -> given().auth().oauth2(TestTokens.of("maria", Roles.MANAGER)),
                () -> given().auth().oauth2(TestTokens.of("alex", Roles.ANALYST)),
                () -> given().auth().oauth2(TestTokens.of("ada", Roles.ADMIN)));
    }

    private List<String> activityIds(String slug) {
        return eventsFor(kafka, slug).stream()
                .filter(event -> CloudEventTypes.MARKETING_ACTIVITY_LOGGED.equals(event.type()))
                .map(event -> event.payload().get("activityId").asText())
                .toList();
    }

    private static String technique(String slug, String name, String cadence) {
        return "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\",\"cadence\":\"" + cadence + "\"}";
    }

    private static String activity(UUID id, String slug) {
        return ActivityResourceTest.activity(id, slug, "2026-11-20", 30, 0L, null, null);
    }

    private static String batch(String... activities) {
        return "{\"activities\":[" + String.join(",", activities) + "]}";
    }
}
