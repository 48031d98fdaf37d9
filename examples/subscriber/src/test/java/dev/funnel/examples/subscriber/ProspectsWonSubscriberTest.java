package dev.funnel.examples.subscriber;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.ProspectWon;
import dev.funnel.events.Topics;
import dev.funnel.testing.TestInfrastructure;
import dev.funnel.testing.TransactionalSender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example against a real broker, fed as the services feed it: CloudEvents in Kafka transactions, one of them
 * aborted, and a record in between that is no event of the contract.
 */
class ProspectsWonSubscriberTest {

    private static final Duration READ = Duration.ofMinutes(1);
    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    private static String bootstrapServers;

    @BeforeAll
    static void oneOrderedPartition() throws Exception {
        bootstrapServers = TestInfrastructure.kafka().bootstrapServers();
        // One partition, so the subscriber reads the records in the order they were written, whatever their keys.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(Topics.PROSPECTS, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Test
    void countsTheProspectsWonOfCommittedTransactionsOnlyAndPrintsWhatIsNoEvent() throws Exception {
        UUID abortedProspect = UUID.randomUUID();
        ProspectWon first = won(120_000, "EUR");
        ProspectWon second = won(9_900, "USD");
        ProspectWon last = won(30_000, "EUR");
        try (TransactionalSender sender = new TransactionalSender("/example/test")) {
            sender.send(List.of(new ProspectWon(abortedProspect, 1_000_000, "EUR", NOW)), false);
            sender.send(List.of(new ProspectFound(first.prospectId(), ProspectSource.SALES, null, "anna.k", 0, "EUR",
                    NOW), first, second), true);
            sendNoEvent();
            sender.send(List.of(last), true);
        }

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ProspectsWonSubscriber subscriber = new ProspectsWonSubscriber(bootstrapServers,
                "example-" + UUID.randomUUID(), new PrintStream(printed, true, UTF_8))) {
            // The last event was written last: once it is counted, everything before it was read. In this thread:
            // a KafkaConsumer is for one thread at a time.
            await().atMost(READ).pollInSameThread().until(() -> {
                subscriber.pollOnce(Duration.ofMillis(200));
                return subscriber.won() == 3;
            });
            assertThat(subscriber.wonMinorByCurrency()).isEqualTo(Map.of("EUR", 150_000L, "USD", 9_900L));
        }
        List<String> lines = printed.toString(UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("won " + first.prospectId() + ": 120000 EUR").endsWith("(1 won, in total "
                + "{EUR=120000})");
        assertThat(lines.get(1)).startsWith("won " + second.prospectId() + ": 9900 USD");
        assertThat(lines.get(2)).startsWith("refused " + Topics.PROSPECTS + "-0@").contains("no ce_specversion");
        assertThat(lines.get(3)).startsWith("won " + last.prospectId())
                .endsWith("(3 won, in total {EUR=150000, USD=9900})");
        assertThat(printed.toString(UTF_8)).doesNotContain(abortedProspect.toString());
    }

    @Test
    void stopEndsTheLoopThatMainRuns() throws Exception {
        try (ProspectsWonSubscriber subscriber = new ProspectsWonSubscriber(bootstrapServers,
                "example-" + UUID.randomUUID(), new PrintStream(new ByteArrayOutputStream(), true, UTF_8))) {
            Thread loop = new Thread(subscriber::run);
            loop.start();
            subscriber.stop();
            loop.join(READ.toMillis());
            assertThat(loop.isAlive()).as("the loop ended").isFalse();
        }
    }

    private static ProspectWon won(long valueMinor, String currency) {
        return new ProspectWon(UUID.randomUUID(), valueMinor, currency, NOW);
    }

    /** A record without CloudEvents headers, as a producer that does not know the contract writes it. */
    private static void sendNoEvent() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.PROSPECTS, "someone", "not json".getBytes(UTF_8))).get();
        }
    }
}
