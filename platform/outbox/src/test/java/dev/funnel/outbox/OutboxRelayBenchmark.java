package dev.funnel.outbox;

import static org.awaitility.Awaitility.await;

import dev.funnel.events.ProspectContacted;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast the relay moves events; asserts nothing about speed (machines differ). Run with
 * {@code ./mvnw -pl platform/outbox -am verify -Pbenchmarks}; see BENCHMARKS.md.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class OutboxRelayBenchmark {

    private static final int LATENCY_SAMPLES = 200;
    private static final int THROUGHPUT_EVENTS = 20_000;
    private static final int EVENTS_PER_TRANSACTION = 500;

    @Inject
    ContactLog contactLog;

    @Test
    void commitToKafkaLatencyWhenIdle() throws Exception {
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            Map<UUID, Long> calledAtMillis = new HashMap<>();
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                UUID prospect = UUID.randomUUID();
                calledAtMillis.put(prospect, System.currentTimeMillis());
                contactLog.contact(prospect, "bench", Instant.now());
                Thread.sleep(20); // idle between commits: each event is sent on its own
            }
            List<ConsumerRecord<String, byte[]>> records = awaitAll(kafka, calledAtMillis.keySet());
            long[] latencies = records.stream()
                    .mapToLong(r -> r.timestamp() - calledAtMillis.get(UUID.fromString(r.key())))
                    .sorted()
                    .toArray();
            System.out.printf("BENCHMARK outbox commit->Kafka latency, idle, %d events: p50 %d ms, p90 %d ms,"
                    + " p99 %d ms, max %d ms%n", latencies.length, rank(latencies, 50), rank(latencies, 90),
                    rank(latencies, 99), latencies[latencies.length - 1]);
        }
    }

    @Test
    void relayThroughputForABacklog() {
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            List<UUID> prospects = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                prospects.add(UUID.randomUUID());
            }
            long start = System.nanoTime();
            for (int done = 0; done < THROUGHPUT_EVENTS; done += EVENTS_PER_TRANSACTION) {
                List<ProspectContacted> batch = new ArrayList<>();
                for (int i = 0; i < EVENTS_PER_TRANSACTION; i++) {
                    batch.add(new ProspectContacted(prospects.get((done + i) % prospects.size()), "bench",
                            Instant.now()));
                }
                contactLog.contactAll(batch);
            }
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> contactLog.unsentOutboxRows() == 0);
            double totalSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCHMARK outbox: %d events published in %.2f s (%.0f/s); all acknowledged by Kafka"
                    + " after %.2f s (%.0f events/s end to end)%n", THROUGHPUT_EVENTS, publishSeconds,
                    THROUGHPUT_EVENTS / publishSeconds, totalSeconds, THROUGHPUT_EVENTS / totalSeconds);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> awaitAll(KafkaTestClient kafka, Set<UUID> keys) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> OutboxTestSupport.recordsOf(kafka, keys).size() >= keys.size());
        return OutboxTestSupport.recordsOf(kafka, keys).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, Function.identity(), (a, b) -> a))
                .values().stream().collect(Collectors.toList());
    }

    private static long rank(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
