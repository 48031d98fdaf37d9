package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(QuietBrokerLogs.class)
class KafkaProxyTest {

    private final KafkaProxy proxy = TestInfrastructure.kafkaProxy();
    private final KafkaTestClient direct =
            new KafkaTestClient(TestInfrastructure.kafkaBehindProxy().bootstrapServers());

    @AfterEach
    void thaw() {
        proxy.unfreeze();
        direct.close();
    }

    @Test
    void aClientThatBootstrappedThroughTheProxyStallsWhenItFreezes() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(Map.of())) {
            String topic = "proxy-" + UUID.randomUUID();
            producer.send(record(topic, "before")).get(30, TimeUnit.SECONDS);

            proxy.freeze();
            // The client knows the broker's address by now: if it were the broker's own, this would go through.
            Future<RecordMetadata> during = producer.send(record(topic, "during"));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !during.isDone());

            proxy.unfreeze();
            during.get(30, TimeUnit.SECONDS);
            assertThat(direct.readAll(topic)).hasSize(2);
        }
    }

    @Test
    void freezingAfterEndTxnLetsTheBrokerCommitWhileTheProducerNeverHears() {
        String topic = "proxy-txn-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer(Map.of(
                "transactional.id", "proxy-test-" + UUID.randomUUID(), "max.block.ms", 2_000))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record(topic, "committed"));
            proxy.freezeAfter(ApiKeys.END_TXN);

            assertThatThrownBy(producer::commitTransaction).isInstanceOf(TimeoutException.class);

            assertThat(proxy.frozen()).isTrue();
            // A read_committed reader on the direct listener sees the record: the commit reached the coordinator.
            await().atMost(Duration.ofSeconds(30)).until(() -> direct.readAll(topic).size() == 1);
            proxy.unfreeze();
            // Kafka's client lets the same commit be retried after a timeout, and it then reports the outcome.
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(record(topic, "next"));
            producer.commitTransaction();
        }
        assertThat(direct.readAll(topic)).hasSize(2);
    }

    private KafkaProducer<String, byte[]> producer(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(Map.of(
                "bootstrap.servers", proxy.bootstrapServers(),
                "max.block.ms", 20_000,
                "request.timeout.ms", 2_000,
                "delivery.timeout.ms", 60_000));
        config.putAll(settings);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> record(String topic, String value) {
        return new ProducerRecord<>(topic, "k", value.getBytes(StandardCharsets.UTF_8));
    }
}
