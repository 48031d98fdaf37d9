package dev.funnel.outbox;

import dev.funnel.events.EventJson;
import dev.funnel.events.EventType;
import dev.funnel.events.FunnelEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The one way a service publishes an event: inside its own database transaction, next to the state
 * change the event describes. Kafka is never touched here; {@link OutboxRelay} sends the row after the
 * commit, so a rolled-back change never produces an event and a committed one is never lost.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxBenchmarkSwitch benchmarkSwitch;

    Outbox(OutboxRepository repository, OutboxConfig config, OutboxRelay relay,
            TransactionSynchronizationRegistry transactions, OutboxBenchmarkSwitch benchmarkSwitch) {
        this.repository = repository;
        this.config = config;
        this.relay = relay;
        this.transactions = transactions;
        this.benchmarkSwitch = benchmarkSwitch;
    }

    /**
     * Records the event in the caller's transaction and returns its id (the CloudEvents {@code ce_id}). The span
     * current here (the request's, when tracing is on) goes with the row, so the trace continues on the record and
     * in its consumers although the relay sends it later from a thread of its own.
     *
     * @throws jakarta.transaction.TransactionalException when called outside a transaction: an event
     *     written on its own could outlive a change that failed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(FunnelEvent event) {
        EventType type = event.type();
        UUID eventId = UUID.randomUUID();
        if (benchmarkSwitch.eventsOff()) {
            // Only a benchmark's baseline gets here (see OutboxBenchmarkSwitch).
            return eventId;
        }
        repository.insert(new OutboxRow(0, eventId, type.topic(), event.partitionKey(), type.ceType(),
                config.source(), type.dataSchema(config.dataSchemaBase()).toString(), EventJson.toJson(event),
                event.occurredAt(), TraceContext.current()));
        wakeRelayAfterCommit();
        return eventId;
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
