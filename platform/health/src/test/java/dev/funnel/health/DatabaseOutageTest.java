package dev.funnel.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.testing.DatabasePause;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL server that hangs (paused with SIGSTOP, as a partition looks): health answers at once and names it,
 * liveness stays UP, a write is refused with 503 and Retry-After within 10 s and leaves nothing behind, and all is
 * well again once the server resumes.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class DatabaseOutageTest {

    /**
     * "At once" means well before the driver's 8 s socket timeout, which a probe that waited on the database would
     * take; the checks themselves give up after 500 ms. Not 2 s: a machine busy with other builds missed that by
     * a few milliseconds to 1.5 s while the answer was still the bounded one.
     */
    private static final long HEALTH_BOUND_MS = 5_000;
    private static final long REQUEST_BOUND_MS = 10_000;

    @Test
    void aHangingDatabaseIsNamedAtOnceAndWritesGet503UntilItAnswersAgain() {
        given().post("/notes").then().statusCode(200);
        awaitReady();
        long before = Long.parseLong(given().get("/notes").then().statusCode(200).extract().asString());

        try (DatabasePause paused = DatabasePause.pause()) {
            long started = System.nanoTime();
            Response write = given().post("/notes");
            long writeMillis = elapsedMillis(started);
            assertThat(write.statusCode()).isEqualTo(503);
            assertThat(write.contentType()).isEqualTo("application/problem+json");
            assertThat(write.header("Retry-After")).isEqualTo("5");
            assertThat(writeMillis).as("the write's answer came within the bound").isLessThan(REQUEST_BOUND_MS);

            for (int probe = 0; probe < 3; probe++) {
                started = System.nanoTime();
                ManagementInterface.given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'Database' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'Kafka' }.status", equalTo("UP"));
                assertThat(elapsedMillis(started)).isLessThan(HEALTH_BOUND_MS);
                started = System.nanoTime();
                ManagementInterface.given().get("/q/health/live").then().statusCode(200)
                        .body("status", equalTo("UP"));
                assertThat(elapsedMillis(started)).isLessThan(HEALTH_BOUND_MS);
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> given().post("/notes").statusCode() == 200);
        // Once the application itself writes again, readiness must say so at once, not what a probe left
        // over from the outage found then.
        ManagementInterface.given().get("/q/health/ready").then().statusCode(200);
        assertThat(Long.parseLong(given().get("/notes").then().statusCode(200).extract().asString()))
                .as("two rows for the write after the outage, none of the refused one")
                .isEqualTo(before + 2);
    }

    private static void awaitReady() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ManagementInterface.given().get("/q/health/ready")
                .then().statusCode(200));
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
