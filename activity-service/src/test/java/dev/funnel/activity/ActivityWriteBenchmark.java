package dev.funnel.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.outbox.OutboxBenchmarkSwitch;
import dev.funnel.testing.HttpLoad;
import dev.funnel.testing.OutboxCost;
import dev.funnel.testing.TestTokens;
import dev.funnel.testing.WriteBenchmarkProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how many POST /activities this service answers per second at a fixed concurrency, as built (the outbox row
 * in the same transaction, the relay sending it to Kafka) and with the outbox off, in one run against one durable
 * database; asserts nothing about speed. Run with {@code ./mvnw -pl activity-service -am verify -Pbenchmarks};
 * see BENCHMARKS.md.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(WriteBenchmarkProfile.class)
class ActivityWriteBenchmark {

    @TestHTTPResource("/activities")
    URI activities;
    @TestHTTPResource("/techniques")
    URI techniques;
    @Inject
    OutboxBenchmarkSwitch outbox;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void postActivitiesWithAndWithoutTheOutbox() throws Exception {
        String token = TestTokens.of(TestTokens.OWNER, TestTokens.EVERY_ROLE);
        String technique = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (HttpLoad setUp = new HttpLoad()) {
            assertThat(setUp.send(HttpLoad.postJson(techniques, token,
                    "{\"slug\":\"" + technique + "\",\"name\":\"Benchmark\",\"cadence\":\"DAILY\"}")).status())
                    .isEqualTo(201);
        }
        String today = LocalDate.now().toString();

        OutboxCost.measure("activity-service POST /activities", () -> HttpLoad.postJson(activities, token,
                "{\"id\":\"" + UUID.randomUUID() + "\",\"technique\":\"" + technique + "\",\"performedOn\":\"" + today
                        + "\",\"minutesSpent\":15,\"costMinor\":250,\"currency\":\"USD\"}"), 201,
                outbox::writeEvents, dataSource);
    }
}
