package dev.funnel.outbox;

import dev.funnel.events.EventJson;
import dev.funnel.events.ProspectContacted;
import dev.funnel.events.Topics;
import dev.funnel.testing.KafkaTestClient;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reading back what the relay put on the prospects topic. */
final class OutboxTestSupport {

    private OutboxTestSupport() {
    }

    static List<ConsumerRecord<String, byte[]>> recordsOf(KafkaTestClient kafka, Set<UUID> prospects) {
        Set<String> keys = prospects.stream().map(UUID::toString).collect(Collectors.toSet());
        return kafka.readAll(Topics.PROSPECTS).stream()
                .filter(record -> keys.contains(record.key()))
                .collect(Collectors.toList());
    }

    static List<ConsumerRecord<String, byte[]>> recordsOf(KafkaTestClient kafka, UUID prospect) {
        return recordsOf(kafka, Set.of(prospect));
    }

    static ProspectContacted payload(ConsumerRecord<String, byte[]> record) {
        return EventJson.fromBytes(record.value(), ProspectContacted.class);
    }
}
