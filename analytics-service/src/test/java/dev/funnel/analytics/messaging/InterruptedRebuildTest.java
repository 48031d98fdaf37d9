package dev.funnel.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.testing.FunnelTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A rebuild empties the read model first, so one cut short by a crash leaves it incomplete: the service must notice
 * when it comes back and rebuild again. The crash is the row a dead replica leaves behind, still RUNNING; coming
 * back is the startup observer the service runs.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class InterruptedRebuildTest {

    private static final Duration REBUILT = Duration.ofSeconds(60);

    @Inject
    ProjectionRebuild rebuild;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRebuildCutShortByACrashIsRunAgainWhenTheServiceComesBack() throws Exception {
        await().atMost(REBUILT).until(() -> !rebuild.running());
        long crashed = insertRunLeftRunning();

        rebuild.resumeInterrupted(new StartupEvent());

        await().atMost(REBUILT).untilAsserted(() -> {
            assertThat(stateOf(crashed)).isEqualTo("INTERRUPTED");
            assertThat(latestRun()).isGreaterThan(crashed);
            assertThat(stateOf(latestRun())).isEqualTo("DONE");
        });
    }

    @Test
    void aRebuildThatFinishedIsNotRunAgain() throws Exception {
        await().atMost(REBUILT).until(() -> !rebuild.running());
        long before = latestRun();

        rebuild.resumeInterrupted(new StartupEvent());

        assertThat(rebuild.running()).isFalse();
        assertThat(latestRun()).isEqualTo(before);
    }

    private long insertRunLeftRunning() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into projection_rebuild (state, requested_at, replayed, applied, already_applied,
                                                        unreadable)
                        values ('RUNNING', now(), 0, 0, 0, 0) returning id""");
                ResultSet id = insert.executeQuery()) {
            id.next();
            return id.getLong(1);
        }
    }

    private long latestRun() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select coalesce(max(id), 0) from projection_rebuild");
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private String stateOf(long run) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select state from projection_rebuild where id = ?")) {
            query.setLong(1, run);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }
}
