package dev.funnel.outbox;

import dev.funnel.events.EventType;
import dev.funnel.events.KafkaCloudEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Sends one round of outbox rows to Kafka as binary-mode CloudEvents, in one Kafka transaction.
 *
 * <p>Why a transaction: without one, a row whose send failed (the broker away for a moment) can end up
 * on the topic after rows that followed it, since the producer retries each batch on its own; sending it
 * again later would put one key's events out of order. In a transaction the round is all or nothing:
 * read_committed consumers see every row of it, in order, or none, and a failed round is sent again.
 *
 * <p>Why a plain Kafka producer rather than a SmallRye Reactive Messaging channel: after a transactional
 * call times out (a broker outage), Kafka's producer accepts nothing until that same call is retried, and
 * a fenced or failed producer never recovers; the connector hides the producer and so stays stuck for
 * good. Here a round that fails discards the producer; the next round makes a new one with the same
 * {@code transactional.id}, which aborts whatever the old one left open. The connection settings are the
 * application's {@code kafka.*} configuration, the same that SmallRye channels use.
 */
@ApplicationScoped
class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    private final Map<String, Object> kafkaConfiguration;
    private final MeterRegistry registry;
    /** Unique per process, kept across producer re-creations so a new producer fences the old one. */
    private final String transactionalId = "funnel-outbox-" + UUID.randomUUID();
    private Producer<String, byte[]> producer;
    private KafkaClientMetrics producerMetrics;

    OutboxSender(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfiguration, MeterRegistry registry) {
        this.kafkaConfiguration = kafkaConfiguration;
        this.registry = registry;
    }

    /** Sends the rows in order in one Kafka transaction and returns once it committed or failed. */
    synchronized SendResult send(List<OutboxRow> rows) {
        try {
            Producer<String, byte[]> current = producer();
            current.beginTransaction();
            for (OutboxRow row : rows) {
                current.send(toRecord(row));
            }
            // Flushes every send first; throws if any of them failed, and then nothing of the round is visible.
            current.commitTransaction();
            return SendResult.SENT;
        } catch (RuntimeException e) {
            discardProducer();
            return SendResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            KafkaProducer<String, byte[]> created = new KafkaProducer<>(producerConfiguration(),
                    new StringSerializer(), new ByteArraySerializer());
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
            producerMetrics = new KafkaClientMetrics(created);
            producerMetrics.bindTo(registry);
        }
        return producer;
    }

    private Map<String, Object> producerConfiguration() {
        Map<String, Object> configuration = new HashMap<>(kafkaConfiguration);
        configuration.put(ProducerConfig.CLIENT_ID_CONFIG, "funnel-outbox-relay");
        configuration.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        configuration.put(ProducerConfig.ACKS_CONFIG, "all");
        configuration.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        configuration.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Fail a round quickly while the broker is unreachable: the rows wait in the outbox, the relay backs off.
        configuration.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        configuration.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        configuration.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        // A transaction left open by a crashed process holds back read_committed consumers until it times out.
        configuration.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        return configuration;
    }

    private void discardProducer() {
        if (producer == null) {
            return;
        }
        try {
            producerMetrics.close();
            producer.close(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.debugf("Closing a failed outbox producer: %s", e.getMessage());
        }
        producer = null;
        producerMetrics = null;
    }

    private static ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        EventType type = EventType.fromCeType(row.eventType()).orElseThrow(() -> new IllegalStateException(
                "Outbox row " + row.id() + " has the type " + row.eventType() + ", which is not in the catalog"));
        return KafkaCloudEvents.toRecord(row.eventId(), row.source(), type, row.occurredAt(), row.key(),
                row.payload().getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    synchronized void close() {
        discardProducer();
    }

    /** How a round ended: every row committed to Kafka, or none of them (with the reason). */
    record SendResult(boolean sent, String error) {

        static final SendResult SENT = new SendResult(true, null);

        static SendResult failed(String error) {
            return new SendResult(false, error);
        }
    }
}
