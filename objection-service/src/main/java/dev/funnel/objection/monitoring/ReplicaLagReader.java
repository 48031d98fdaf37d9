package dev.funnel.objection.monitoring;

import dev.funnel.health.DataRecordLag;
import dev.funnel.objection.ObjectionConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Reads the replica's lag every {@code funnel.objection.replica.lag-refresh-interval}: for each partition
 * assigned to this instance, the data records between the offset the group committed and the end of the
 * partition, so a replica that applied everything reads 0 although the producers' transaction markers follow its
 * committed offsets ({@link DataRecordLag} says how and why). A scrape only reads the last figure, so it never
 * waits for the broker.
 */
@ApplicationScoped
class ReplicaLagReader {

    private static final Logger LOG = Logger.getLogger(ReplicaLagReader.class);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final Vertx vertx;
    private final KafkaClientService clients;
    private final ReplicaMonitor monitor;
    private final Duration interval;
    private final DataRecordLag reader;
    /** A refresh still waiting for a slow broker makes the next ones skip rather than pile up. */
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private long timer = -1;

    ReplicaLagReader(Vertx vertx, KafkaClientService clients, ReplicaMonitor monitor, ObjectionConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.vertx = vertx;
        this.clients = clients;
        this.monitor = monitor;
        this.interval = config.replica().lagRefreshInterval();
        this.reader = new DataRecordLag(kafkaConfig, "objection-replica-lag");
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> refresh());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        synchronized (reader) {
            reader.close();
        }
    }

    private void refresh() {
        KafkaConsumer<String, byte[]> consumer = clients.getConsumer(ObjectionConfig.PROSPECT_EVENTS_CHANNEL);
        if (consumer == null || !refreshing.compareAndSet(false, true)) {
            return;
        }
        // The Kafka consumer is not thread-safe: its assignment is asked on its own polling thread. The broker
        // is asked by a client of our own on a worker thread, so neither the poll loop nor the event loop waits.
        consumer.runOnPollingThread(ReplicaLagReader::holding)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(this::lagOf)
                // Every broker call inside is bounded; this bounds the wait for the polling thread too, so a
                // refresh that never answers cannot stop the ones after it.
                .ifNoItem().after(GIVE_UP).fail()
                .subscribe().with(
                        lag -> {
                            refreshing.set(false);
                            if (lag != null) {
                                monitor.lag(lag);
                            }
                        },
                        failure -> {
                            refreshing.set(false);
                            LOG.debugf(failure, "Could not read the replica lag");
                        });
    }

    /** The group and the partitions this instance holds, or null while none is assigned (nothing to say yet). */
    private static Holding holding(Consumer<String, byte[]> consumer) {
        Set<TopicPartition> assigned = Set.copyOf(consumer.assignment());
        return assigned.isEmpty() ? null : new Holding(consumer.groupMetadata().groupId(), assigned);
    }

    /** The summed lag of the held partitions, or null while none is assigned. */
    private Long lagOf(Holding holding) {
        if (holding == null) {
            return null;
        }
        synchronized (reader) {
            try {
                return reader.byPartition(holding.group(), holding.partitions()).values().stream()
                        .mapToLong(Long::longValue).sum();
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the replica lag", e);
            }
        }
    }

    private record Holding(String group, Set<TopicPartition> partitions) {
    }
}
