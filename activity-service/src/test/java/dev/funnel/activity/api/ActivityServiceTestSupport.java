package dev.funnel.activity.api;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.events.Topics;
import dev.funnel.testing.KafkaTestClient;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the tests of this service share: a fresh technique per test and the events a key received. */
final class ActivityServiceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ActivityServiceTestSupport() {
    }

    /** A slug no other test uses, so each test reads only its own events. */
    static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void defineTechnique(String slug, String cadence) {
        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Blog posts\",\"cadence\":\"" + cadence + "\"}")
                .post("/techniques")
                .then().statusCode(201);
    }

    /** The events on the marketing topic under this key, in order, as (ce_type, payload). */
    static List<ReceivedEvent> eventsFor(KafkaTestClient kafka, String key) {
        return kafka.readAll(Topics.MARKETING_ACTIVITIES, key).stream()
                .map(record -> new ReceivedEvent(KafkaTestClient.header(record, "ce_type"), parse(record.value())))
                .collect(Collectors.toList());
    }

    private static JsonNode parse(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record ReceivedEvent(String type, JsonNode payload) {
    }
}
