package dev.funnel.analytics.monitoring;

import dev.funnel.analytics.funnel.FunnelFigures.Stages;
import dev.funnel.analytics.funnel.FunnelQueries;
import dev.funnel.analytics.messaging.ProjectionLag;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jboss.logging.Logger;

/**
 * Gauges read from the read model and the broker on a schedule, so a scrape never queries either:
 * {@code funnel_prospects{stage,source}} (every prospect found so far, per stage),
 * {@code funnel_prospects_by_technique{stage,technique}} (the same for marketing-sourced prospects, by the
 * technique that brought them) and {@code funnel_analytics_projection_lag_events{topic}} (data records not yet
 * applied, transaction markers not counted; -1 when the broker could not tell).
 */
@ApplicationScoped
public class ReadModelGauges {

    private static final Logger LOG = Logger.getLogger(ReadModelGauges.class);
    private static final Map<String, ToLongFunction<Stages>> STAGES = Map.of(
            "found", Stages::found,
            "contacted", Stages::contacted,
            "objected", Stages::objected,
            "won", Stages::won,
            "lost", Stages::lost,
            "open", Stages::open);

    private final FunnelQueries queries;
    private final ProjectionLag lag;
    private final MultiGauge byTechnique;
    private volatile Map<ProspectSource, Stages> totals = new EnumMap<>(ProspectSource.class);
    private volatile Map<String, Long> lagByTopic = new HashMap<>();

    ReadModelGauges(MeterRegistry registry, FunnelQueries queries, ProjectionLag lag) {
        this.queries = queries;
        this.lag = lag;
        for (ProspectSource source : ProspectSource.values()) {
            STAGES.forEach((stage, value) -> Gauge.builder("funnel.prospects", this,
                            gauges -> {
                                Stages stages = gauges.totals.get(source);
                                return stages == null ? 0 : value.applyAsLong(stages);
                            })
                    .description("Prospects found so far that reached the stage, from the read model")
                    .tag("stage", stage)
                    .tag("source", source.name())
                    .register(registry));
        }
        this.byTechnique = MultiGauge.builder("funnel.prospects.by.technique")
                .description("Marketing-sourced prospects found so far that reached the stage, by technique")
                .register(registry);
        for (String topic : Topics.all()) {
            Gauge.builder("funnel.analytics.projection.lag", this,
                            gauges -> gauges.lagByTopic.getOrDefault(topic, -1L))
                    .description("Data records on the topic that the live projection has not applied yet")
                    .baseUnit("events")
                    .tag("topic", topic)
                    .register(registry);
        }
    }

    @Scheduled(every = "${funnel.analytics.metrics-refresh-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            totals = queries.totals();
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            queries.totalsByTechnique().forEach((technique, stages) -> STAGES.forEach((stage, value) ->
                    rows.add(MultiGauge.Row.of(Tags.of("stage", stage, "technique", technique),
                            value.applyAsLong(stages)))));
            // Overwrite: a technique gone from the read model (a rebuild under way) leaves the gauge too.
            byTechnique.register(rows, true);
        } catch (RuntimeException e) {
            LOG.debugf("Could not refresh the prospect gauges: %s", e.getMessage());
        }
        lagByTopic = lag.byTopic().orElse(Map.of());
    }
}
