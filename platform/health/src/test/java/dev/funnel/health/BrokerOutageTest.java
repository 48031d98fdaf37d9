package dev.funnel.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.funnel.testing.BrokerBehindProxy;
import dev.funnel.testing.KafkaProxy;
import dev.funnel.testing.ManagementInterface;
import dev.funnel.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A broker that hangs (its connections held open and silent, as a paused broker or a partition looks): readiness
 * answers at once naming Kafka, the database's check stays UP, liveness stays UP, and readiness is UP again once
 * the broker answers. Without the bound, Quarkus' check would wait for the admin client's minute.
 */
@QuarkusTest
@TestProfile(BrokerBehindProxy.class)
class BrokerOutageTest {

    private static final long HEALTH_BOUND_MS = 2_000;

    @Test
    void aHangingBrokerIsNamedAtOnceAndLivenessStaysUp() {
        KafkaProxy proxy = TestInfrastructure.kafkaProxy();
        awaitReady();

        proxy.freeze();
        try {
            for (int probe = 0; probe < 3; probe++) {
                long started = System.nanoTime();
                ManagementInterface.given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'Kafka' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'Database' }.status", equalTo("UP"));
                assertThat(elapsedMillis(started)).isLessThan(HEALTH_BOUND_MS);
                started = System.nanoTime();
                ManagementInterface.given().get("/q/health/live").then().statusCode(200)
                        .body("status", equalTo("UP"));
                assertThat(elapsedMillis(started)).isLessThan(HEALTH_BOUND_MS);
            }
        } finally {
            proxy.unfreeze();
        }

        awaitReady();
    }

    private static void awaitReady() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ManagementInterface.given().get("/q/health/ready")
                .then().statusCode(200));
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
