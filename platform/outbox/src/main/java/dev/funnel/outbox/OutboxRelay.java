package dev.funnel.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
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
 *
 * <p>A round whose Kafka commit timed out (the broker stalled after the sends) does not end: its database
 * transaction stays open, so the relay lock and the row locks stay held and no replica, nor another round here,
 * can claim or send those rows, or anything after them. The next round resumes it before anything else: it
 * retries that same commit on the same producer ({@link OutboxSender#retryCommit()}) and, once Kafka confirms it,
 * marks exactly those rows sent and commits. Sending them again in a new transaction instead would duplicate them
 * whenever the broker had committed the first one. A retry that fails for good (fenced, an abortable error) ends
 * the round as a failed one: the producer is replaced, which aborts the transaction, and the rows go again.
 *
 * <p>If the process dies while a commit is pending, PostgreSQL rolls the round back when the session ends: the rows
 * are unsent again and the next sender sends them. The next producer with the same {@code transactional.id} (this
 * process's ids are random, so in practice the Kafka transaction timeout) settles the old transaction: aborted if
 * the commit request never reached the coordinator, so the re-sent rows are the only copy; committed if it had, so
 * they are duplicates, which at-least-once delivery allows. The same holds when a commit stays pending longer than
 * {@code funnel.outbox.relay.pending-commit-timeout}: the relay gives up on it, so that a process cut off from Kafka
 * cannot hold the relay lock against the replicas forever.
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
    /** The round whose Kafka commit timed out, with its open database transaction; resumed by the next round. */
    private PendingRound pending;

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
        PendingRound left = takePendingRound();
        if (left != null) {
            // Shutting down with the outcome unknown: the rows stay unsent and go again after the restart.
            sender.abandonPendingCommit();
            left.transaction().close();
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
     * Sends one batch of unsent rows, if this instance holds the relay lock, or first finishes the round whose
     * commit is pending. Public so tests can run rounds side by side the way replicas would.
     */
    public RoundResult relayRound() {
        PendingRound pending = takePendingRound();
        if (pending != null) {
            return resume(pending);
        }
        OutboxRepository.RelayTransaction transaction = repository.beginRelayTransaction();
        boolean keptOpen = false;
        try {
            Connection connection = transaction.connection();
            if (!repository.tryRelayLock(connection)) {
                return RoundResult.NOTHING;
            }
            List<OutboxRow> rows = repository.claimUnsent(connection, config.relay().batchSize());
            if (rows.isEmpty()) {
                return RoundResult.NOTHING;
            }
            OutboxSender.SendResult result = sender.send(rows);
            if (result.commitPending()) {
                LOG.warnf("Kafka has not confirmed the commit of %d outbox events from %s on (%s); keeping the"
                        + " transaction and retrying the same commit", rows.size(), rows.get(0).eventId(),
                        result.error());
                keep(new PendingRound(transaction, rows, System.nanoTime()));
                keptOpen = true;
                return RoundResult.COMMIT_PENDING;
            }
            return finish(transaction, rows, result);
        } finally {
            if (!keptOpen) {
                transaction.close();
            }
        }
    }

    private RoundResult resume(PendingRound pending) {
        boolean keptOpen = false;
        try {
            if (System.nanoTime() - pending.since() > config.relay().pendingCommitTimeout().toNanos()) {
                sender.abandonPendingCommit();
                return finish(pending.transaction(), pending.rows(), OutboxSender.SendResult.failed(
                        "gave up on a Kafka commit pending for over " + config.relay().pendingCommitTimeout()));
            }
            metrics.commitRetried();
            OutboxSender.SendResult result = sender.retryCommit();
            if (result.commitPending()) {
                keep(pending);
                keptOpen = true;
                return RoundResult.COMMIT_PENDING;
            }
            if (result.sent()) {
                LOG.infof("Kafka confirmed the retried commit of %d outbox events from %s on",
                        pending.rows().size(), pending.rows().get(0).eventId());
            }
            return finish(pending.transaction(), pending.rows(), result);
        } finally {
            if (!keptOpen) {
                // Also when marking the rows failed (the connection broke): they are unsent again and go again.
                pending.transaction().close();
            }
        }
    }

    /** Marks the rows sent or records the failure, and commits the round's transaction. */
    private RoundResult finish(OutboxRepository.RelayTransaction transaction, List<OutboxRow> rows,
            OutboxSender.SendResult result) {
        if (!result.sent()) {
            repository.recordFailure(transaction.connection(), rows.get(0), result.error());
            transaction.commit();
            metrics.sendFailed();
            LOG.warnf("Kafka did not take %d outbox events from %s on (%s); backing off", rows.size(),
                    rows.get(0).eventId(), result.error());
            return RoundResult.FAILED;
        }
        repository.markSent(transaction.connection(), rows);
        transaction.commit();
        countPublished(rows);
        return new RoundResult(rows.size(), false, false);
    }

    private synchronized PendingRound takePendingRound() {
        PendingRound taken = pending;
        pending = null;
        return taken;
    }

    private synchronized void keep(PendingRound round) {
        pending = round;
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

    /**
     * What one round did: how many events Kafka acknowledged, whether it stopped on a failure, and whether its commit
     * is pending (neither sent nor failed yet).
     */
    public record RoundResult(int sent, boolean failed, boolean commitPending) {
        static final RoundResult NOTHING = new RoundResult(0, false, false);
        static final RoundResult FAILED = new RoundResult(0, true, false);
        static final RoundResult COMMIT_PENDING = new RoundResult(0, false, true);
    }

    /** A round whose Kafka commit timed out: its rows, still locked by its open transaction, and since when. */
    private record PendingRound(OutboxRepository.RelayTransaction transaction, List<OutboxRow> rows, long since) {
    }
}
