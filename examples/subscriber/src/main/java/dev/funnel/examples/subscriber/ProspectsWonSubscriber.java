package dev.funnel.examples.subscriber;

import dev.funnel.events.DecodedRecord;
import dev.funnel.events.KafkaCloudEvents;
import dev.funnel.events.ProspectWon;
import dev.funnel.events.ReceivedEvent;
import dev.funnel.events.RefusedRecord;
import dev.funnel.events.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the funnel's prospect events and prints each prospect won, with a running count and total per currency.
 *
 * <p>Run: {@code java -cp ... dev.funnel.examples.subscriber.ProspectsWonSubscriber [bootstrap-servers] [group-id]}
 * (defaults {@code localhost:9092} and {@code example-prospects-won}); Ctrl-C stops it.
 */
public final class ProspectsWonSubscriber implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final PrintStream out;
    private long won;
    private final Map<String, Long> wonMinorByCurrency = new TreeMap<>();

    public ProspectsWonSubscriber(String bootstrapServers, String groupId, PrintStream out) {
        this.consumer = new KafkaConsumer<>(settings(bootstrapServers, groupId));
        this.out = out;
        consumer.subscribe(List.of(Topics.PROSPECTS));
    }

    /** The consumer settings that matter for these topics; everything else is Kafka's default. */
    static Properties settings(String bootstrapServers, String groupId) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // The producers write in Kafka transactions: without this, events of aborted transactions are read too.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Offsets are committed after the records were handled (at least once): see pollOnce.
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group starts from the beginning of the topic, so it sees the events written before it existed.
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Bytes, not a deserializer of events: KafkaCloudEvents.decode checks the CloudEvents headers too, and a
        // bad record becomes a RefusedRecord instead of an exception that stops poll().
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return settings;
    }

    /** Handles what one poll brought, then commits: a crash before the commit means these records come again. */
    void pollOnce(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        for (ConsumerRecord<String, byte[]> record : records) {
            handle(record, KafkaCloudEvents.decode(record));
        }
        if (!records.isEmpty()) {
            consumer.commitSync();
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record, DecodedRecord decoded) {
        if (decoded instanceof RefusedRecord refused) {
            // Not an event of the contract. A real subscriber sends it to a dead-letter topic of its own and goes on.
            out.printf("refused %s-%d@%d: %s%n", record.topic(), record.partition(), record.offset(),
                    refused.reason());
        } else if (decoded instanceof ReceivedEvent received && received.event() instanceof ProspectWon event) {
            // A record may come twice (at least once): a subscriber that must not count twice keeps received.id().
            won++;
            wonMinorByCurrency.merge(event.currency(), event.valueMinor(), Long::sum);
            out.printf("won %s: %d %s minor units on %s (%d won, in total %s)%n", event.prospectId(),
                    event.valueMinor(), event.currency(), event.wonAt(), won, wonMinorByCurrency);
        }
        // Every other event of the topic (ProspectFound, ProspectContacted, ProspectLost) is of no use here.
    }

    /** Prospects won so far. */
    long won() {
        return won;
    }

    /** Their value so far, in minor units per currency. */
    Map<String, Long> wonMinorByCurrency() {
        return Map.copyOf(wonMinorByCurrency);
    }

    /** Polls until {@link #stop()} is called from another thread. */
    void run() {
        try {
            while (true) {
                pollOnce(Duration.ofSeconds(1));
            }
        } catch (WakeupException stopped) {
            // stop() was called: leave the loop.
        }
    }

    /** Makes {@link #run()} return; the only method of this class that another thread may call. */
    void stop() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static void main(String[] args) {
        String bootstrapServers = args.length > 0 ? args[0] : "localhost:9092";
        String groupId = args.length > 1 ? args[1] : "example-prospects-won";
        ProspectsWonSubscriber subscriber = new ProspectsWonSubscriber(bootstrapServers, groupId, System.out);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            subscriber.stop();
            try {
                // Let the loop leave and the consumer close (leaving its group at once) before the JVM ends.
                main.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try (subscriber) {
            subscriber.run();
        }
    }
}
