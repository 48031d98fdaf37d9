package dev.funnel.objection.listener;

import dev.funnel.objection.ObjectionConfig;
import dev.funnel.objection.domain.ProspectFact;
import dev.funnel.objection.monitoring.ReplicaMonitor;
import dev.funnel.objection.service.ProspectReplicas;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Feeds the prospect replica from {@code funnel.prospects.v1}, one record at a time, in partition order.
 *
 * <p>Two kinds of failure are kept apart. A record that can never be applied (unparseable, unknown type,
 * breaking the contract) is nacked: the connector's dead-letter strategy copies it to
 * {@code funnel.prospects.v1.dlq} with the reason in its {@code dead-letter-reason} header, and consumption
 * goes on. A database failure says nothing about the record, so the same record is retried with a growing
 * pause until the database takes it; skipping it would leave a hole in the replica.
 *
 * <p>This class owns the Kafka side (decoding, ack, nack, the retry of the one record); the change itself,
 * with its de-duplication and transaction, is the application service's ({@link ProspectReplicas#apply}).
 */
@ApplicationScoped
public class ProspectEventConsumer {

    private static final Logger LOG = Logger.getLogger(ProspectEventConsumer.class);

    private final ProspectReplicas replicas;
    private final ReplicaMonitor monitor;
    private final ObjectionConfig.Replica config;

    ProspectEventConsumer(ProspectReplicas replicas, ReplicaMonitor monitor, ObjectionConfig config) {
        this.replicas = replicas;
        this.monitor = monitor;
        this.config = config.replica();
    }

    /** SmallRye calls this for one message at a time and waits for the returned Uni: the order holds. */
    @Incoming(ObjectionConfig.PROSPECT_EVENTS_CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("Not a Kafka record on channel " + ObjectionConfig.PROSPECT_EVENTS_CHANNEL));
        ProspectFact fact;
        try {
            fact = ProspectRecords.decode(record.getTopic(), record.getKey(), record.getHeaders(),
                    message.getPayload());
        } catch (PoisonRecordException poison) {
            LOG.warnf("Dead-lettering record %s-%d@%d: %s", record.getTopic(), record.getPartition(),
                    record.getOffset(), poison.getMessage());
            return Uni.createFrom().completionStage(() -> message.nack(poison))
                    .invoke(monitor::deadLettered);
        }
        return Uni.createFrom().item(() -> replicas.apply(fact))
                // The database work blocks: off the Kafka event loop, onto a worker thread.
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(failure -> {
                    LOG.errorf(failure, "Could not apply %s %s to the prospect replica; retrying", fact.eventType(),
                            fact.eventId());
                    monitor.applyFailed(failure);
                })
                .onFailure().retry()
                .withBackOff(config.retryInitialBackoff(), config.retryMaxBackoff())
                .indefinitely()
                .invoke(applied -> monitor.applied(fact, applied))
                .chain(() -> Uni.createFrom().completionStage(message::ack));
    }
}
