package dev.funnel.activity.api;

import static dev.funnel.activity.api.ActivityServiceTestSupport.defineTechnique;
import static dev.funnel.activity.api.ActivityServiceTestSupport.eventsFor;
import static dev.funnel.activity.api.ActivityServiceTestSupport.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.funnel.activity.api.ActivityServiceTestSupport.ReceivedEvent;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class TechniqueResourceTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void definingATechniquePublishesItsDefinitionKeyedBySlug() {
        String slug = uniqueSlug("blog");

        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Weekly blog\",\"cadence\":\"WEEKLY\"}")
                .post("/techniques")
                .then().statusCode(201)
                .header("Location", endsWith("/techniques/" + slug))
                .body("slug", equalTo(slug))
                .body("cadence", equalTo("WEEKLY"));

        await().atMost(DELIVERY).until(() -> eventsFor(kafka, slug).size() == 1);
        ReceivedEvent event = eventsFor(kafka, slug).get(0);
        assertThat(event.type()).isEqualTo(CloudEventTypes.MARKETING_TECHNIQUE_DEFINED);
        assertThat(event.payload().get("technique").asText()).isEqualTo(slug);
        assertThat(event.payload().get("name").asText()).isEqualTo("Weekly blog");
        assertThat(event.payload().get("cadence").asText()).isEqualTo("WEEKLY");
        assertThat(event.payload().has("definedAt")).isTrue();
    }

    @Test
    void aTakenSlugIsAConflict() {
        String slug = uniqueSlug("news");
        defineTechnique(slug, "DAILY");

        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Again\",\"cadence\":\"DAILY\"}")
                .post("/techniques")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("slug", equalTo(slug));
    }

    @Test
    void changingTheCadencePublishesTheNewDefinitionAndAnUnchangedPutPublishesNothing() {
        String slug = uniqueSlug("networking");
        defineTechnique(slug, "DAILY");

        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Blog posts\",\"cadence\":\"WEEKDAYS\"}")
                .put("/techniques/" + slug)
                .then().statusCode(200).body("cadence", equalTo("WEEKDAYS"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Blog posts\",\"cadence\":\"WEEKDAYS\"}")
                .put("/techniques/" + slug)
                .then().statusCode(200);
        // A later change is the marker: once it arrived, the unchanged PUT had every chance to publish.
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Blog posts\",\"cadence\":\"WEEKLY\"}")
                .put("/techniques/" + slug)
                .then().statusCode(200);

        await().atMost(DELIVERY).until(() -> eventsFor(kafka, slug).size() >= 3);
        List<String> cadences = eventsFor(kafka, slug).stream()
                .map(event -> event.payload().get("cadence").asText())
                .toList();
        assertThat(cadences).containsExactly("DAILY", "WEEKDAYS", "WEEKLY");
    }

    @Test
    void techniquesCanBeReadOneByOneAndAsAList() {
        String slug = uniqueSlug("ads");
        defineTechnique(slug, "WEEKLY");

        given().get("/techniques/" + slug).then().statusCode(200)
                .body("slug", equalTo(slug)).body("name", equalTo("Blog posts"));
        given().get("/techniques").then().statusCode(200).body("slug", hasItem(slug));
    }

    @Test
    void anUnknownTechniqueIsNotFound() {
        given().get("/techniques/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"cadence\":\"DAILY\"}")
                .put("/techniques/no-such-thing")
                .then().statusCode(404);
    }

    @Test
    void everyInvalidFieldIsNamed() {
        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"Not A Slug\",\"name\":\"\"}")
                .post("/techniques")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("slug", "name", "cadence"));
    }

    @Test
    void anUnknownCadenceIsABadRequest() {
        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"hourly\",\"name\":\"x\",\"cadence\":\"HOURLY\"}")
                .post("/techniques")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().contentType(ContentType.JSON)
                .body("{\"slug\": ")
                .post("/techniques")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void concurrentIdenticalChangesAllSucceedAndPublishTheNewDefinitionOnce() throws Exception {
        String slug = uniqueSlug("race-same");
        defineTechnique(slug, "DAILY");

        List<Response> answers = putConcurrently(slug, List.of("{\"name\":\"Raced\",\"cadence\":\"WEEKLY\"}"));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        assertThat(answers).extracting(answer -> answer.path("cadence").toString()).containsOnly("WEEKLY");
        List<String> cadences = definitionsUntilMarker(slug);
        assertThat(cadences).containsExactly("DAILY", "WEEKLY");
    }

    @Test
    void concurrentDifferentChangesAreRetryableConflictsAndEachRealChangeIsPublishedOnce() throws Exception {
        String slug = uniqueSlug("race-mixed");
        defineTechnique(slug, "DAILY");

        List<Response> answers = putConcurrently(slug, List.of(
                "{\"name\":\"R0\",\"cadence\":\"WEEKLY\"}", "{\"name\":\"R1\",\"cadence\":\"WEEKLY\"}"));

        assertThat(answers).extracting(Response::statusCode).isSubsetOf(200, 409).contains(200);
        answers.stream().filter(answer -> answer.statusCode() == 409).forEach(conflict -> {
            assertThat(conflict.contentType()).startsWith("application/problem+json");
            assertThat(conflict.<String>path("detail")).contains("changed by another request at the same time");
        });
        String stored = given().get("/techniques/" + slug).then().statusCode(200).extract().path("name");
        List<ReceivedEvent> changes = definitionEventsUntilMarker(slug);
        List<String> names = changes.stream().map(event -> event.payload().get("name").asText()).toList();
        // The definition, then one event per change that was stored: never the same definition twice in a row.
        assertThat(names.get(0)).isEqualTo("Blog posts");
        for (int i = 1; i < names.size(); i++) {
            assertThat(names.get(i)).isNotEqualTo(names.get(i - 1));
        }
        assertThat(names).last().isEqualTo(stored);
        assertThat(names.size() - 1).isBetween(1, (int) answers.stream().filter(a -> a.statusCode() == 200).count());
    }

    @Test
    void aSlugWithANulCharacterIsNotFound() {
        given().urlEncodingEnabled(false).get("/techniques/fz-blog%00")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"cadence\":\"DAILY\"}")
                .put("/techniques/a%00b")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSlugOrNameThatIsNoTextIsRefusedNotConverted() {
        String slug = uniqueSlug("typed");

        given().contentType(ContentType.JSON)
                .body("{\"slug\":true,\"name\":\"x\",\"cadence\":\"DAILY\"}")
                .post("/techniques")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("slug"));
        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":123,\"cadence\":\"DAILY\"}")
                .post("/techniques")
                .then().statusCode(400)
                .body("violations.field", contains("name"));
        given().get("/techniques/true").then().statusCode(404);
        given().get("/techniques/" + slug).then().statusCode(404);
    }

    @Test
    void aNumberIsNoCadence() {
        String slug = uniqueSlug("numbered");

        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"x\",\"cadence\":0}")
                .post("/techniques")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("cadence"))
                .body("violations[0].message", containsString("DAILY"));
        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"x\",\"cadence\":2147483648}")
                .post("/techniques")
                .then().statusCode(400)
                .body("violations.field", contains("cadence"))
                .body("violations[0].message", containsString("DAILY"));
        given().get("/techniques/" + slug).then().statusCode(404);
    }

    @Test
    void aNameWithAnUnpairedSurrogateIsRefused() {
        String slug = uniqueSlug("surrogate");

        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"a\\ud800b\",\"cadence\":\"DAILY\"}")
                .post("/techniques")
                .then().statusCode(400)
                .body("violations.field", contains("name"))
                .body("violations[0].message", containsString("unpaired surrogate"));
    }

    /** Twenty clients PUT at once, cycling through the bodies; every answer, for the test to judge. */
    private static List<Response> putConcurrently(String slug, List<String> bodies) throws Exception {
        int clients = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CyclicBarrier start = new CyclicBarrier(clients);
        try {
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String body = bodies.get(i % bodies.size());
                Callable<Response> put = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return given().contentType(ContentType.JSON).body(body).put("/techniques/" + slug).andReturn();
                };
                pending.add(pool.submit(put));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    /** The cadences published for the technique, once a last change (the marker) has arrived; without it. */
    private List<String> definitionsUntilMarker(String slug) {
        return definitionEventsUntilMarker(slug).stream().map(event -> event.payload().get("cadence").asText())
                .toList();
    }

    private List<ReceivedEvent> definitionEventsUntilMarker(String slug) {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Marker\",\"cadence\":\"WEEKDAYS\"}")
                .put("/techniques/" + slug)
                .then().statusCode(200);
        await().atMost(DELIVERY).until(() -> eventsFor(kafka, slug).stream()
                .anyMatch(event -> "Marker".equals(event.payload().get("name").asText())));
        List<ReceivedEvent> events = eventsFor(kafka, slug);
        assertThat(events).allMatch(event -> CloudEventTypes.MARKETING_TECHNIQUE_DEFINED.equals(event.type()));
        return events.subList(0, events.size() - 1);
    }
}
