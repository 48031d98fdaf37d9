package dev.funnel.prospect;

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
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how many POST /prospects this service answers per second at a fixed concurrency, as built (the outbox row
 * in the same transaction, the relay sending it to Kafka) and with the outbox off, in one run against one durable
 * database; asserts nothing about speed. Run with {@code ./mvnw -pl prospect-service -am verify -Pbenchmarks};
 * see BENCHMARKS.md.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(WriteBenchmarkProfile.class)
class ProspectWriteBenchmark {

    @TestHTTPResource("/prospects")
    URI prospects;
    @Inject
    OutboxBenchmarkSwitch outbox;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void postProspectsWithAndWithoutTheOutbox() throws Exception {
        String token = TestTokens.of(TestTokens.OWNER, TestTokens.EVERY_ROLE);

        // A prospect hunted by sales, as the sellers register them, with every contact field.
        OutboxCost.measure("prospect-service POST /prospects", () -> HttpLoad.postJson(prospects, token,
                "{\"id\":\"" + UUID.randomUUID() + "\",\"displayName\":\"Jo Baker\",\"company\":\"Baker & Sons\","
                        + "\"email\":\"jo@baker.example\",\"phone\":\"+1 555 0100\",\"source\":\"SALES\","
                        + "\"owner\":\"sam\",\"estimatedValueMinor\":500000,\"currency\":\"USD\"}"), 201,
                outbox::writeEvents, dataSource);
    }
}
