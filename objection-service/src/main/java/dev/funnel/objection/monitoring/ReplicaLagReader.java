package dev.funnel.objection.monitoring;

import dev.funnel.objection.ObjectionConfig;
import dev.funnel.objection.messaging.ProspectEventConsumer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Reads the replica's lag every {@code funnel.objection.replica.lag-refresh-interval}: for each partition
 * assigned to this instance, the end of the partition minus the offset the group committed, the same figure
 * {@code kafka-consumer-groups.sh --describe} shows. A scrape only reads the last figure, so it never waits
 * for the broker.
 */
@ApplicationScoped
class ReplicaLagReader {

    private static final Logger LOG = Logger.getLogger(ReplicaLagReader.class);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final KafkaClientService clients;
    private final ReplicaMonitor monitor;
    private final Duration interval;
    private long timer = -1;

    ReplicaLagReader(Vertx vertx, KafkaClientService clients, ReplicaMonitor monitor, ObjectionConfig config) {
        this.vertx = vertx;
        this.clients = clients;
        this.monitor = monitor;
        this.interval = config.replica().lagRefreshInterval();
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> refresh());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void refresh() {
        KafkaConsumer<String, byte[]> consumer = clients.getConsumer(ProspectEventConsumer.CHANNEL);
        if (consumer == null) {
            return;
        }
        // The Kafka consumer is not thread-safe: it is asked on its own polling thread.
        consumer.runOnPollingThread(ReplicaLagReader::lagOf)
                .subscribe().with(
                        lag -> {
                            if (lag != null) {
                                monitor.lag(lag);
                            }
                        },
                        failure -> LOG.debugf(failure, "Could not read the replica lag"));
    }

    /** The summed lag of the assigned partitions, or null while none is assigned (nothing to say yet). */
    private static Long lagOf(Consumer<String, byte[]> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return null;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, BROKER_TIMEOUT);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned, BROKER_TIMEOUT);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(assigned, BROKER_TIMEOUT);
        long lag = 0;
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata done = committed.get(partition);
            long next = done != null ? done.offset() : beginnings.getOrDefault(partition, 0L);
            lag += Math.max(0, ends.getOrDefault(partition, next) - next);
        }
        return lag;
    }
}
