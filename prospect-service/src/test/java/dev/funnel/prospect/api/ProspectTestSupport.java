package dev.funnel.prospect.api;

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

/** Registering prospects and reading back the events a prospect's key received. */
final class ProspectTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProspectTestSupport() {
    }

    static String hunted(UUID id, String owner) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"Jo Baker\",\"company\":\"Baker & Sons\","
                + "\"email\":\"jo@baker.example\",\"phone\":\"+1 555 0100\",\"source\":\"SALES\","
                + "\"owner\":\"" + owner + "\",\"estimatedValueMinor\":500000,\"currency\":\"USD\"}";
    }

    static String farmed(UUID id, String technique) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"Ann Reader\",\"source\":\"MARKETING\","
                + "\"technique\":\"" + technique + "\",\"owner\":\"maria\"}";
    }

    static UUID registerHunted(String owner) {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(hunted(id, owner)).post("/prospects").then().statusCode(201);
        return id;
    }

    /** The events on the prospects topic under this prospect's key, in order, as (ce_type, payload). */
    static List<ReceivedEvent> eventsFor(KafkaTestClient kafka, UUID prospect) {
        return kafka.readAll(Topics.PROSPECTS, prospect.toString()).stream()
                .map(record -> new ReceivedEvent(KafkaTestClient.header(record, "ce_type"), parse(record.value())))
                .collect(Collectors.toList());
    }

    static List<String> typesFor(KafkaTestClient kafka, UUID prospect) {
        return eventsFor(kafka, prospect).stream().map(ReceivedEvent::type).toList();
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
