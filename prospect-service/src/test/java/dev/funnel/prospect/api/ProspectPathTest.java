package dev.funnel.prospect.api;

import static dev.funnel.prospect.api.ProspectTestSupport.eventsFor;
import static dev.funnel.prospect.api.ProspectTestSupport.registerHunted;
import static dev.funnel.prospect.api.ProspectTestSupport.typesFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.events.CloudEventTypes;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ProspectPathTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource dataSource;

    @Test
    void aProspectIsContactedThenWonAndEachStepIsPublishedInOrder() {
        UUID id = UUID.randomUUID();
        Instant foundAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\","
                        + "\"foundAt\":\"" + foundAt + "\"}")
                .post("/prospects").then().statusCode(201);
        Instant contactedAt = foundAt.plus(1, ChronoUnit.HOURS);
        Instant wonAt = contactedAt.plus(1, ChronoUnit.HOURS);

        post(id, "contact", "{\"by\":\"alex\",\"at\":\"" + contactedAt + "\"}")
                .then().statusCode(200).body("stage", equalTo("CONTACTED")).body("contactedBy", equalTo("alex"));
        post(id, "win", "{\"valueMinor\":420000,\"at\":\"" + wonAt + "\"}")
                .then().statusCode(200).body("stage", equalTo("WON")).body("wonCurrency", equalTo("USD"));

        await().atMost(DELIVERY).until(() -> eventsFor(kafka, id).size() == 3);
        assertThat(typesFor(kafka, id)).containsExactly(CloudEventTypes.PROSPECT_FOUND,
                CloudEventTypes.PROSPECT_CONTACTED, CloudEventTypes.PROSPECT_WON);
        JsonNode contacted = eventsFor(kafka, id).get(1).payload();
        assertThat(contacted.get("owner").asText()).isEqualTo("alex");
        assertThat(Instant.parse(contacted.get("contactedAt").asText())).isEqualTo(contactedAt);
        JsonNode won = eventsFor(kafka, id).get(2).payload();
        assertThat(won.get("valueMinor").asLong()).isEqualTo(420000L);
        assertThat(won.get("currency").asText()).isEqualTo("USD");
        assertThat(Instant.parse(won.get("wonAt").asText())).isEqualTo(wonAt);
    }

    @Test
    void aFoundProspectCanBeLostWithAnObjectionCategory() {
        UUID id = registerHunted("sam");

        post(id, "lose", "{\"reason\":\"PRICE\"}").then().statusCode(200).body("stage", equalTo("LOST"));

        await().atMost(DELIVERY).until(() -> eventsFor(kafka, id).size() == 2);
        assertThat(eventsFor(kafka, id).get(1).payload().get("reason").asText()).isEqualTo("PRICE");
    }

    @Test
    void winningAClosedProspectIsRefusedNamingItsStage() {
        UUID id = registerHunted("sam");
        post(id, "win", "{\"valueMinor\":100}").then().statusCode(200);

        post(id, "win", "{\"valueMinor\":100}").then().statusCode(409)
                .contentType("application/problem+json").body("stage", equalTo("WON"));
        post(id, "lose", "{\"reason\":\"NO_RESPONSE\"}").then().statusCode(409).body("stage", equalTo("WON"));
        post(id, "contact", "{\"by\":\"sam\"}").then().statusCode(409).body("stage", equalTo("WON"));
    }

    @Test
    void aContactedProspectCannotBeContactedAgain() {
        UUID id = registerHunted("sam");
        post(id, "contact", "{\"by\":\"sam\"}").then().statusCode(200);

        post(id, "contact", "{\"by\":\"sam\"}").then().statusCode(409).body("stage", equalTo("CONTACTED"));
    }

    @Test
    void aStepBeforeThePreviousOneOrInTheFutureIsRefused() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"displayName\":\"A\",\"source\":\"SALES\",\"owner\":\"sam\","
                        + "\"foundAt\":\"2026-03-10T09:00:00Z\"}")
                .post("/prospects").then().statusCode(201);

        post(id, "contact", "{\"by\":\"sam\",\"at\":\"2026-03-09T09:00:00Z\"}")
                .then().statusCode(400).body("violations.field", contains("at"));
        post(id, "contact", "{\"by\":\"sam\",\"at\":\"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"}")
                .then().statusCode(400).body("violations.field", contains("at"));
        post(id, "contact", "{\"by\":\"sam\",\"at\":\"2026-03-11T09:00:00Z\"}").then().statusCode(200);
        post(id, "win", "{\"valueMinor\":5,\"at\":\"2026-03-10T12:00:00Z\"}")
                .then().statusCode(400).body("violations.field", contains("at"));
    }

    @Test
    void aStepBefore2000IsRefusedEvenAfterAnOlderFoundAt() throws Exception {
        // Stored before foundAt had a floor: its steps must still not go back before 2000.
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into prospect (id, display_name,"
                        + " source, owner, estimated_value_minor, currency, stage, found_at)"
                        + " values (?, 'Old', 'SALES', 'sam', 0, 'USD', 'FOUND', '0001-01-01T00:00:00Z')")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }

        post(id, "contact", "{\"by\":\"sam\",\"at\":\"1999-12-31T23:59:59Z\"}")
                .then().statusCode(400).body("violations.field", contains("at"));
        post(id, "win", "{\"valueMinor\":5,\"at\":\"0500-01-01T00:00:00Z\"}")
                .then().statusCode(400).body("violations.field", contains("at"));
        post(id, "lose", "{\"reason\":\"PRICE\",\"at\":\"1000-01-01T00:00:00Z\"}")
                .then().statusCode(400).body("violations.field", contains("at"));
        given().get("/prospects/" + id).then().statusCode(200).body("stage", equalTo("FOUND"));
    }

    @Test
    void badTransitionBodiesAreNamed() {
        UUID id = registerHunted("sam");

        post(id, "win", "{\"valueMinor\":0,\"currency\":\"EURO\"}").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("valueMinor", "currency"));
        post(id, "lose", "{\"reason\":\"BORED\"}").then().statusCode(400)
                .body("violations.field", contains("reason"));
        post(id, "contact", "{}").then().statusCode(400).body("violations.field", contains("by"));
    }

    @Test
    void ofTwoConcurrentTransitionsExactlyOneSucceedsAndOneEventIsPublished() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID id = registerHunted("sam");
            ExecutorService sellers = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> attempts = List.of(
                        () -> post(id, "win", "{\"valueMinor\":900}").then().extract().statusCode(),
                        () -> post(id, "lose", "{\"reason\":\"TIMING\"}").then().extract().statusCode());
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> status : sellers.invokeAll(attempts)) {
                    statuses.add(status.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            } finally {
                sellers.shutdown();
            }
            String stage = given().get("/prospects/" + id).then().extract().path("stage");
            // Once the outbox is empty, every committed event is on its way to the topic: a loser's would be
            // too. Waiting still, since read_committed readers see a transaction only once its markers are written.
            await().atMost(DELIVERY).until(() -> unsentOutboxRows() == 0);
            await().atMost(DELIVERY).untilAsserted(() -> assertThat(typesFor(kafka, id)).containsExactly(
                    CloudEventTypes.PROSPECT_FOUND,
                    "WON".equals(stage) ? CloudEventTypes.PROSPECT_WON : CloudEventTypes.PROSPECT_LOST));
        }
    }

    private long unsentOutboxRows() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from outbox where sent_at is null")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static io.restassured.response.Response post(UUID id, String step, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/prospects/" + id + "/" + step);
    }
}
