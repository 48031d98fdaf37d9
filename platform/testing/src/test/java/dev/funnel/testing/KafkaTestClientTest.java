package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(QuietBrokerLogs.class)
class KafkaTestClientTest {

    @Test
    void readsBackEveryRawRecordWithItsKeyAndHeaders() {
        String topic = "raw-" + UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            kafka.createTopic(topic, 3);
            kafka.produce(topic, "a", "{not json".getBytes(StandardCharsets.UTF_8), Map.of("ce_type", "x.y"));
            kafka.produce(topic, "a", "second".getBytes(StandardCharsets.UTF_8), Map.of());
            kafka.produce(topic, "b", "third".getBytes(StandardCharsets.UTF_8), Map.of());

            List<ConsumerRecord<String, byte[]>> records = kafka.readAll(topic);

            assertThat(records).hasSize(3);
            List<ConsumerRecord<String, byte[]>> keyA = records.stream().filter(r -> "a".equals(r.key())).toList();
            assertThat(keyA).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactly("{not json", "second");
            assertThat(KafkaTestClient.header(keyA.get(0), "ce_type")).isEqualTo("x.y");
            assertThat(KafkaTestClient.header(keyA.get(1), "ce_type")).isNull();
        }
    }

    @Test
    void aTopicThatDoesNotExistReadsAsEmpty() {
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            kafka.createTopic("empty-" + UUID.randomUUID(), 1);

            assertThat(kafka.readAll("never-written-" + UUID.randomUUID())).isEmpty();
        }
    }
}
