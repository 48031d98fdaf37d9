package dev.funnel.analytics.messaging;

import dev.funnel.analytics.AnalyticsConfig;
import dev.funnel.health.DataRecordLag;
import dev.funnel.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * How far the live projection is behind the topics: per topic, the data records between the consumer group's
 * committed offsets and the ends of the partitions, so a projection that applied everything reads 0 even though
 * the producers' transaction markers sit after its committed offsets ({@link DataRecordLag} says how and why).
 * Offsets are committed after a batch is applied, a few seconds apart, so the figure runs a little behind and
 * never ahead of the truth.
 */
@ApplicationScoped
public class ProjectionLag {

    private static final Logger LOG = Logger.getLogger(ProjectionLag.class);

    private final String group;
    private final DataRecordLag reader;

    ProjectionLag(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, AnalyticsConfig config) {
        this.group = config.consumerGroup();
        this.reader = new DataRecordLag(kafkaConfig, "analytics-lag");
    }

    /**
     * Asks the broker (every call bounded in time; callers are the gauges' schedule and the admin endpoint,
     * never a scrape). Synchronized: the reader's consumer serves one caller at a time.
     *
     * @return data records not yet applied per topic, or empty when the broker could not tell
     */
    public synchronized Optional<Map<String, Long>> byTopic() {
        try {
            Map<String, Long> lag = new LinkedHashMap<>();
            Topics.all().forEach(topic -> lag.put(topic, 0L));
            reader.byPartition(group, reader.partitions(Topics.all()))
                    .forEach((partition, records) -> lag.merge(partition.topic(), records, Long::sum));
            return Optional.of(lag);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debugf("Could not read the projection lag: %s", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        reader.close();
    }
}
