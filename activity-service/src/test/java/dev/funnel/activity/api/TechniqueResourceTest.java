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
import java.time.Duration;
import java.util.List;
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
}
