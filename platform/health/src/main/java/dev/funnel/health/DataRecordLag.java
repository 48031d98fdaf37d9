package dev.funnel.health;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A consumer group's lag in data records: per partition, the records between the group's committed offset and
 * the end that a read_committed consumer would still be handed, so a caught-up group reads exactly 0.
 *
 * <p>Why not end offset minus committed offset: the producers write in Kafka transactions (platform/outbox), and
 * every transaction leaves a commit or abort marker that takes an offset but is never handed to a consumer. The
 * group commits the offset after its last data record, which is the marker's own offset, so the raw difference
 * stays at 1 per partition (more after aborted rounds) forever on a system that has applied everything.
 *
 * <p>How: per partition, with the last stable offset (LSO, where read_committed reading stops: the first offset
 * of a transaction still open) and the high watermark (HW) taken together,
 * <ul>
 *   <li>[committed, LSO) is read by a consumer of its own (read_committed, assigned and seeked, no group, so it
 *   commits nothing and disturbs nobody) and its data records counted: markers and aborted records are skipped
 *   by the Kafka client itself, whose position moves past them. A caught-up partition then reads 0: the only
 *   offsets left are markers.</li>
 *   <li>[LSO, HW), records of transactions not decided yet (and whatever follows them), is counted raw. They
 *   cannot be read yet, and counting them is the side that never under-reports: a producer that died inside a
 *   transaction holds the group back until the transaction times out, and that is real backlog. On a quiet
 *   system LSO equals HW and this part is 0.</li>
 *   <li>Reading is bounded per call: at most {@link #MAX_RECORDS_READ} records and {@link #READ_BUDGET} of
 *   polling; what was not reached by then is counted raw from where reading stopped (an over-estimate by the
 *   markers in it, never an under-estimate). A backlog that large is far from caught up anyway.</li>
 * </ul>
 *
 * <p>Every broker call is bounded by {@link #BROKER_TIMEOUT}. Not thread-safe: one caller at a time.
 *
 * <p>Used by objection-service for its replica's lag and by analytics-service for its projection's lag and the size
 * of a rebuild.
 */
public final class DataRecordLag implements AutoCloseable {

    static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);
    /** Polling time per call; counting runs at hundreds of thousands of records a second, so this is generous. */
    static final Duration READ_BUDGET = Duration.ofSeconds(2);
    /** Records read per call, at most; the rest of a larger backlog is counted raw. */
    static final int MAX_RECORDS_READ = 50_000;
    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<String, Object> kafkaConfig;
    private final String clientId;
    private Admin admin;
    private Consumer<byte[], byte[]> reader;

    /**
     * @param kafkaConfig the application's {@code kafka.*} settings, so that security settings apply here too
     * @param clientId the client id of the admin client and of the counting consumer
     */
    public DataRecordLag(Map<String, Object> kafkaConfig, String clientId) {
        this.kafkaConfig = new HashMap<>(kafkaConfig);
        this.clientId = clientId;
    }

    /** The partitions of those topics that exist; a topic not created yet has none (nothing was published). */
    public Set<TopicPartition> partitions(Collection<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, KafkaFuture<TopicDescription>> described = admin().describeTopics(topics).topicNameValues();
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : topics) {
            try {
                described.get(topic).get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // No such topic yet: nothing was published to it, so nothing is behind.
            }
        }
        return partitions;
    }

    /**
     * @return the data records of each partition that the group has not committed yet (see the class comment)
     */
    public Map<TopicPartition, Long> byPartition(String group, Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, Long> lag = new HashMap<>();
        if (partitions.isEmpty()) {
            return lag;
        }
        Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(partitions, OffsetSpec.earliest(),
                IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, ListOffsetsResultInfo> stable = offsets(partitions, OffsetSpec.latest(),
                IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, ListOffsetsResultInfo> high = offsets(partitions, OffsetSpec.latest(),
                IsolationLevel.READ_UNCOMMITTED);
        ListConsumerGroupOffsetsSpec spec = new ListConsumerGroupOffsetsSpec().topicPartitions(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(Map.of(group, spec))
                .partitionsToOffsetAndMetadata(group).get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        Map<TopicPartition, Long> from = new HashMap<>();
        Map<TopicPartition, Long> to = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long start = earliest.get(partition).offset();
            // Before the start of the log (retention removed records never applied): those can never be applied.
            long next = done == null ? start : Math.max(done.offset(), start);
            long lastStable = stable.get(partition).offset();
            long undecided = Math.max(0, high.get(partition).offset() - Math.max(lastStable, next));
            lag.put(partition, undecided);
            if (lastStable > next) {
                from.put(partition, next);
                to.put(partition, lastStable);
            }
        }
        countDataRecords(from, to).forEach((partition, records) -> lag.merge(partition, records, Long::sum));
        return lag;
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(Set<TopicPartition> partitions, OffsetSpec spec,
            IsolationLevel isolation) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return admin().listOffsets(request, new ListOffsetsOptions(isolation)).all()
                .get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The data records between two offsets of each partition: markers and aborted records are not counted, up to
     * {@link #MAX_RECORDS_READ} records and {@link #READ_BUDGET} of reading; the unread rest is counted raw, so the
     * figure is exact for a smaller range and never under the truth for a larger one.
     *
     * @param from the first offset per partition
     * @param to the offset after the last one per partition (a read_committed end offset)
     */
    public Map<TopicPartition, Long> between(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        return countDataRecords(from, to);
    }

    /** Data records in [from, to) per partition, read within the bounds; the unread rest counted raw. */
    private Map<TopicPartition, Long> countDataRecords(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<TopicPartition, Long> counted = new HashMap<>();
        if (from.isEmpty()) {
            return counted;
        }
        Consumer<byte[], byte[]> consumer = reader();
        try {
            consumer.assign(from.keySet());
            from.forEach((partition, offset) -> {
                consumer.seek(partition, offset);
                counted.put(partition, 0L);
            });
            Set<TopicPartition> unfinished = new HashSet<>(from.keySet());
            long deadline = System.nanoTime() + READ_BUDGET.toNanos();
            int read = 0;
            while (!unfinished.isEmpty() && read < MAX_RECORDS_READ && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    read++;
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < to.get(partition)) {
                        counted.merge(partition, 1L, Long::sum);
                    }
                }
                // The position moves past markers and aborted records even when a poll hands out nothing.
                unfinished.removeIf(partition -> consumer.position(partition, BROKER_TIMEOUT) >= to.get(partition));
            }
            for (TopicPartition partition : unfinished) {
                long position = Math.max(consumer.position(partition, BROKER_TIMEOUT), from.get(partition));
                counted.merge(partition, Math.max(0, to.get(partition) - position), Long::sum);
            }
            return counted;
        } catch (RuntimeException e) {
            closeReader();
            throw e;
        } finally {
            if (reader != null) {
                // Nothing fetched in the background between calls, and no buffered records for the next one.
                reader.assign(List.of());
            }
        }
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>(kafkaConfig);
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
            admin = Admin.create(settings);
        }
        return admin;
    }

    private Consumer<byte[], byte[]> reader() {
        if (reader == null) {
            Map<String, Object> settings = new HashMap<>(kafkaConfig);
            // No group: it only counts, and must never commit or take partitions from the real consumer.
            settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
            settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-reader");
            settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
            settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
            // A partition with only markers left answers with no records: do not wait the default 500 ms for more.
            settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) POLL.toMillis());
            settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
            settings.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
            reader = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return reader;
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close(Duration.ZERO);
            } catch (RuntimeException e) {
                // A consumer that failed is dropped either way; the next call makes a new one.
            }
            reader = null;
        }
    }

    @Override
    public void close() {
        closeReader();
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }
}
