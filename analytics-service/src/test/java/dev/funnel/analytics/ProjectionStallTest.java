package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.funnel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectSource;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.ManagementInterface;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A batch the database refuses is never skipped: the projection retries it, reports itself not ready meanwhile
 * (its figures are getting old), and applies it once the database takes it again.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ProjectionStallTest {

    /** The retries back off up to 30 s, so recovering may take that long after the database is back. */
    private static final Duration RECOVERED = Duration.ofSeconds(90);
    private static final String PROJECTION_CHECK = "checks.find { it.name == 'Funnel projection' }";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aProjectionStuckOnTheDatabaseIsNotReadyAndCatchesUpOnceItRecovers() throws Exception {
        LocalDate day = FunnelScenario.unusedDay();
        String owner = "stall-" + UUID.randomUUID().toString().substring(0, 8);

        // The table the batch must write to is away: every attempt fails, as with a database that refuses writes.
        execute("alter table prospect_fact rename to prospect_fact_away");
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            RawEvent.of(new ProspectFound(UUID.randomUUID(), ProspectSource.SALES, null, owner, 0, "EUR",
                    day.atTime(9, 0).toInstant(ZoneOffset.UTC))).sendWith(kafka);

            await().atMost(FunnelScenarioTest.PROJECTED).untilAsserted(() -> ManagementInterface.given()
                    .get("/q/health/ready").then().statusCode(503)
                    .body(PROJECTION_CHECK + ".status", equalTo("DOWN"))
                    .body(PROJECTION_CHECK + ".data.failing", containsString("Applying a batch")));
        } finally {
            execute("alter table prospect_fact_away rename to prospect_fact");
        }

        await().atMost(RECOVERED).untilAsserted(() ->
                assertThat(funnel(day, day, "owner", owner).at("/stages/found").asLong()).isEqualTo(1));
        await().atMost(RECOVERED).untilAsserted(() -> ManagementInterface.given().get("/q/health/ready")
                .then().statusCode(200)
                .body(PROJECTION_CHECK + ".status", equalTo("UP")));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
