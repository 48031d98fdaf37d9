package dev.funnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(QuietBrokerLogs.class)
class EmbeddedKafkaBrokerTest {

    @Test
    void brokerComesBackOnTheSameAddressAfterAStop() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            String before = broker.bootstrapServers();
            send(broker, "first");
            broker.stop();
            broker.restart();
            assertThat(broker.bootstrapServers()).isEqualTo(before);
            send(broker, "second");
        }
    }

    private static void send(KafkaBroker broker, String value) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(),
                "max.block.ms", 20000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("restart-check", "k", value)).get(30, TimeUnit.SECONDS);
        }
    }
}
