package dev.funnel.prospect.api;

import static dev.funnel.prospect.api.ProspectTestSupport.hunted;
import static dev.funnel.prospect.api.ProspectTestSupport.registerHunted;
import static dev.funnel.prospect.api.ProspectTestSupport.typesFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.events.CloudEventTypes;
import dev.funnel.events.Topics;
import dev.funnel.testing.EventContract;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * What other teams rely on: each record keeps the published contract and carries no personal data, in its payload
 * or its headers; a refused step leaves no record; WON and LOST are both final.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ProspectContractTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** The personal data {@link ProspectTestSupport#hunted} registers. */
    private static final List<String> PERSONAL_DATA = List.of("Jo Baker", "Baker & Sons", "jo@baker.example",
            "+1 555 0100");

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void everyRecordKeepsTheContractAndNoneCarriesPersonalData() {
        UUID won = registerHunted("sam");
        step(won, "contact", "{\"by\":\"sam\"}").then().statusCode(200);
        step(won, "win", "{\"valueMinor\":500000}").then().statusCode(200);
        UUID lost = registerHunted("sam");
        step(lost, "lose", "{\"reason\":\"PRICE\"}").then().statusCode(200);

        await().atMost(DELIVERY).until(() -> records(won).size() == 3 && records(lost).size() == 2);
        for (UUID prospect : List.of(won, lost)) {
            for (ConsumerRecord<String, byte[]> record : records(prospect)) {
                EventContract.assertConforms(record);
                StringBuilder raw = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
                for (Header header : record.headers()) {
                    raw.append('\n').append(new String(header.value(), StandardCharsets.UTF_8));
                }
                assertThat(raw.toString()).as(KafkaTestClient.header(record, "ce_type"))
                        .doesNotContain(PERSONAL_DATA);
            }
        }
    }

    @Test
    void wonAndLostAreFinalAndARefusedStepPublishesNothing() {
        UUID won = registerHunted("sam");
        step(won, "win", "{\"valueMinor\":100}").then().statusCode(200);
        UUID lost = registerHunted("sam");
        step(lost, "lose", "{\"reason\":\"NO_DECISION\"}").then().statusCode(200);

        for (UUID closed : List.of(won, lost)) {
            String stage = closed.equals(won) ? "WON" : "LOST";
            step(closed, "contact", "{\"by\":\"sam\"}").then().statusCode(409).body("stage", equalTo(stage));
            step(closed, "win", "{\"valueMinor\":100}").then().statusCode(409).body("stage", equalTo(stage));
            step(closed, "lose", "{\"reason\":\"TIMING\"}").then().statusCode(409).body("stage", equalTo(stage));
        }
        // The relay publishes in commit order: once a later prospect's event is out, a refused step's would be too.
        UUID later = registerHunted("sam");
        await().atMost(DELIVERY).until(() -> !records(later).isEmpty());

        assertThat(typesFor(kafka, won)).containsExactly(CloudEventTypes.PROSPECT_FOUND, CloudEventTypes.PROSPECT_WON);
        assertThat(typesFor(kafka, lost)).containsExactly(CloudEventTypes.PROSPECT_FOUND,
                CloudEventTypes.PROSPECT_LOST);
    }

    @Test
    void aDisplayNameMayHave120CharactersButNotMore() {
        assertThat(register("n".repeat(120))).isEqualTo(201);
        assertThat(register("n".repeat(121))).isEqualTo(400);
        assertThat(register("")).isEqualTo(400);
    }

    private static int register(String displayName) {
        String body = hunted(UUID.randomUUID(), "sam").replace("Jo Baker", displayName);
        return given().contentType(ContentType.JSON).body(body).post("/prospects").then().extract().statusCode();
    }

    private List<ConsumerRecord<String, byte[]>> records(UUID prospect) {
        return kafka.readAll(Topics.PROSPECTS, prospect.toString());
    }

    private static Response step(UUID id, String step, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/prospects/" + id + "/" + step);
    }
}
