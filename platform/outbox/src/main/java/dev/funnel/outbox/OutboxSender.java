package dev.funnel.outbox;

import dev.funnel.events.EventType;
import dev.funnel.events.KafkaCloudEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
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
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
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
 *
 * <p>Except when the commit itself times out: {@code commitTransaction()} gave up waiting after {@code max.block.ms},
 * but the broker may have committed (or may still commit) the transaction. A new producer would then send the same
 * rows again in a second transaction: duplicates. Kafka's producer keeps the commit's outcome and lets the same
 * {@code commitTransaction()} be called again, which waits for that outcome and refuses anything else meanwhile
 * ({@code KafkaProducer#commitTransaction}: "It is safe to retry ... If not retrying, the only option is to close
 * the producer"; in the 4.1 client {@code TransactionManager} hands a retried commit the cached, pending result, and
 * {@code beginTransaction()} throws while it is pending). So on a commit timeout the producer and its open
 * transaction are kept ({@link SendResult#commitPending()}), and {@link #retryCommit()} is all that may follow until
 * the commit's outcome is known. A commit that fails rather than times out (fenced, not authorized, or an abortable
 * error such as a send that expired) discards the producer as before, which aborts the transaction.
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
    /** The producer's last commit timed out: its outcome is unknown and the transaction is still open in it. */
    private boolean commitPending;

    OutboxSender(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfiguration, MeterRegistry registry) {
        this.kafkaConfiguration = kafkaConfiguration;
        this.registry = registry;
    }

    /**
     * Sends the rows in order in one Kafka transaction and returns once it committed, failed, or its commit timed out
     * (then only {@link #retryCommit()} may follow).
     */
    synchronized SendResult send(List<OutboxRow> rows) {
        if (commitPending) {
            // Never reached through the relay, which retries a pending commit first; beginning a transaction now
            // would throw, and discarding the producer for that would lose the pending commit's outcome.
            return SendResult.failed("the commit of an earlier Kafka transaction is still pending");
        }
        try {
            Producer<String, byte[]> current = producer();
            current.beginTransaction();
            for (OutboxRow row : rows) {
                current.send(toRecord(row));
            }
            // Flushes every send first; throws if any of them failed, and then nothing of the round is visible.
            return commit(current);
        } catch (RuntimeException e) {
            discardProducer();
            return SendResult.failed(describe(e));
        }
    }

    /** Waits again for the outcome of the commit that timed out, on the same producer and transaction. */
    synchronized SendResult retryCommit() {
        if (!commitPending) {
            throw new IllegalStateException("No Kafka commit is pending");
        }
        try {
            return commit(producer);
        } catch (RuntimeException e) {
            discardProducer();
            return SendResult.failed(describe(e));
        }
    }

    /**
     * Gives up on a pending commit: the producer is closed without learning the outcome. The transaction is then
     * committed if the commit request had reached the coordinator, and aborted otherwise (by the next producer with
     * this {@code transactional.id}, or by the transaction timeout).
     */
    synchronized void abandonPendingCommit() {
        discardProducer();
    }

    synchronized boolean commitPending() {
        return commitPending;
    }

    /** The id every producer of this process uses; a test fences the relay's producer with it. */
    String transactionalId() {
        return transactionalId;
    }

    private SendResult commit(Producer<String, byte[]> current) {
        try {
            current.commitTransaction();
            commitPending = false;
            return SendResult.SENT;
        } catch (TimeoutException e) {
            // Only the wait ended: the commit goes on inside the producer, which accepts nothing but this commit.
            // A commit whose flush failed meanwhile reports that error to the next retry, or as an error state to
            // the one after it; either way not a TimeoutException for ever.
            commitPending = true;
            return SendResult.pending(describe(e));
        }
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
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
        commitPending = false;
    }

    private static ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        EventType type = EventType.fromCeType(row.eventType()).orElseThrow(() -> new IllegalStateException(
                "Outbox row " + row.id() + " has the type " + row.eventType() + ", which is not in the catalog"));
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(row.eventId(), row.source(),
                URI.create(row.dataSchema()), type, row.occurredAt(), row.key(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        addTraceHeaders(record.headers(), row.traceContext());
        return record;
    }

    /**
     * The trace of the transaction that wrote the row, twice: as the W3C Trace Context headers that OpenTelemetry's
     * Kafka instrumentation (SmallRye's channels among it) reads to continue the trace, and as the CloudEvents
     * distributed-tracing extension's attributes, which the Kafka binding puts in {@code ce_*} headers and which
     * stay the event's own creation context whatever a broker hop does to the transport headers. The relay sends
     * without a span of its own, so both carry the same value. A row without a trace context gets neither.
     */
    static void addTraceHeaders(Headers headers, TraceContext trace) {
        if (!trace.present()) {
            return;
        }
        headers.add(TraceContext.TRACEPARENT, trace.traceparent().getBytes(StandardCharsets.UTF_8));
        headers.add(TraceContext.CE_TRACEPARENT, trace.traceparent().getBytes(StandardCharsets.UTF_8));
        if (trace.tracestate() != null) {
            headers.add(TraceContext.TRACESTATE, trace.tracestate().getBytes(StandardCharsets.UTF_8));
            headers.add(TraceContext.CE_TRACESTATE, trace.tracestate().getBytes(StandardCharsets.UTF_8));
        }
    }

    @PreDestroy
    synchronized void close() {
        discardProducer();
    }

    /**
     * How a round ended: every row committed to Kafka, none of them (with the reason), or not known yet because the
     * commit timed out and is pending.
     */
    record SendResult(boolean sent, boolean commitPending, String error) {

        static final SendResult SENT = new SendResult(true, false, null);

        static SendResult failed(String error) {
            return new SendResult(false, false, error);
        }

        static SendResult pending(String error) {
            return new SendResult(false, true, error);
        }
    }
}
