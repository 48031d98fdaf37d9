package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.local.AnalyticsReplicas.Backlog;
import dev.funnel.local.AnalyticsReplicas.Replica;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three analytics-service processes of one consumer group apply a load of events into one database at the same
 * time; one is killed with SIGKILL a third of the way in and a fourth joins (two rebalances), and at the end the
 * figures are exactly what the load implies: every event applied once, the funnel's counts those the load was made
 * of, and the year's funnel, breakdowns and objections the same as after a rebuild (one replay of the topics by one
 * writer). Tagged {@code faults}: it runs with the fault suite ({@code -Pfaults}), not in the default build.
 */
@Tag("faults")
class AnalyticsReplicasTest {

    private static final String GROUP = "analytics-replicas";
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path data;

    @Test
    void replicasApplyTogetherAndTheFiguresAreExactThroughAKillAndAJoin() throws Exception {
        Backlog load = AnalyticsReplicas.backlog(18, 10, 8_000, 30_000);
        int total = load.events().size();
        try (AnalyticsReplicas replicas = AnalyticsReplicas.start(data)) {
            String database = replicas.freshDatabase("analytics");
            Replica a = replicas.launchWithoutWaiting("a", database, GROUP);
            Replica b = replicas.launchWithoutWaiting("b", database, GROUP);
            Replica c = replicas.launchWithoutWaiting("c", database, GROUP);
            for (Replica replica : List.of(a, b, c)) {
                replica.process().awaitReady(Duration.ofMinutes(4));
            }
            replicas.awaitGroup(GROUP, 3, Duration.ofMinutes(1));

            Map<String, Double> appliedByThree = new LinkedHashMap<>();
            Replica[] joined = new Replica[1];
            long started = System.nanoTime();
            // 60 transactions of 500 events, a quarter of a second apart: a load that goes on through both changes.
            replicas.produce(load.events(), 500, Duration.ofMillis(250), soFar -> {
                if (soFar >= total / 3 && appliedByThree.isEmpty()) {
                    for (Replica replica : List.of(a, b, c)) {
                        appliedByThree.put(replica.name(), replica.appliedLive());
                    }
                    b.process().kill();
                    System.out.printf("Replicas: b killed (SIGKILL) after %d of %d events; d starting%n", soFar,
                            total);
                    joined[0] = replicas.launchWithoutWaiting("d", database, GROUP);
                }
                if (soFar >= 2 * total / 3 && joined[0] != null && !joined[0].process().isReady()) {
                    // The last third goes on with d in the group, so that it takes partitions mid-load.
                    joined[0].process().awaitReady(Duration.ofMinutes(4));
                    System.out.printf("Replicas: d ready after %d events%n", soFar);
                }
            });
            Replica d = joined[0];
            System.out.printf("Replicas: %d events produced in %.1f s; applied live before the kill: %s%n", total,
                    (System.nanoTime() - started) / 1e9, appliedByThree);

            awaitApplied(a, total);
            Map<String, Double> appliedAfter = new LinkedHashMap<>();
            for (Replica replica : List.of(a, c, d)) {
                appliedAfter.put(replica.name(), replica.appliedLive());
            }
            JsonNode projection = a.projection();
            System.out.printf("Replicas: applied live at the end (b gone): %s; duplicates skipped %d; load average"
                    + " %s%n", appliedAfter, projection.path("duplicatesSkipped").asLong(),
                    AnalyticsReplicas.loadAverage());

            assertThat(appliedByThree.values().stream().filter(applied -> applied > 0).count())
                    .as("replicas that had applied batches while the three ran: %s", appliedByThree)
                    .isGreaterThan(1);
            assertThat(appliedAfter.get("d")).as("events d applied after it joined").isPositive();
            assertThat(projection.path("eventsApplied").asLong()).as("events applied").isEqualTo(total);
            assertThat(projection.path("lag").asLong()).as("lag").isZero();

            Map<String, JsonNode> live = a.figures();
            JsonNode funnel = live.get("/funnel");
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("effort.activities", load.activities());
            expected.put("effort.minutes", load.minutes());
            expected.put("stages.found", load.prospects());
            expected.put("stages.won", load.won());
            expected.put("stages.lost", load.lost());
            expected.put("stages.objected", load.objected());
            expected.put("objections.raised", load.raised());
            expected.put("objections.resolved", load.resolved());
            Map<String, Long> observed = new LinkedHashMap<>();
            expected.keySet().forEach(key -> observed.put(key, funnel.at("/" + key.replace('.', '/')).asLong(-1)));
            System.out.printf("Replicas: the year's funnel %s, the load made %s%n", observed, expected);
            assertThat(observed).as("the year's funnel against the load").isEqualTo(expected);
            assertThat(c.figures()).as("the figures read through another replica").isEqualTo(live);

            // A single writer's replay of the same topics into the emptied read model gives the same figures.
            assertThat(c.post("/admin/projection/rebuild")).as("rebuild started").isEqualTo(202);
            awaitRebuilt(c);
            assertThat(c.projection().path("eventsApplied").asLong()).as("events applied after the rebuild")
                    .isEqualTo(total);
            assertThat(d.figures()).as("figures after one replica's replay against those of the live replicas")
                    .isEqualTo(live);
        }
    }

    private static void awaitApplied(Replica replica, long total) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode projection = replica.projection();
        while (projection.path("eventsApplied").asLong() < total || projection.path("lag").asLong(-1) != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not caught up within " + PATIENCE + ": " + projection);
            }
            TimeUnit.MILLISECONDS.sleep(500);
            projection = replica.projection();
        }
    }

    private static void awaitRebuilt(Replica replica) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode rebuild = replica.projection().path("rebuild");
        while (!rebuild.path("state").asText().equals("DONE")) {
            assertThat(rebuild.path("state").asText()).as("rebuild %s", rebuild).isNotEqualTo("FAILED");
            if (System.nanoTime() > deadline) {
                throw new AssertionError("rebuild not done within " + PATIENCE + ": " + rebuild);
            }
            TimeUnit.MILLISECONDS.sleep(500);
            rebuild = replica.projection().path("rebuild");
        }
    }
}
