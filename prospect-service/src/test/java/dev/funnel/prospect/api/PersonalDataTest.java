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
import java.time.Duration;
import java.util.UUID;
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
    void erasingAnUnknownProspectIsNotFound() {
        given().delete("/prospects/" + UUID.randomUUID() + "/personal-data").then().statusCode(404);
    }
}
