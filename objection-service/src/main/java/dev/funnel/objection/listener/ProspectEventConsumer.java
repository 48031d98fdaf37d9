package dev.funnel.objection.listener;

import dev.funnel.objection.ObjectionConfig;
import dev.funnel.objection.domain.ProspectFact;
import dev.funnel.objection.monitoring.ReplicaMonitor;
import dev.funnel.objection.domain.ReplicaApplied;
import dev.funnel.objection.service.ProspectReplicas;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.TracingMetadata;
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
 *
 * <p>Traces: the connector starts a consumer span for each record, continuing the trace of its {@code traceparent}
 * header (the request that published the event, through prospect-service's outbox), or a new trace for a record
 * without one. Each attempt to apply the record is a span under it ({@value #APPLY_SPAN}), current while the
 * database works, so its log lines carry the trace and span ids and a retried record shows each attempt.
 */
@ApplicationScoped
public class ProspectEventConsumer {

    private static final Logger LOG = Logger.getLogger(ProspectEventConsumer.class);
    static final String APPLY_SPAN = "prospect-replica apply";

    private final ProspectReplicas replicas;
    private final ReplicaMonitor monitor;
    private final ObjectionConfig.Replica config;
    private final Tracer tracer;

    ProspectEventConsumer(ProspectReplicas replicas, ReplicaMonitor monitor, ObjectionConfig config, Tracer tracer) {
        this.replicas = replicas;
        this.monitor = monitor;
        this.config = config.replica();
        this.tracer = tracer;
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
        Context received = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .orElseGet(Context::current);
        return Uni.createFrom().item(() -> applyInSpan(fact, received))
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

    private ReplicaApplied applyInSpan(ProspectFact fact, Context received) {
        Span span = tracer.spanBuilder(APPLY_SPAN).setParent(received)
                .setAttribute("messaging.message.id", fact.eventId().toString())
                .setAttribute("funnel.event.type", fact.eventType())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            return replicas.apply(fact);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
