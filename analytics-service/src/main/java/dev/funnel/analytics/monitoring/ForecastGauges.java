package dev.funnel.analytics.monitoring;

import dev.funnel.analytics.forecast.Forecast;
import dev.funnel.analytics.forecast.Forecasts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.jboss.logging.Logger;

/**
 * The forecast as of today, for dashboards, one series per horizon ({@code horizon_days} 30, 60 and 90):
 * {@code funnel_forecast_customers_expected}, its 5% and 95% quantiles {@code funnel_forecast_customers_low} and
 * {@code funnel_forecast_customers_high}, and {@code funnel_forecast_marketing_prospects_expected}. Computed on
 * the metrics schedule so a scrape never queries the read model; NaN until first computed.
 */
@ApplicationScoped
public class ForecastGauges {

    static final List<Integer> HORIZONS = List.of(30, 60, 90);
    private static final Logger LOG = Logger.getLogger(ForecastGauges.class);

    private final Forecasts forecasts;
    private final Clock clock;
    private final Map<Integer, Forecast> latest = new ConcurrentHashMap<>();

    ForecastGauges(MeterRegistry registry, Forecasts forecasts, Clock clock) {
        this.forecasts = forecasts;
        this.clock = clock;
        for (int horizon : HORIZONS) {
            register(registry, "funnel.forecast.customers.expected", horizon,
                    "Customers the open prospects should bring within the horizon: the sum of their win probabilities",
                    forecast -> forecast.customers().expected());
            register(registry, "funnel.forecast.customers.low", horizon,
                    "5% quantile of the customers the open prospects should bring within the horizon",
                    forecast -> forecast.customers().low());
            register(registry, "funnel.forecast.customers.high", horizon,
                    "95% quantile of the customers the open prospects should bring within the horizon",
                    forecast -> forecast.customers().high());
            register(registry, "funnel.forecast.marketing.prospects.expected", horizon,
                    "Marketing prospects the techniques' effort should bring within the horizon",
                    forecast -> forecast.marketing().expectedProspects());
        }
    }

    private void register(MeterRegistry registry, String name, int horizon, String description,
            ToDoubleFunction<Forecast> figure) {
        Gauge.builder(name, this, gauges -> {
            Forecast forecast = gauges.latest.get(horizon);
            return forecast == null ? Double.NaN : figure.applyAsDouble(forecast);
        }).description(description).tag("horizon_days", String.valueOf(horizon)).register(registry);
    }

    @Scheduled(every = "${funnel.analytics.metrics-refresh-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            latest.putAll(forecasts.forecasts(LocalDate.now(clock), HORIZONS, null));
        } catch (RuntimeException e) {
            LOG.debugf("Could not refresh the forecast gauges: %s", e.getMessage());
        }
    }
}
