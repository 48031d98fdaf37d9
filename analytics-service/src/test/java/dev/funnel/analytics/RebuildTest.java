package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.funnel;
import static dev.funnel.analytics.AnalyticsApi.projection;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.analytics.messaging.ProjectionRebuild;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectSource;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Emptying the read model and replaying every topic from offset 0 gives the same numbers. */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class RebuildTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ProjectionRebuild rebuild;

    @Test
    void aRebuildWhileAnotherReplicaRebuildsIsRefused() throws Exception {
        await().atMost(FunnelScenarioTest.PROJECTED).until(() -> !rebuild.running());
        try (Connection otherReplica = dataSource.getConnection();
                PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, ProjectionRebuild.ADVISORY_LOCK);
            lock.execute();
            try {
                given().post("/admin/projection/rebuild").then().statusCode(409)
                        .contentType("application/problem+json")
                        .body("detail", containsString("A rebuild is running in another replica"));
            } finally {
                try (PreparedStatement unlock = otherReplica.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, ProjectionRebuild.ADVISORY_LOCK);
                    unlock.execute();
                }
            }
        }
    }

    @Test
    void aRebuildGivenABodyOrParametersIsRefusedAndNothingStarts() {
        await().atMost(FunnelScenarioTest.PROJECTED).until(() -> !rebuild.running());
        JsonNode latest = projection().get("rebuild");

        // A rebuild always empties the whole read model: options it would ignore are refused, not ignored.
        given().contentType("application/json").body("{\"topics\": [\"funnel.prospects.v1\"]}")
                .post("/admin/projection/rebuild")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("body"))
                .body("violations.in", contains("body"))
                .body("violations[0].message", equalTo("must be empty: a rebuild takes no options"));
        given().queryParam("topic", "funnel.prospects.v1").queryParam("from", "2026-01-01")
                .post("/admin/projection/rebuild")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("topic", "from"))
                .body("violations.in", everyItem(equalTo("query")));

        assertThat(rebuild.running()).isFalse();
        assertThat(projection().get("rebuild")).isEqualTo(latest);
    }

    @Test
    void rebuildGivesIdenticalAnswersWhileLiveConsumptionGoesOn() {
        FunnelScenario scenario = FunnelScenario.create();
        LocalDate duringRebuild = FunnelScenario.unusedDay();
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            RawEvent.sendAll(kafka, scenario.records());
            FunnelScenarioTest.awaitAnswers(scenario);
            List<JsonNode> before = ScenarioAnswers.snapshot(scenario);

            JsonNode started = AnalyticsApi.parse(given().post("/admin/projection/rebuild")
                    .then().statusCode(202)
                    .header("Location", endsWith("/admin/projection"))
                    .extract().asString());
            long runId = started.get("id").asLong();
            assertThat(started.get("state").asText()).isEqualTo("RUNNING");
            RawEvent.of(new ProspectFound(UUID.randomUUID(), ProspectSource.SALES, null, "live", 0, "EUR",
                    duringRebuild.atTime(9, 0).toInstant(ZoneOffset.UTC))).sendWith(kafka);

            await().atMost(FunnelScenarioTest.PROJECTED).untilAsserted(() -> {
                JsonNode run = projection().get("rebuild");
                assertThat(run.get("id").asLong()).isEqualTo(runId);
                assertThat(run.get("state").asText()).isEqualTo("DONE");
            });
            JsonNode run = projection().get("rebuild");
            assertThat(run.get("replayed").asLong()).isEqualTo(run.get("targetRecords").asLong()).isPositive();
            assertThat(run.get("error").isNull()).isTrue();

            assertThat(ScenarioAnswers.snapshot(scenario)).isEqualTo(before);
            ScenarioAnswers.assertAll(scenario);
            await().atMost(FunnelScenarioTest.PROJECTED).untilAsserted(() -> assertThat(
                    funnel(duringRebuild, duringRebuild, "owner", "live").at("/stages/found").asLong()).isEqualTo(1));
        }
    }
}
