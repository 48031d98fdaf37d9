package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.funnel;
import static dev.funnel.analytics.AnalyticsApi.projection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funnel.events.CloudEventHeaders;
import dev.funnel.events.CloudEventTypes;
import dev.funnel.events.EventJson;
import dev.funnel.events.FunnelEvent;
import dev.funnel.events.ObjectionCategory;
import dev.funnel.events.ObjectionRaised;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.Topics;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A record that is no valid event goes to the dead-letter topic with its reason; the others go on. */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class DeadLetterTest {

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithTheirReasonAndLaterEventsAreApplied() throws Exception {
        LocalDate day = FunnelScenario.unusedDay();
        Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String owner = "poison-" + run;
        ProspectFound valid = new ProspectFound(UUID.randomUUID(), ProspectSource.SALES, null, owner, 100, "EUR",
                noon);
        ObjectNode withoutOwner = (ObjectNode) EventJson.mapper().readTree(EventJson.toBytes(valid));
        withoutOwner.remove("owner");
        ObjectionRaised objection = new ObjectionRaised(UUID.randomUUID(), valid.prospectId(),
                ObjectionCategory.PRICE, noon);
        Map<String, String> noId = RawEvent.headers("x", CloudEventTypes.PROSPECT_FOUND, valid);
        noId.remove(CloudEventHeaders.ID);
        List<RawEvent> poison = List.of(
                poison(run, 1, "{\"prospectId\": ".getBytes(StandardCharsets.UTF_8), CloudEventTypes.PROSPECT_FOUND,
                        valid),
                poison(run, 2, EventJson.toBytes(valid), "dev.funnel.ProspectVanished.v1", valid),
                poison(run, 3, EventJson.mapper().writeValueAsBytes(withoutOwner), CloudEventTypes.PROSPECT_FOUND,
                        valid),
                poison(run, 4, EventJson.toBytes(objection), CloudEventTypes.OBJECTION_RAISED, objection),
                new RawEvent(Topics.PROSPECTS, "poison-" + run + "-5", EventJson.toBytes(valid), noId),
                poison(run, 6, null, CloudEventTypes.PROSPECT_FOUND, valid));
        long deadLetteredBefore = projection().get("deadLettered").asLong();

        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            RawEvent.sendAll(kafka, poison);
            RawEvent.of(valid).sendWith(kafka);

            await().atMost(FunnelScenarioTest.PROJECTED).untilAsserted(() ->
                    assertThat(funnel(day, day, "owner", owner).at("/stages/found").asLong()).isEqualTo(1));
            await().atMost(FunnelScenarioTest.PROJECTED).until(() -> deadLetters(kafka, run).size() == poison.size());
            Map<String, ConsumerRecord<String, byte[]>> letters = deadLetters(kafka, run);

            assertThat(reason(letters, 1)).startsWith("Cannot decode ProspectFound: malformed JSON");
            assertThat(reason(letters, 2)).isEqualTo("ce_type 'dev.funnel.ProspectVanished.v1' is no event of the catalog");
            assertThat(reason(letters, 3)).isEqualTo("Cannot decode ProspectFound: owner: is required");
            assertThat(reason(letters, 4)).isEqualTo("ObjectionRaised belongs on " + Topics.OBJECTIONS + ", not on "
                    + Topics.PROSPECTS);
            assertThat(reason(letters, 5)).isEqualTo("no ce_id header");
            assertThat(reason(letters, 6)).startsWith("null value (a tombstone)");
            for (int n = 1; n <= poison.size(); n++) {
                ConsumerRecord<String, byte[]> letter = letters.get("poison-" + run + "-" + n);
                RawEvent sent = poison.get(n - 1);
                assertThat(letter.value()).isEqualTo(sent.value());
                assertThat(KafkaTestClient.header(letter, "dead-letter-topic")).isEqualTo(Topics.PROSPECTS);
                assertThat(Integer.parseInt(KafkaTestClient.header(letter, "dead-letter-partition")))
                        .isBetween(0, 2);
                assertThat(Long.parseLong(KafkaTestClient.header(letter, "dead-letter-offset"))).isNotNegative();
                assertThat(KafkaTestClient.header(letter, CloudEventHeaders.ID)).isEqualTo(sent.ceId());
                assertThat(KafkaTestClient.header(letter, CloudEventHeaders.TYPE))
                        .isEqualTo(sent.headers().get(CloudEventHeaders.TYPE));
            }
            await().atMost(FunnelScenarioTest.PROJECTED).untilAsserted(() ->
                    assertThat(projection().get("deadLettered").asLong()).isEqualTo(deadLetteredBefore + poison.size()));
        }
    }

    private static RawEvent poison(String run, int n, byte[] value, String ceType, FunnelEvent like) {
        return new RawEvent(Topics.PROSPECTS, "poison-" + run + "-" + n, value,
                RawEvent.headers(UUID.randomUUID().toString(), ceType, like));
    }

    private static Map<String, ConsumerRecord<String, byte[]>> deadLetters(KafkaTestClient kafka, String run) {
        Map<String, ConsumerRecord<String, byte[]>> letters = new HashMap<>();
        kafka.readAll(Topics.deadLetterTopicOf(Topics.PROSPECTS)).stream()
                .filter(record -> record.key() != null && record.key().startsWith("poison-" + run + "-"))
                .forEach(record -> letters.put(record.key(), record));
        return letters;
    }

    private static String reason(Map<String, ConsumerRecord<String, byte[]>> letters, int n) {
        return KafkaTestClient.header(letters.values().stream()
                .filter(letter -> letter.key().endsWith("-" + n))
                .findFirst().orElseThrow(), "dead-letter-reason");
    }
}
