package dev.funnel.activity.api;

import static dev.funnel.activity.api.ActivityServiceTestSupport.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import dev.funnel.events.Topics;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TestTokens;
import dev.funnel.web.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write that changed something is in the service's audit trail, with who did it; a replay, a refusal and a
 * rejection are not. Read back through {@code GET /audit} as an admin.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class AuditTest {

    private static final String ADMIN = TestTokens.of("ada", Roles.ADMIN);
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private final KafkaTestClient kafka = KafkaTestClient.shared();
    /** A marketer no other test acts as, so the trail can be read by actor. */
    private String marketer;
    private String slug;

    @BeforeEach
    void aMarketerOfTheirOwn() {
        marketer = "mia-" + UUID.randomUUID().toString().substring(0, 8);
        slug = uniqueSlug("audited");
    }

    @Test
    void definingATechniqueAndChangingItAreRecordedButAnUnchangedPutIsNot() {
        asMarketer().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Blog posts\",\"cadence\":\"DAILY\"}")
                .post("/techniques").then().statusCode(201);
        asMarketer().contentType(ContentType.JSON).body("{\"name\":\"Blog posts\",\"cadence\":\"WEEKLY\"}")
                .put("/techniques/" + slug).then().statusCode(200);
        asMarketer().contentType(ContentType.JSON).body("{\"name\":\"Blog posts\",\"cadence\":\"WEEKLY\"}")
                .put("/techniques/" + slug).then().statusCode(200);

        asAdmin().queryParam("subjectType", "technique").queryParam("subjectId", slug)
                .get("/audit")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", contains("technique.changed", "technique.defined"))
                .body("items.actor", everyItem(equalTo(marketer)))
                .body("items.subjectId", everyItem(equalTo(slug)));
    }

    @Test
    void aLoggedActivityIsRecordedOnceAndItsReplayNotAtAll() {
        defineTechnique();
        String id = UUID.randomUUID().toString();
        String body = ActivityResourceTest.activity(UUID.fromString(id), slug, "2026-11-20", 30, 0L, null, null);

        asMarketer().contentType(ContentType.JSON).body(body).post("/activities").then().statusCode(201);
        asMarketer().contentType(ContentType.JSON).body(body).post("/activities").then().statusCode(200);

        asAdmin().queryParam("subjectId", id)
                .get("/audit")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].actor", equalTo(marketer))
                .body("items[0].action", equalTo("activity.logged"))
                .body("items[0].subjectType", equalTo("activity"))
                .body("items[0].subjectId", equalTo(id));
    }

    @Test
    void aBatchRecordsOneEntryPerActivityItCreatedAndNoneForItsReplays() {
        defineTechnique();
        UUID earlier = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        asMarketer().contentType(ContentType.JSON).body(activity(earlier))
                .post("/activities").then().statusCode(201);

        asMarketer().contentType(ContentType.JSON)
                .body("{\"activities\":[" + activity(earlier) + "," + activity(first) + "," + activity(second) + "]}")
                .post("/activities/batch")
                .then().statusCode(201)
                .body("created", equalTo(2))
                .body("replayed", equalTo(1));

        asAdmin().queryParam("actor", marketer).queryParam("action", "activity.logged")
                .get("/audit")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.subjectId", containsInAnyOrder(earlier.toString(), first.toString(), second.toString()));
    }

    @Test
    void refusedAndRejectedWritesRecordNothing() {
        defineTechnique();
        String seller = "sam-" + UUID.randomUUID().toString().substring(0, 8);
        UUID refused = UUID.randomUUID();
        UUID unknownTechnique = UUID.randomUUID();

        given().auth().oauth2(TestTokens.of(seller, Roles.SELLER)).contentType(ContentType.JSON)
                .body(activity(refused)).post("/activities").then().statusCode(403);
        given().auth().oauth2(TestTokens.of(seller, Roles.SELLER)).contentType(ContentType.JSON)
                .body("{\"name\":\"Hijacked\",\"cadence\":\"WEEKLY\"}")
                .put("/techniques/" + slug).then().statusCode(403);
        given().auth().oauth2(TestTokens.tampered(marketer, Roles.MARKETER)).contentType(ContentType.JSON)
                .body(activity(refused)).post("/activities").then().statusCode(401);
        asMarketer().contentType(ContentType.JSON)
                .body(ActivityResourceTest.activity(unknownTechnique, uniqueSlug("unknown"), "2026-11-20", 30, 0L,
                        null, null))
                .post("/activities").then().statusCode(422);

        asAdmin().queryParam("actor", seller).get("/audit").then().statusCode(200).body("total", equalTo(0));
        asAdmin().queryParam("actor", marketer).get("/audit").then().statusCode(200).body("total", equalTo(0));
        asAdmin().queryParam("subjectId", refused.toString())
                .get("/audit").then().statusCode(200).body("total", equalTo(0));
        asAdmin().queryParam("subjectId", slug)
                .get("/audit").then().statusCode(200)
                .body("items.action", contains("technique.defined"));
    }

    @Test
    void theActorNeverGoesOnTheTopic() {
        asMarketer().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Blog posts\",\"cadence\":\"DAILY\"}")
                .post("/techniques").then().statusCode(201);
        asMarketer().contentType(ContentType.JSON).body(activity(UUID.randomUUID()))
                .post("/activities").then().statusCode(201);

        await().atMost(DELIVERY).until(() -> kafka.readAll(Topics.MARKETING_ACTIVITIES, slug).size() == 2);
        for (ConsumerRecord<String, byte[]> record : kafka.readAll(Topics.MARKETING_ACTIVITIES, slug)) {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(marketer);
            for (Header header : record.headers()) {
                assertThat(new String(header.value(), StandardCharsets.UTF_8)).doesNotContain(marketer);
            }
        }
    }

    @Test
    void onlyAnAdminReadsTheTrail() {
        for (String role : List.of(Roles.MARKETER, Roles.SELLER, Roles.MANAGER, Roles.ANALYST)) {
            given().auth().oauth2(TestTokens.of("someone", role))
                    .get("/audit")
                    .then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().none().get("/audit").then().statusCode(401).contentType("application/problem+json");
        asAdmin().get("/audit").then().statusCode(200);
    }

    private void defineTechnique() {
        // By the default caller, so that this test's marketer has only the entries the test makes.
        ActivityServiceTestSupport.defineTechnique(slug, "DAILY");
    }

    private RequestSpecification asMarketer() {
        return given().auth().oauth2(TestTokens.of(marketer, Roles.MARKETER));
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(ADMIN);
    }

    private String activity(UUID id) {
        return ActivityResourceTest.activity(id, slug, "2026-11-20", 30, 0L, null, null);
    }
}
