package dev.funnel.outbox;

import static dev.funnel.outbox.OutboxTestSupport.recordsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.events.ProspectContacted;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaBroker;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TestInfrastructure;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class OutboxBrokerOutageTest {

    @Inject
    ContactLog contactLog;
    @Inject
    PrometheusMeterRegistry prometheus;

    @Test
    void eventsWaitWhileTheBrokerIsDownAndArriveInOrderWhenItIsBack() {
        KafkaBroker broker = TestInfrastructure.kafka();
        UUID prospect = UUID.randomUUID();
        Instant start = Instant.parse("2026-03-01T08:00:00Z");
        List<Instant> published = new ArrayList<>();
        double failuresBefore = sendFailures();

        broker.stop();
        try {
            for (int i = 0; i < 20; i++) {
                Instant at = start.plus(i, ChronoUnit.MINUTES);
                // Publishing only writes to PostgreSQL: it succeeds whatever state Kafka is in.
                contactLog.contact(prospect, "maria", at);
                published.add(at);
            }
            assertThat(contactLog.rowsFor(prospect)).isEqualTo(20);
            await().atMost(Duration.ofSeconds(60)).until(() -> sendFailures() > failuresBefore);
            assertThat(contactLog.unsentOutboxRows()).isGreaterThanOrEqualTo(20);
            // Each relay round blocks up to max.block.ms while the broker is away, and backs off between rounds.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> gauge("funnel_outbox_pending_events") >= 20);
        } finally {
            broker.restart();
        }

        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            await().atMost(Duration.ofSeconds(90)).until(() -> contactLog.unsentOutboxRows() == 0);
            // read_committed readers see the last transaction once its markers are written, a moment later.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Instant> received = recordsOf(kafka, prospect).stream()
                        .map(OutboxTestSupport::payload)
                        .map(ProspectContacted::contactedAt)
                        .distinct() // a row re-sent after a lost acknowledgement is a duplicate, never a reordering
                        .collect(Collectors.toList());
                assertThat(received).isEqualTo(published);
            });
        }
    }

    private double sendFailures() {
        return gauge("funnel_outbox_send_failures_total");
    }

    private double gauge(String name) {
        return prometheus.scrape().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
