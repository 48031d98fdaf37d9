package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.local.AnalyticsReplicas.Backlog;
import dev.funnel.local.AnalyticsReplicas.Replica;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how fast one analytics-service process and three of one consumer group apply the same backlog, each run
 * on a fresh broker (the backlog its only records), a fresh database and a fresh group, and what each resource
 * used meanwhile: the CPU of the analytics JVMs, of PostgreSQL (the postmaster and its backends) and of this JVM
 * (the broker runs in it), from {@code /proc/<pid>/stat}, against the machine's cores and load average. The
 * backlog is produced in one Kafka transaction once every replica has its partitions, so it appears to them all
 * at once. Asserts nothing about speed. {@code ./mvnw -B -ntp -Pbenchmarks -pl deploy/local -am verify
 * -Dtest=AnalyticsReplicasBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; see BENCHMARKS.md.
 */
@Tag("benchmark")
class AnalyticsReplicasBenchmark {

    private static final Duration PATIENCE = Duration.ofMinutes(15);

    @TempDir
    Path data;

    @Test
    void oneReplicaAgainstThree() throws Exception {
        Backlog backlog = AnalyticsReplicas.backlog(42, 20, 40_000, 200_000);
        int total = backlog.events().size();
        System.out.printf("BENCHMARK analytics replicas: %d events, %d cores, Java %s, load average %s%n", total,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                AnalyticsReplicas.loadAverage());
        try (AnalyticsReplicas replicas = AnalyticsReplicas.start(data)) {
            for (int count : new int[] {1, 3, 1, 3}) {
                run(replicas, backlog, count);
            }
        }
    }

    private void run(AnalyticsReplicas replicas, Backlog backlog, int count) throws Exception {
        int total = backlog.events().size();
        replicas.freshBroker();
        String run = "run" + System.nanoTime();
        String database = replicas.freshDatabase("analytics_" + run);
        List<Replica> running = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            running.add(replicas.launchWithoutWaiting(run + "-" + i, database, run));
        }
        for (Replica replica : running) {
            replica.process().awaitReady(Duration.ofMinutes(5));
        }
        replicas.awaitGroup(run, count, Duration.ofMinutes(2));

        long producing = System.nanoTime();
        replicas.produce(backlog.events(), total, Duration.ZERO, soFar -> { });
        double produced = seconds(producing);

        long postmaster = replicas.postmasterPid();
        long self = ProcessHandle.current().pid();
        double[] jvmCpuBefore = running.stream().mapToDouble(r -> AnalyticsReplicas.cpuSeconds(r.process().pid()))
                .toArray();
        double postgresBefore = AnalyticsReplicas.treeCpuSeconds(postmaster);
        double selfBefore = AnalyticsReplicas.cpuSeconds(self);
        long start = System.nanoTime();
        long deadline = start + PATIENCE.toNanos();
        // Each replica's own count, summed: no HTTP request on the API competes with the batches.
        while (appliedLive(running) < total) {
            assertThat(System.nanoTime()).as("applied within %s", PATIENCE).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(250);
        }
        double elapsed = seconds(start);
        String load = AnalyticsReplicas.loadAverage();
        double jvmCpu = 0;
        List<String> perReplica = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Replica replica = running.get(i);
            double used = AnalyticsReplicas.cpuSeconds(replica.process().pid()) - jvmCpuBefore[i];
            jvmCpu += used;
            perReplica.add(String.format("%.1f s (%.0f events)", used, replica.appliedLive()));
        }
        double postgresCpu = AnalyticsReplicas.treeCpuSeconds(postmaster) - postgresBefore;
        double selfCpu = AnalyticsReplicas.cpuSeconds(self) - selfBefore;
        JsonNode projection = running.get(0).projection();
        assertThat(projection.path("eventsApplied").asLong()).as("events applied").isEqualTo(total);

        System.out.printf("BENCHMARK analytics replicas: %d replica(s): %d events in %.2f s = %.0f events/s"
                + " (backlog produced in %.1f s, one transaction)%n", count, total, elapsed, total / elapsed,
                produced);
        System.out.printf("BENCHMARK analytics replicas: %d replica(s): CPU over the %.2f s: analytics JVMs %.1f s"
                + " (%.2f cores; each %s), PostgreSQL %.1f s (%.2f cores), broker + harness JVM %.1f s (%.2f cores);"
                + " load average after %s%n", count, elapsed, jvmCpu, jvmCpu / elapsed, perReplica, postgresCpu,
                postgresCpu / elapsed, selfCpu, selfCpu / elapsed, load);
        for (Replica replica : running) {
            replica.process().close();
        }
    }

    private static double appliedLive(List<Replica> running) throws Exception {
        double sum = 0;
        for (Replica replica : running) {
            sum += replica.appliedLive();
        }
        return sum;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
