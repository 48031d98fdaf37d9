package dev.funnel.testing;

import dev.funnel.events.FunnelEvent;
import dev.funnel.events.KafkaCloudEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events to the test broker the way the outbox relay does: CloudEvents written by the platform's codec, a
 * round at a time in one Kafka transaction, so that the topics hold commit (or abort) markers as they do in
 * production. For consumer tests that must see those markers, such as the lag tests.
 */
public final class TransactionalSender implements AutoCloseable {

    private final String source;
    private final Producer<String, byte[]> producer;

    /**
     * @param source the {@code ce_source} of the events, such as {@code /funnel/prospect-service}
     */
    public TransactionalSender(String source) {
        this.source = source;
        KafkaProducer<String, byte[]> created = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-sender-" + UUID.randomUUID(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        created.initTransactions();
        this.producer = created;
    }

    /**
     * Sends the events in one transaction, committed or aborted, and returns their {@code ce_id}s.
     *
     * @param events the events, each to its own topic and key
     * @param commit whether the transaction commits (an aborted one leaves its records and an abort marker)
     */
    public List<UUID> send(List<FunnelEvent> events, boolean commit) {
        List<UUID> ids = new ArrayList<>();
        producer.beginTransaction();
        for (FunnelEvent event : events) {
            UUID id = UUID.randomUUID();
            producer.send(KafkaCloudEvents.toRecord(id, source, event));
            ids.add(id);
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
        return ids;
    }

    @Override
    public void close() {
        producer.close();
    }
}
