package dev.funnel.objection.monitoring;

import static dev.funnel.objection.ObjectionServiceTestSupport.found;
import static dev.funnel.objection.ObjectionServiceTestSupport.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.events.FunnelEvent;
import dev.funnel.objection.ObjectionServiceTestSupport;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TransactionalSender;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The replica's lag counts data records only: prospect-service's outbox relay sends every round in a Kafka
 * transaction, whose commit marker takes an offset after the last record, yet a replica that applied everything
 * reads 0; a real backlog reads exactly the data records waiting, aborted records and markers left out.
 *
 * <p>The gauge's values on the way are written to {@code target/metrics} for deploy/checks, which runs the lag
 * alert over them with promtool.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ReplicaLagTest {

    private static final String GAUGE = "funnel_prospect_replica_lag_records";

    @Inject
    DataSource dataSource;

    @Test
    void aReplicaThatAppliedEveryTransactionalRecordReadsZero() {
        ObjectionServiceTestSupport support = new ObjectionServiceTestSupport(KafkaTestClient.shared(), dataSource);
        List<UUID> applied = new ArrayList<>();
        try (TransactionalSender sender = new TransactionalSender("/funnel/prospect-service")) {
            for (int round = 0; round < 3; round++) {
                applied.addAll(sender.send(prospectsFound(4), true));
            }
            sender.send(prospectsFound(4), false);
        }
        applied.forEach(support::awaitApplied);

        List<Long> series = new ArrayList<>();
        await().atMost(withinOneCommitInterval()).until(() -> sample(series) == 0);
        write("caught-up", series);
    }

    @Test
    void aRealBacklogIsCountedInDataRecordsWithoutMarkersOrAbortedRecords() throws SQLException {
        ObjectionServiceTestSupport support = new ObjectionServiceTestSupport(KafkaTestClient.shared(), dataSource);
        try (TransactionalSender sender = new TransactionalSender("/funnel/prospect-service")) {
            sender.send(prospectsFound(3), true).forEach(support::awaitApplied);
            // Caught up first, so the committed offsets sit right before the markers of that round.
            await().atMost(withinOneCommitInterval()).until(() -> metric(GAUGE) == 0.0);

            List<UUID> waiting = new ArrayList<>();
            List<Long> series = new ArrayList<>();
            try (Connection blocker = dataSource.getConnection()) {
                // Holds back every write to the replica, reads still pass: the record waits, nothing is committed.
                blocker.setAutoCommit(false);
                try (Statement statement = blocker.createStatement()) {
                    statement.execute("lock table prospect_replica in exclusive mode");
                }
                waiting.addAll(sender.send(prospectsFound(3), true));
                waiting.addAll(sender.send(prospectsFound(2), true));
                sender.send(prospectsFound(3), false);

                await().atMost(withinOneCommitInterval()).until(() -> sample(series) == 5);
                assertThat(waiting).as("nothing of the backlog applied while it was counted")
                        .allSatisfy(id -> assertThat(support.processedCount(id)).isZero());
                blocker.rollback();
            }
            write("backlog", series);

            waiting.forEach(support::awaitApplied);
            await().atMost(withinOneCommitInterval()).until(() -> metric(GAUGE) == 0.0);
        }
    }

    /**
     * The consumer commits what it applied every {@code auto.commit.interval.ms} (SmallRye's throttled strategy),
     * and the lag is read every {@code lag-refresh-interval}: one reading may have started just before the commit.
     */
    private static Duration withinOneCommitInterval() {
        long commitMillis = ConfigProvider.getConfig()
                .getOptionalValue("mp.messaging.incoming.prospect-events.auto.commit.interval.ms", Long.class)
                .orElse(5_000L);
        Duration refresh = ConfigProvider.getConfig()
                .getValue("funnel.objection.replica.lag-refresh-interval", Duration.class);
        return Duration.ofMillis(commitMillis).plus(refresh.multipliedBy(2));
    }

    /** The gauge now, kept in the series when it differs from the value before. */
    private static long sample(List<Long> series) {
        double value = metric(GAUGE);
        long lag = Double.isNaN(value) ? -1 : (long) value;
        if (!Double.isNaN(value) && (series.isEmpty() || series.get(series.size() - 1) != lag)) {
            series.add(lag);
        }
        return lag;
    }

    /** {@code target/metrics/objection-service.lag-<phase>}: the series and its values, oldest first. */
    private static void write(String phase, List<Long> series) {
        StringBuilder line = new StringBuilder(GAUGE);
        series.forEach(value -> line.append(' ').append(value));
        try {
            Path directory = Path.of("target", "metrics");
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("objection-service.lag-" + phase), line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<FunnelEvent> prospectsFound(int count) {
        List<FunnelEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(found(UUID.randomUUID()));
        }
        return events;
    }
}
