package dev.funnel.objection.api;

import static dev.funnel.objection.ObjectionServiceTestSupport.PATIENCE;
import static dev.funnel.objection.api.ObjectionResourceTest.raise;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.objection.ObjectionServiceTestSupport;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TestTokens;
import dev.funnel.web.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every write that changed something is in the audit trail, read back through GET /audit; nothing else is. */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class AuditTest {

    /** A name found nowhere else, so that its absence from the topic means something. */
    private static final String ACTOR = "sam.audit-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SELLER = TestTokens.of(ACTOR, Roles.SELLER);
    private static final String ADMIN = TestTokens.of("ada", Roles.ADMIN);

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource dataSource;

    private ObjectionServiceTestSupport support;
    private UUID prospectId;

    @BeforeEach
    void theSellerOwnsAnOpenProspect() {
        support = new ObjectionServiceTestSupport(kafka, dataSource);
        prospectId = support.openProspectOf(ACTOR);
    }

    @Test
    void raisingAndResolvingAreRecordedWithWhoDidWhatToWhichObjectionNewestFirst() {
        String id = raiseAs(SELLER, raise(null, prospectId, "PRICE", "Too dear", null))
                .statusCode(201).extract().path("id");
        resolveAs(SELLER, id, "Pay monthly").statusCode(200);

        auditOf(id)
                .body("total", equalTo(2))
                .body("items.action", contains("objection.resolved", "objection.raised"))
                .body("items.actor", contains(ACTOR, ACTOR))
                .body("items.subjectType", contains("objection", "objection"))
                .body("items.subjectId", contains(id, id));
    }

    @Test
    void theActorIsRecordedButNeverPublished() {
        String id = raiseAs(SELLER, raise(null, prospectId, "PRICE", "Too dear", null))
                .statusCode(201).extract().path("id");
        resolveAs(SELLER, id, "Pay monthly").statusCode(200);

        await().atMost(PATIENCE).until(() -> support.objectionEvents(prospectId).size() == 2);
        for (ConsumerRecord<String, byte[]> event : support.objectionEvents(prospectId)) {
            assertThat(new String(event.value(), StandardCharsets.UTF_8)).doesNotContain(ACTOR);
            for (Header header : event.headers()) {
                assertThat(new String(header.value(), StandardCharsets.UTF_8)).doesNotContain(ACTOR);
            }
        }
        auditOf(id).body("items.actor", contains(ACTOR, ACTOR));
    }

    @Test
    void aRepeatedRaiseAndAResolutionRefusedRecordNothing() {
        UUID id = UUID.randomUUID();
        String body = raise(id, prospectId, "TIMING", "Next quarter", null);
        raiseAs(SELLER, body).statusCode(201);
        resolveAs(SELLER, id.toString(), "Call in March").statusCode(200);

        raiseAs(SELLER, body).statusCode(200);
        raiseAs(SELLER, raise(id, prospectId, "TIMING", "Another statement", null)).statusCode(409);
        resolveAs(SELLER, id.toString(), "Call in April").statusCode(409);
        resolveAs(TestTokens.of("alex", Roles.SELLER), id.toString(), "Call in May").statusCode(404);
        resolveAs(TestTokens.of("ana", Roles.ANALYST), id.toString(), "Call in June").statusCode(403);

        auditOf(id.toString())
                .body("total", equalTo(2))
                .body("items.action", contains("objection.resolved", "objection.raised"));
    }

    @Test
    void aRaiseRefusedByTheDomainRecordsNothing() {
        UUID id = UUID.randomUUID();
        support.awaitApplied(support.publish(ObjectionServiceTestSupport.won(prospectId, Instant.now())));

        raiseAs(SELLER, raise(id, prospectId, "PRICE", "Too dear", null)).statusCode(409);
        raiseAs(SELLER, raise(id, UUID.randomUUID(), "PRICE", "Too dear", null)).statusCode(422);

        auditOf(id.toString()).body("total", equalTo(0));
    }

    private static ValidatableResponse auditOf(String objectionId) {
        return given().auth().oauth2(ADMIN).queryParam("subjectType", "objection")
                .queryParam("subjectId", objectionId)
                .get("/audit").then().statusCode(200);
    }

    private static ValidatableResponse raiseAs(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/objections").then();
    }

    private static ValidatableResponse resolveAs(String token, String id, String bridge) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"bridge\":\"" + bridge + "\"}")
                .post("/objections/" + id + "/resolve").then();
    }
}
