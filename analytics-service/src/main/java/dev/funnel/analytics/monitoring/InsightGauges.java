package dev.funnel.analytics.monitoring;

import dev.funnel.analytics.insights.Consistency;
import dev.funnel.analytics.insights.DateRange;
import dev.funnel.analytics.insights.Insights;
import dev.funnel.analytics.insights.TechniqueStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The farming insights as of today, for dashboards, read from the read model on a schedule so a scrape never
 * queries it: {@code funnel_technique_habit_strength{technique}} (0 to 1), {@code funnel_techniques{status}}
 * (every status, 0 included) and {@code funnel_typical_sprout_lag_seconds} (NaN until first read). The sprout lag
 * is counted in days but exposed in seconds, Prometheus' base unit of time, so that queries compare and scale it as
 * any other duration.
 */
@ApplicationScoped
public class InsightGauges {

    private static final Logger LOG = Logger.getLogger(InsightGauges.class);

    private final Insights insights;
    private final Clock clock;
    private final MultiGauge habitStrength;
    private volatile Map<TechniqueStatus, Long> byStatus = new EnumMap<>(TechniqueStatus.class);
    private volatile double typicalLagDays = Double.NaN;

    InsightGauges(MeterRegistry registry, Insights insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
        this.habitStrength = MultiGauge.builder("funnel.technique.habit.strength")
                .description("Loop Habit Tracker's score of the technique today, 0 to 1")
                .register(registry);
        for (TechniqueStatus status : TechniqueStatus.values()) {
            Gauge.builder("funnel.techniques", this, gauges -> gauges.byStatus.getOrDefault(status, 0L))
                    .description("Marketing techniques started so far, by where they stand today")
                    .tag("status", status.name())
                    .register(registry);
        }
        // A TimeGauge converts to the registry's base unit: Prometheus' seconds, named _seconds.
        TimeGauge.builder("funnel.typical.sprout.lag", this, TimeUnit.DAYS, gauges -> gauges.typicalLagDays)
                .description("Median time from a technique's first activity to its first prospect "
                        + "(42 days while no technique has one)")
                .register(registry);
    }

    @Scheduled(every = "${funnel.analytics.metrics-refresh-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        LocalDate today = LocalDate.now(clock);
        Consistency consistency;
        try {
            // Streaks, strength and status do not depend on the range: one day is the cheapest to ask.
            consistency = insights.consistency(new DateRange(today, today), today);
        } catch (RuntimeException e) {
            LOG.debugf("Could not refresh the insight gauges: %s", e.getMessage());
            return;
        }
        Map<TechniqueStatus, Long> counts = new EnumMap<>(TechniqueStatus.class);
        consistency.techniques().forEach(technique -> counts.merge(technique.status(), 1L, Long::sum));
        List<MultiGauge.Row<?>> rows = consistency.techniques().stream()
                .<MultiGauge.Row<?>>map(technique -> MultiGauge.Row.of(Tags.of("technique", technique.technique()),
                        technique.habitStrength()))
                .toList();
        // Overwrite: a technique gone from the read model (a rebuild under way) leaves the gauge too.
        habitStrength.register(rows, true);
        byStatus = counts;
        typicalLagDays = consistency.typicalSproutLagDays();
    }
}
