package dev.funnel.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The outbox as operators see it in Prometheus: {@code funnel_outbox_pending},
 * {@code funnel_outbox_oldest_pending_age_seconds}, {@code funnel_outbox_published_total{topic}},
 * {@code funnel_outbox_send_failures_total} and {@code funnel_outbox_commit_retries_total}. The backlog gauges show
 * the last reading the relay took, so a scrape never queries the database.
 */
@ApplicationScoped
class OutboxMetrics {

    private final MeterRegistry registry;
    private final Counter sendFailures;
    private final Counter commitRetries;
    private volatile OutboxRepository.Backlog backlog = OutboxRepository.Backlog.EMPTY;

    OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("funnel.outbox.pending", this, metrics -> metrics.backlog.pending())
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .baseUnit("events")
                .register(registry);
        TimeGauge.builder("funnel.outbox.oldest.pending.age", this, TimeUnit.MILLISECONDS,
                        OutboxMetrics::oldestPendingAgeMillis)
                .description("How long the oldest unsent event has waited in the outbox")
                .register(registry);
        this.sendFailures = Counter.builder("funnel.outbox.send.failures")
                .description("Relay rounds that ended without the broker's acknowledgement")
                .register(registry);
        this.commitRetries = Counter.builder("funnel.outbox.commit.retries")
                .description("Retries of a Kafka commit that timed out, on the same producer and transaction")
                .register(registry);
    }

    void backlog(OutboxRepository.Backlog backlog) {
        this.backlog = backlog;
    }

    void published(String topic, int count) {
        Counter.builder("funnel.outbox.published")
                .description("Events acknowledged by Kafka")
                .tag("topic", topic)
                .register(registry)
                .increment(count);
    }

    void sendFailed() {
        sendFailures.increment();
    }

    void commitRetried() {
        commitRetries.increment();
    }

    private double oldestPendingAgeMillis() {
        return backlog.oldestCreatedAt()
                .map(oldest -> (double) Math.max(0, Duration.between(oldest, Instant.now()).toMillis()))
                .orElse(0.0);
    }
}
