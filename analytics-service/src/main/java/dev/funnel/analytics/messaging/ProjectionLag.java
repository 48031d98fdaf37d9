package dev.funnel.analytics.messaging;

import dev.funnel.analytics.AnalyticsConfig;
import dev.funnel.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * How far the live projection is behind the topics: per topic, the records between the consumer group's
 * committed offsets and the ends of the partitions. Offsets are committed after a batch is applied, a few
 * seconds apart, so the figure runs a little behind and never ahead of the truth.
 */
@ApplicationScoped
public class ProjectionLag {

    private static final Logger LOG = Logger.getLogger(ProjectionLag.class);
    private static final long TIMEOUT_SECONDS = 5;

    private final Map<String, Object> kafkaConfig;
    private final String group;
    private Admin admin;

    ProjectionLag(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, AnalyticsConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.group = config.consumerGroup();
    }

    /** @return records not yet applied per topic, or empty when the broker could not tell */
    public Optional<Map<String, Long>> byTopic() {
        try {
            Admin client = admin();
            Map<String, KafkaFuture<TopicDescription>> described = client.describeTopics(Topics.all())
                    .topicNameValues();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<String, Long> lag = new LinkedHashMap<>();
            for (String topic : Topics.all()) {
                lag.put(topic, 0L);
                try {
                    described.get(topic).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).partitions()
                            .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                } catch (ExecutionException e) {
                    // No such topic yet: nothing was published to it, so nothing is behind.
                }
            }
            if (latest.isEmpty()) {
                return Optional.of(lag);
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            latest.keySet().forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
            Map<TopicPartition, ListOffsetsResultInfo> starts = client.listOffsets(earliest).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (TopicPartition partition : List.copyOf(latest.keySet())) {
                OffsetAndMetadata done = committed.get(partition);
                long from = done != null ? done.offset() : starts.get(partition).offset();
                lag.merge(partition.topic(), Math.max(0, ends.get(partition).offset() - from), Long::sum);
            }
            return Optional.of(lag);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debugf("Could not read the projection lag: %s", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            // All of kafka.*, so that security settings apply here too.
            Map<String, Object> settings = new HashMap<>(kafkaConfig);
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "analytics-lag");
            admin = Admin.create(settings);
        }
        return admin;
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        if (admin != null) {
            admin.close();
        }
    }
}
