package dev.funnel.outbox;

import static dev.funnel.outbox.OutboxTestSupport.recordsOf;
import static dev.funnel.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.events.ProspectContacted;
import dev.funnel.testing.BrokerBehindProxy;
import dev.funnel.testing.KafkaProxy;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TestInfrastructure;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay against a broker that stalls mid-commit. The application reaches its broker only through
 * {@link KafkaProxy}, which lets the relay's commit request (END_TXN) reach the broker and then holds everything, the
 * answer included, for longer than the producer's max.block.ms: the broker has committed, the relay's
 * {@code commitTransaction()} times out. The test reads on the broker's direct listener, which the proxy never stalls.
 */
@QuarkusTest
@TestProfile(BrokerBehindProxy.class)
class OutboxCommitTimeoutTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private final KafkaProxy proxy = TestInfrastructure.kafkaProxy();
    private final KafkaTestClient kafka =
            new KafkaTestClient(TestInfrastructure.kafkaBehindProxy().bootstrapServers());

    @Inject
    ContactLog contactLog;
    @Inject
    OutboxSender sender;
    @Inject
    PrometheusMeterRegistry prometheus;

    @AfterEach
    void thaw() {
        proxy.unfreeze();
        kafka.close();
    }

    @Test
    void aCommitThatTimesOutIsRetriedAndEveryEventArrivesExactlyOnceInOrder() {
        List<UUID> prospects = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<UUID, List<Instant>> published = new LinkedHashMap<>();
        List<UUID> eventIds = new ArrayList<>();
        double retriesBefore = counter("funnel_outbox_commit_retries_total");
        double failuresBefore = counter("funnel_outbox_send_failures_total");

        proxy.freezeAfter(ApiKeys.END_TXN);
        eventIds.addAll(contactLog.contactAll(contacts(prospects, 0, published)));

        await().atMost(DELIVERY).until(proxy::frozen);
        // The relay's commit timed out after max.block.ms (5 s). Waiting for either sign of it, a retry or a failed
        // round, keeps this test able to show what a relay that replaces its producer here does: duplicates.
        await().atMost(DELIVERY).until(() -> counter("funnel_outbox_commit_retries_total") > retriesBefore
                || counter("funnel_outbox_send_failures_total") > failuresBefore);
        boolean lockFreeDuringTheStall = contactLog.relayLockIsFree();
        long claimableDuringTheStall = contactLog.claimableOutboxRows();
        // Events written during the stall wait behind the pending commit.
        eventIds.addAll(contactLog.contactAll(contacts(prospects, 20, published)));
        long unsentDuringTheStall = contactLog.unsentOutboxRows();

        proxy.unfreeze();

        await().atMost(DELIVERY).until(() -> contactLog.unsentOutboxRows() == 0);
        Set<UUID> keys = Set.copyOf(prospects);
        // read_committed readers see the last transaction once its markers are written, a moment later.
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(recordsOf(kafka, keys)).hasSizeGreaterThanOrEqualTo(40));
        List<String> sentIds = recordsOf(kafka, keys).stream()
                .map(record -> header(record, "ce_id"))
                .collect(Collectors.toList());
        assertThat(sentIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                eventIds.stream().map(UUID::toString).collect(Collectors.toList()));
        Map<UUID, List<Instant>> received = recordsOf(kafka, keys).stream()
                .map(OutboxTestSupport::payload)
                .collect(Collectors.groupingBy(ProspectContacted::prospectId,
                        Collectors.mapping(ProspectContacted::contactedAt, Collectors.toList())));
        assertThat(received).isEqualTo(published);
        // The relay went back to the same commit, never gave the round up, so never replaced its producer.
        assertThat(counter("funnel_outbox_commit_retries_total")).isGreaterThan(retriesBefore);
        assertThat(counter("funnel_outbox_send_failures_total")).isEqualTo(failuresBefore);
        assertThat(proxy.freezes()).isEqualTo(1);
        // While that commit was pending, a replica could neither take the relay lock nor claim its rows.
        assertThat(lockFreeDuringTheStall).isFalse();
        assertThat(claimableDuringTheStall).isZero();
        assertThat(unsentDuringTheStall).isEqualTo(40);
    }

    @Test
    void aFencedProducerIsStillReplacedAndTheEventArrives() {
        UUID before = UUID.randomUUID();
        contactLog.contact(before, "maria", Instant.now());
        await().atMost(DELIVERY).until(() -> recordsOf(kafka, before).size() == 1);
        double failuresBefore = counter("funnel_outbox_send_failures_total");
        double retriesBefore = counter("funnel_outbox_commit_retries_total");

        // Another producer with the relay's transactional.id bumps its epoch: the relay's producer is fenced for good.
        try (KafkaProducer<String, byte[]> fencer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.kafkaBehindProxy().bootstrapServers(),
                "transactional.id", sender.transactionalId()),
                new StringSerializer(), new ByteArraySerializer())) {
            fencer.initTransactions();
        }
        UUID after = UUID.randomUUID();
        UUID eventId = contactLog.contact(after, "maria", Instant.now());

        // A fenced producer can never commit again: the event arrives only through a new one.
        await().atMost(DELIVERY).until(() -> contactLog.unsentOutboxRowsFor(eventId) == 0);
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(recordsOf(kafka, after)).hasSize(1));
        assertThat(counter("funnel_outbox_send_failures_total")).isGreaterThan(failuresBefore);
        // Fencing is not a timeout: nothing was retried.
        assertThat(counter("funnel_outbox_commit_retries_total")).isEqualTo(retriesBefore);
    }

    private static List<ProspectContacted> contacts(List<UUID> prospects, int from, Map<UUID, List<Instant>> log) {
        Instant start = Instant.parse("2026-05-04T09:00:00Z");
        List<ProspectContacted> contacts = new ArrayList<>();
        for (int n = from; n < from + 20; n++) {
            UUID prospect = prospects.get(n % prospects.size());
            Instant at = start.plus(n, ChronoUnit.MINUTES);
            contacts.add(new ProspectContacted(prospect, "maria", at));
            log.computeIfAbsent(prospect, p -> new ArrayList<>()).add(at);
        }
        return contacts;
    }

    private double counter(String name) {
        return prometheus.scrape().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
