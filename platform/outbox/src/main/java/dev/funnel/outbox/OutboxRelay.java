package dev.funnel.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka, in insertion order, on one background thread per service
 * instance.
 *
 * <p>A round runs in its own local database transaction: it takes a transaction-scoped advisory lock,
 * claims unsent rows with {@code FOR UPDATE SKIP LOCKED}, sends them in one Kafka transaction and marks
 * them sent once that committed. The advisory lock makes one replica at a time the sender: two replicas
 * sending interleaved batches could put two events of one key on the partition out of order. A crash
 * before the mark leaves the rows unsent, so they go again (at-least-once; consumers de-duplicate on
 * {@code ce_id}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int PRUNE_BATCH = 10_000;

    @Inject
    OutboxRepository repository;
    @Inject
    OutboxSender sender;
    @Inject
    OutboxMetrics metrics;
    @Inject
    OutboxConfig config;

    private final Semaphore work = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Instant nextPrune = Instant.EPOCH;
    private Instant nextBacklogReading = Instant.EPOCH;

    void start(@Observes StartupEvent startup) {
        if (!config.relay().enabled()) {
            LOG.info("Outbox relay disabled (funnel.outbox.relay.enabled=false): events wait in the outbox");
            return;
        }
        running = true;
        worker = new Thread(this::run, "funnel-outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (worker != null) {
            work.release();
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Asks the relay to look at the outbox now rather than at its next poll. */
    public void wakeUp() {
        if (work.availablePermits() == 0) {
            work.release();
        }
    }

    private void run() {
        int failuresInARow = 0;
        while (running) {
            try {
                RoundResult round = relayRound();
                failuresInARow = round.failed() ? failuresInARow + 1 : 0;
                housekeeping();
                if (round.failed()) {
                    pause(backoff(failuresInARow));
                } else if (round.sent() < config.relay().batchSize()) {
                    awaitWork(config.relay().pollInterval());
                }
            } catch (RuntimeException e) {
                failuresInARow++;
                LOG.warnf("Outbox relay round failed (%d in a row): %s", failuresInARow, e.getMessage());
                pause(backoff(failuresInARow));
            }
        }
    }

    /**
     * Sends one batch of unsent rows, if this instance holds the relay lock. Public so tests can run rounds
     * side by side the way replicas would.
     */
    public RoundResult relayRound() {
        return repository.inRelayTransaction(connection -> {
            if (!repository.tryRelayLock(connection)) {
                return RoundResult.NOTHING;
            }
            List<OutboxRow> rows = repository.claimUnsent(connection, config.relay().batchSize());
            if (rows.isEmpty()) {
                return RoundResult.NOTHING;
            }
            OutboxSender.SendResult result = sender.send(rows);
            if (!result.sent()) {
                repository.recordFailure(connection, rows.get(0), result.error());
                metrics.sendFailed();
                LOG.warnf("Kafka did not take %d outbox events from %s on (%s); backing off", rows.size(),
                        rows.get(0).eventId(), result.error());
                return new RoundResult(0, true);
            }
            repository.markSent(connection, rows);
            countPublished(rows);
            return new RoundResult(rows.size(), false);
        });
    }

    private void countPublished(List<OutboxRow> sent) {
        Map<String, Integer> perTopic = new LinkedHashMap<>();
        sent.forEach(row -> perTopic.merge(row.topic(), 1, Integer::sum));
        perTopic.forEach(metrics::published);
    }

    private void housekeeping() {
        Instant now = Instant.now();
        if (now.isAfter(nextPrune)) {
            nextPrune = now.plus(config.pruneInterval());
            Instant cutoff = now.minus(config.retention());
            int deleted = repository.inRelayTransaction(
                    connection -> repository.deleteSentBefore(connection, cutoff, PRUNE_BATCH));
            if (deleted == PRUNE_BATCH) {
                nextPrune = now; // more to delete: continue next round rather than holding one long transaction
            }
        }
        if (now.isAfter(nextBacklogReading)) {
            nextBacklogReading = now.plus(config.relay().metricsRefreshInterval());
            metrics.backlog(repository.inRelayTransaction(repository::backlog));
        }
    }

    private Duration backoff(int failuresInARow) {
        Duration initial = config.relay().initialBackoff();
        long factor = 1L << Math.min(failuresInARow - 1, 20);
        Duration next = initial.multipliedBy(factor);
        return next.compareTo(config.relay().maxBackoff()) > 0 ? config.relay().maxBackoff() : next;
    }

    private void awaitWork(Duration atMost) {
        try {
            if (work.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                work.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Waits out a backoff; wake-ups from new commits do not cut it short, only shutdown does. */
    private void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (running && System.nanoTime() < deadline) {
            awaitWork(Duration.ofNanos(Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(200))));
        }
    }

    /** What one round did: how many events Kafka acknowledged, and whether it stopped on a failure. */
    public record RoundResult(int sent, boolean failed) {
        static final RoundResult NOTHING = new RoundResult(0, false);
    }
}
