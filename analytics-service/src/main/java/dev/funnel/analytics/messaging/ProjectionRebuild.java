package dev.funnel.analytics.messaging;

import dev.funnel.analytics.AnalyticsConfig;
import dev.funnel.analytics.messaging.RecordDecoder.DecodedBatch;
import dev.funnel.analytics.monitoring.ProjectionMetrics;
import dev.funnel.analytics.projection.ApplyResult;
import dev.funnel.analytics.projection.IncomingEvent;
import dev.funnel.analytics.projection.ProjectionApplier;
import dev.funnel.analytics.projection.RebuildRun;
import dev.funnel.audit.AuditTrail;
import dev.funnel.events.Topics;
import dev.funnel.health.DataRecordLag;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Empties the read model and replays every topic from offset 0 while the live consumer goes on.
 *
 * <p>The order of the steps is what makes it exact:
 * <ol>
 * <li>One transaction truncates the facts and the processed-event ids together. It first takes the projection's
 * write lock (the state row), so it waits for a live batch in flight and no batch runs half before, half after.
 * <li>Only then does a consumer of its own, with no group and manual assignment, capture the end offsets of every
 * partition, and replay from the beginning up to them through the same applier as the live consumer.
 * </ol>
 * A live batch that committed before the truncate was polled before it, so its records lie below the captured
 * end offsets and are replayed. A live batch that commits after the truncate stays, and its event ids make the
 * replay skip those events. Records beyond the end offsets are the live consumer's alone. Either way every event
 * is applied exactly once, and since facts merge by event time and id, the interleaving of the two does not
 * change the result.
 *
 * <p>One rebuild at a time across replicas: a PostgreSQL session advisory lock, held by a connection for the
 * whole replay, which the database releases by itself if the process dies. A rebuild cut short by a stop is
 * marked interrupted and started again when the service comes back, since the read model is incomplete.
 *
 * <p>A rebuild a person asks for goes into the audit trail in the transaction that records the run, so only one
 * that really started is there: one refused because another is running leaves no entry. The restart after an
 * interruption is the service's own doing, with no caller to name, and is not audited.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    /** The PostgreSQL advisory lock a rebuild holds: any constant the replicas share ("analytic" in ASCII). */
    public static final long ADVISORY_LOCK = 0x616e616c79746963L;
    /** The projection as the audit trail names it: there is one, the funnel's read model. */
    public static final String PROJECTION_NAME = "funnel";
    public static final String AUDIT_ACTION = "projection.rebuild-started";
    public static final String AUDIT_SUBJECT = "projection";

    private final ProjectionApplier applier;
    private final Retrying retrying;
    private final ProjectionMetrics metrics;
    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final AnalyticsConfig config;
    private final Clock clock;
    private final AuditTrail audit;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;

    ProjectionRebuild(ProjectionApplier applier, Retrying retrying, ProjectionMetrics metrics,
            AgroalDataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            AnalyticsConfig config, Clock clock, AuditTrail audit) {
        this.applier = applier;
        this.retrying = retrying;
        this.metrics = metrics;
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.clock = clock;
        this.audit = audit;
    }

    void resumeInterrupted(@Observes StartupEvent startup) {
        boolean wasRunning = QuarkusTransaction.requiringNew().call(
                () -> RebuildRun.latest().map(run -> run.state() == RebuildRun.State.RUNNING).orElse(false));
        if (wasRunning) {
            try {
                RebuildRun run = start(0);
                LOG.infof("The last rebuild did not finish; started rebuild %d", run.id());
            } catch (RebuildAlreadyRunningException e) {
                LOG.info("The last rebuild is still running in another replica");
            }
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * Starts a rebuild that the calling person asked for, recorded in the audit trail under their name.
     *
     * @return the run, state {@code RUNNING}
     * @throws RebuildAlreadyRunningException if a rebuild is running here or in another replica
     */
    public RebuildRun startAsked() {
        return start(0, true);
    }

    /**
     * Starts a rebuild in the background, on the service's own account (nothing is audited).
     *
     * @param eventsPerTransaction 0 to apply each poll's records in one transaction, as built; a positive number
     *     to cut them into transactions of at most that many events (1 measures the cost of not batching)
     * @return the run, state {@code RUNNING}
     * @throws RebuildAlreadyRunningException if a rebuild is running here or in another replica
     */
    public RebuildRun start(int eventsPerTransaction) {
        return start(eventsPerTransaction, false);
    }

    private RebuildRun start(int eventsPerTransaction, boolean asked) {
        if (!running.compareAndSet(false, true)) {
            throw new RebuildAlreadyRunningException("A rebuild is running");
        }
        Connection lock = null;
        try {
            lock = dataSource.getConnection();
            if (!tryAdvisoryLock(lock)) {
                throw new RebuildAlreadyRunningException("A rebuild is running in another replica");
            }
            RebuildRun run = QuarkusTransaction.requiringNew().call(() -> {
                RebuildRun.update("state = ?1, finishedAt = ?2 where state = ?3", RebuildRun.State.INTERRUPTED,
                        clock.instant(), RebuildRun.State.RUNNING);
                RebuildRun started = RebuildRun.started(clock.instant());
                started.persist();
                if (asked) {
                    audit.record(AUDIT_ACTION, AUDIT_SUBJECT, PROJECTION_NAME);
                }
                return started;
            });
            Connection held = lock;
            Thread worker = new Thread(() -> replayHolding(run.id(), held, eventsPerTransaction),
                    "projection-rebuild-" + run.id());
            worker.setDaemon(true);
            worker.start();
            return run;
        } catch (SQLException | RuntimeException e) {
            release(lock);
            running.set(false);
            if (e instanceof RebuildAlreadyRunningException already) {
                throw already;
            }
            throw new IllegalStateException("Could not start a rebuild: " + e.getMessage(), e);
        }
    }

    public boolean running() {
        return running.get();
    }

    private void replayHolding(long runId, Connection lock, int eventsPerTransaction) {
        RebuildRun.State outcome = RebuildRun.State.FAILED;
        String why = null;
        try {
            LOG.infof("Rebuild %d: emptying the read model", runId);
            retrying.untilDone("Emptying the read model", applier::emptyReadModel);
            replay(runId, eventsPerTransaction);
            outcome = RebuildRun.State.DONE;
        } catch (Retrying.StoppingException e) {
            outcome = RebuildRun.State.INTERRUPTED;
            why = "the service stopped during the replay";
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild %d failed", runId);
            why = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            finish(runId, outcome, why);
            release(lock);
            running.set(false);
        }
    }

    private void replay(long runId, int eventsPerTransaction) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitionsOf(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Captured after the truncate committed: see the class comment.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            // Data records, not offsets: the producers' transaction markers take offsets too, and a target that
            // counted them would never be reached.
            long target;
            try (DataRecordLag counter = new DataRecordLag(kafkaConfig, "analytics-rebuild-count")) {
                target = counter.between(beginning, end).values().stream().mapToLong(Long::longValue).sum();
            }
            progress(runId, run -> run.target(target));
            LOG.infof("Rebuild %d: replaying %d records from %d partitions", runId, target, partitions.size());

            Set<TopicPartition> remaining = new HashSet<>(partitions);
            pauseFinished(consumer, remaining, end);
            while (!remaining.isEmpty()) {
                if (stopping) {
                    throw new Retrying.StoppingException("replay");
                }
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(config.rebuild().pollTimeout());
                List<ConsumerRecord<byte[], byte[]>> inRange = new ArrayList<>(polled.count());
                for (ConsumerRecord<byte[], byte[]> record : polled) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        inRange.add(record);
                    }
                }
                if (!inRange.isEmpty()) {
                    applyReplayed(runId, inRange, eventsPerTransaction);
                }
                pauseFinished(consumer, remaining, end);
            }
        }
    }

    private void applyReplayed(long runId, List<ConsumerRecord<byte[], byte[]>> records, int eventsPerTransaction) {
        // Unreadable records are not dead-lettered again: the live consumer did or will, once per record.
        DecodedBatch batch = RecordDecoder.decodeAll(records);
        List<IncomingEvent> events = batch.events();
        int chunk = eventsPerTransaction > 0 ? eventsPerTransaction : Math.max(1, events.size());
        long applied = 0;
        long skipped = 0;
        for (int from = 0; from < events.size(); from += chunk) {
            List<IncomingEvent> part = events.subList(from, Math.min(events.size(), from + chunk));
            ApplyResult result = retrying.untilDone("Replaying a batch of " + part.size() + " events",
                    () -> applier.apply(part, Map.of(), false));
            metrics.applied(result, true);
            applied += result.appliedCount();
            skipped += result.duplicateCount();
        }
        long appliedTotal = applied;
        long skippedTotal = skipped;
        progress(runId, run -> run.progress(records.size(), appliedTotal, skippedTotal, batch.unreadable().size()));
    }

    private static void pauseFinished(KafkaConsumer<byte[], byte[]> consumer, Set<TopicPartition> remaining,
            Map<TopicPartition, Long> end) {
        List<TopicPartition> finished = remaining.stream()
                .filter(tp -> consumer.position(tp) >= end.get(tp))
                .toList();
        if (!finished.isEmpty()) {
            // Nothing beyond the captured end is fetched: those records belong to the live consumer.
            consumer.pause(finished);
            finished.forEach(remaining::remove);
        }
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.all()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return partitions;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.rebuild().maxPollRecords());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "analytics-rebuild");
        // Producers write in Kafka transactions: records of an aborted round must never be replayed.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Replaying must not create topics that do not exist; an empty topic simply has nothing to replay.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return settings;
    }

    private void progress(long runId, Consumer<RebuildRun> change) {
        retrying.untilDone("Recording the rebuild's progress", () -> QuarkusTransaction.requiringNew().run(() -> {
            RebuildRun run = RebuildRun.findById(runId);
            change.accept(run);
        }));
    }

    private void finish(long runId, RebuildRun.State outcome, String why) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                RebuildRun run = RebuildRun.findById(runId);
                run.finish(outcome, clock.instant(), why);
            });
            LOG.infof("Rebuild %d: %s%s", runId, outcome, why == null ? "" : " (" + why + ")");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record the end of rebuild %d (%s)", runId, outcome);
        }
    }

    private static boolean tryAdvisoryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, ADVISORY_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void release(Connection lock) {
        if (lock == null) {
            return;
        }
        try (PreparedStatement statement = lock.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, ADVISORY_LOCK);
            statement.execute();
        } catch (SQLException e) {
            LOG.warnf("Could not release the rebuild lock (it goes with the connection): %s", e.getMessage());
        } finally {
            try {
                lock.close();
            } catch (SQLException e) {
                LOG.debugf("Closing the rebuild lock connection: %s", e.getMessage());
            }
        }
    }
}
