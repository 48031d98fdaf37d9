package dev.funnel.analytics.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.analytics.projection.IncomingEvent;
import dev.funnel.analytics.projection.ProjectionApplier;
import dev.funnel.events.Cadence;
import dev.funnel.events.EventJson;
import dev.funnel.events.MarketingTechniqueDefined;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectSource;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas of the consumer group apply their batches at the same time: a batch in flight (here one held open by
 * another thread, as another replica's would be) does not hold the live consumer back. Only emptying the read
 * model for a rebuild waits for the batches in flight.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ConcurrentBatchesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    ProjectionApplier applier;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ProjectionRebuild rebuild;

    private final ExecutorService otherReplica = Executors.newSingleThreadExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseTheHeldBatch() {
        release.countDown();
        otherReplica.shutdown();
    }

    @Test
    void aBatchInFlightElsewhereDoesNotHoldTheLiveConsumerBack() throws Exception {
        await().atMost(PATIENCE).until(() -> !rebuild.running());
        String heldTechnique = "held-" + UUID.randomUUID().toString().substring(0, 8);
        Future<?> held = holdABatchOpen(heldTechnique);

        UUID prospect = UUID.randomUUID();
        ProspectFound found = new ProspectFound(prospect, ProspectSource.SALES, null, "concurrent", 100, "EUR",
                Instant.parse("2031-05-05T10:00:00Z"));
        KafkaTestClient.shared().produce(found.type().topic(), found.partitionKey(), EventJson.toBytes(found),
                KafkaTestClient.cloudEventHeaders(UUID.randomUUID(), "/funnel/analytics-tests", found));

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> prospectStored(prospect));
        assertThat(held).as("the other batch is still open").isNotDone();
        release.countDown();
        held.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        // It was rolled back: nothing of it stayed.
        assertThat(techniqueStored(heldTechnique)).isFalse();
    }

    @Test
    void emptyingTheReadModelForARebuildWaitsForTheBatchesInFlight() throws Exception {
        await().atMost(PATIENCE).until(() -> !rebuild.running());
        UUID prospect = UUID.randomUUID();
        ProspectFound found = new ProspectFound(prospect, ProspectSource.SALES, null, "concurrent", 100, "EUR",
                Instant.parse("2031-05-06T10:00:00Z"));
        KafkaTestClient.shared().produce(found.type().topic(), found.partitionKey(), EventJson.toBytes(found),
                KafkaTestClient.cloudEventHeaders(UUID.randomUUID(), "/funnel/analytics-tests", found));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> prospectStored(prospect));
        Future<?> held = holdABatchOpen("held-" + UUID.randomUUID().toString().substring(0, 8));

        given().post("/admin/projection/rebuild").then().statusCode(202);

        // The rebuild's first transaction waits for the batch: until then, nothing is emptied.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(this::aLockIsAwaitedOnTheState);
        assertThat(prospectStored(prospect)).isTrue();
        release.countDown();
        held.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        await().atMost(PATIENCE.multipliedBy(2)).until(() -> !rebuild.running());
        assertThat(prospectStored(prospect)).as("replayed").isTrue();
    }

    /**
     * Another replica's batch, through the same applier, in a transaction this test keeps open until released:
     * it holds whatever locks a batch holds until its commit.
     */
    private Future<?> holdABatchOpen(String technique) throws InterruptedException {
        CountDownLatch applied = new CountDownLatch(1);
        MarketingTechniqueDefined defined = new MarketingTechniqueDefined(technique, "Held", Cadence.DAILY,
                Instant.parse("2031-05-01T08:00:00Z"));
        Future<?> held = otherReplica.submit(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    applier.apply(List.of(new IncomingEvent(UUID.randomUUID(), defined)), Map.of(), false);
                    applied.countDown();
                    try {
                        release.await(PATIENCE.toSeconds() * 3, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new Released();
                });
            } catch (Released rolledBack) {
                // as meant: the batch leaves nothing
            }
        });
        assertThat(applied.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the other batch applied").isTrue();
        return held;
    }

    /** Ends the held batch's transaction by rolling it back. */
    private static final class Released extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private boolean aLockIsAwaitedOnTheState() throws SQLException {
        return count("select count(*) from pg_locks where relation = 'projection_state'::regclass and not granted")
                > 0;
    }

    private boolean prospectStored(UUID prospect) throws SQLException {
        return count("select count(*) from prospect_fact where prospect_id = '" + prospect + "'") == 1;
    }

    private boolean techniqueStored(String technique) throws SQLException {
        return count("select count(*) from technique_fact where technique = '" + technique + "'") == 1;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
