package dev.funnel.prospect.api;

import static dev.funnel.prospect.api.ProspectTestSupport.registerHunted;
import static dev.funnel.prospect.api.ProspectTestSupport.typesFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.funnel.events.CloudEventTypes;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class PersonalDataTest {

    @Test
    void erasureRemovesWhoTheProspectIsKeepsTheFactsAndPublishesNothing() {
        UUID id = registerHunted("sam");
        given().contentType(ContentType.JSON).body("{\"by\":\"sam\"}").post("/prospects/" + id + "/contact")
                .then().statusCode(200);

        given().delete("/prospects/" + id + "/personal-data").then().statusCode(200)
                .body("displayName", nullValue())
                .body("company", nullValue())
                .body("email", nullValue())
                .body("phone", nullValue())
                .body("personalDataErasedAt", notNullValue())
                .body("stage", equalTo("CONTACTED"))
                .body("owner", equalTo("sam"))
                .body("estimatedValueMinor", equalTo(500000));
        given().delete("/prospects/" + id + "/personal-data").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"valueMinor\":1000}").post("/prospects/" + id + "/win")
                .then().statusCode(200).body("displayName", nullValue());

        KafkaTestClient kafka = KafkaTestClient.shared();
        // The win comes after the erasure on the same key: once it is there, an erasure event would be too.
        await().atMost(Duration.ofSeconds(30)).until(() -> typesFor(kafka, id).size() >= 3);
        assertThat(typesFor(kafka, id)).containsExactly(CloudEventTypes.PROSPECT_FOUND,
                CloudEventTypes.PROSPECT_CONTACTED, CloudEventTypes.PROSPECT_WON);
    }

    @Test
    void concurrentErasuresAllSucceedAndPublishNothing() throws Exception {
        for (int round = 0; round < 3; round++) {
            UUID id = registerHunted("sam");

            List<Integer> statuses = race(10, attempt -> given().delete("/prospects/" + id + "/personal-data"));

            assertThat(statuses).containsOnly(200);
            given().get("/prospects/" + id).then().statusCode(200)
                    .body("displayName", nullValue()).body("personalDataErasedAt", notNullValue());
            given().contentType(ContentType.JSON).body("{\"reason\":\"PRICE\"}").post("/prospects/" + id + "/lose")
                    .then().statusCode(200);
            KafkaTestClient kafka = KafkaTestClient.shared();
            await().atMost(Duration.ofSeconds(30)).until(() -> typesFor(kafka, id).size() >= 2);
            assertThat(typesFor(kafka, id))
                    .containsExactly(CloudEventTypes.PROSPECT_FOUND, CloudEventTypes.PROSPECT_LOST);
        }
    }

    @Test
    void anErasureRacingAStepLetsBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID id = registerHunted("sam");

            List<Integer> statuses = race(2, attempt -> attempt == 0
                    ? given().delete("/prospects/" + id + "/personal-data")
                    : given().contentType(ContentType.JSON).body("{\"by\":\"sam\"}")
                            .post("/prospects/" + id + "/contact"));

            assertThat(statuses).containsExactly(200, 200);
            given().get("/prospects/" + id).then().statusCode(200)
                    .body("stage", equalTo("CONTACTED")).body("displayName", nullValue());
        }
    }

    @Test
    void erasingAnUnknownProspectIsNotFound() {
        given().delete("/prospects/" + UUID.randomUUID() + "/personal-data").then().statusCode(404);
    }

    /** Sends {@code clients} requests at once; the statuses in the order of the attempts. */
    private static List<Integer> race(int clients, IntFunction<Response> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int number = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return attempt.apply(number).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
