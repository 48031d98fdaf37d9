package dev.funnel.testing;

import dev.funnel.events.FunnelEvent;
import dev.funnel.events.KafkaCloudEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a test needs from Kafka as an outsider: read everything a topic holds, with headers, and
 * write raw records (malformed, duplicated, out of order) the way a misbehaving producer would.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    /** How long one call to the broker may take before it is made again. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** How long {@link #readAll(String)} keeps trying, as long as the longest wait of a test around it. */
    private static final Duration READ_PATIENCE = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> reader;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    private static KafkaTestClient shared;

    /** A new client for the shared test broker; close it when done. */
    public static KafkaTestClient forTestBroker() {
        return new KafkaTestClient(TestInfrastructure.kafka().bootstrapServers());
    }

    /**
     * The test JVM's one client for the shared test broker, closed when the JVM exits: test classes use it
     * without opening and closing a client of their own.
     */
    public static synchronized KafkaTestClient shared() {
        if (shared == null) {
            shared = forTestBroker();
            KafkaTestClient client = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(client::close, "kafka-test-client-shutdown"));
        }
        return shared;
    }

    /** Every record the topic holds right now under this key, in offset order (one key, one partition). */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, String key) {
        return readAll(topic).stream().filter(record -> key.equals(record.key())).collect(Collectors.toList());
    }

    /**
     * Every record the topic holds right now, ordered by partition, then offset. A broker slow to answer (a
     * timeout, a leader not known yet) is asked again until {@link #READ_PATIENCE} has passed, rather than ending
     * a caller's wait at once; but what this returns is always the whole topic, never part of it, so that a test
     * that finds a record missing can trust it.
     */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        long deadline = System.nanoTime() + READ_PATIENCE.toNanos();
        while (true) {
            try {
                return readOnce(topic, deadline);
            } catch (RetriableException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " within " + READ_PATIENCE, e);
                }
                pause();
            }
        }
    }

    private synchronized List<ConsumerRecord<String, byte[]>> readOnce(String topic, long deadline) {
        KafkaConsumer<String, byte[]> consumer = reader();
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, CALL_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList());
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, CALL_TIMEOUT);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (!reachedEnd(consumer, endOffsets)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within "
                            + READ_PATIENCE);
                }
                consumer.poll(POLL).forEach(records::add);
            }
            records.sort(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            return records;
        } catch (RuntimeException e) {
            // A consumer that failed mid-read may hold a half-known state; the next read starts from a new one.
            closeReader();
            throw e;
        }
    }

    /**
     * The one consumer every read of this client reuses (reads are serialised): a new consumer per read paid its
     * connection and metadata round trips on every poll of a test's await, which made up most of a read's time.
     */
    private KafkaConsumer<String, byte[]> reader() {
        if (reader == null) {
            reader = newConsumer();
        }
        return reader;
    }

    private void closeReader() {
        if (reader != null) {
            reader.close(Duration.ZERO);
            reader = null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading a topic", e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public void produce(ProducerRecord<String, byte[]> record) {
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not produce to " + record.topic(), e);
        }
    }

    /** Sends a raw record with string headers, as a producer outside this platform would. */
    public void produce(String topic, String key, byte[] value, Map<String, String> headers) {
        List<Header> kafkaHeaders = headers.entrySet().stream()
                .map(h -> (Header) new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.toList());
        produce(new ProducerRecord<>(topic, null, key, value, kafkaHeaders));
    }

    public void createTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(Set.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not create topic " + topic, e);
        }
    }

    /**
     * The headers the platform's codec writes for the event, as text, for a test to change one before
     * {@link #produce(String, String, byte[], Map)}.
     */
    public static Map<String, String> cloudEventHeaders(UUID eventId, String source, FunnelEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        KafkaCloudEvents.toRecord(eventId, source, event).headers()
                .forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    /** The value of a header as a string, or null when the record has none of that name. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "enable.auto.commit", "false",
                "default.api.timeout.ms", String.valueOf(CALL_TIMEOUT.toMillis()),
                "allow.auto.create.topics", "false",
                "isolation.level", "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", bootstrapServers,
                    "acks", "all",
                    "max.block.ms", "30000"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        closeReader();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
