package dev.funnel.analytics.monitoring;

import dev.funnel.analytics.quota.QuotaInsights;
import dev.funnel.analytics.quota.QuotaReport;
import dev.funnel.analytics.quota.SellerQuota;
import dev.funnel.analytics.quota.TargetPace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * This month's quotas (UTC), for the funnel dashboard, read on a schedule so a scrape never queries the read model:
 * {@code funnel_quota_attainment_ratio{owner,target}}, won so far over the target, and
 * {@code funnel_quota_pace_ratio{owner,target}}, the month's projection at this rate over the target (1 is on
 * pace). {@code target} is {@code customers} or {@code value}; one series per seller with a quota this month, and
 * only as many sellers as a small business has.
 */
@ApplicationScoped
public class QuotaGauges {

    private static final Logger LOG = Logger.getLogger(QuotaGauges.class);

    private final QuotaInsights quotas;
    private final Clock clock;
    private final MultiGauge attainment;
    private final MultiGauge pace;

    QuotaGauges(MeterRegistry registry, QuotaInsights quotas, Clock clock) {
        this.quotas = quotas;
        this.clock = clock;
        this.attainment = MultiGauge.builder("funnel.quota.attainment.ratio")
                .description("Won so far this month over the seller's quota target (1 is met)")
                .register(registry);
        this.pace = MultiGauge.builder("funnel.quota.pace.ratio")
                .description("This month's projection at the rate so far over the seller's quota target (1 is on pace)")
                .register(registry);
    }

    @Scheduled(every = "${funnel.analytics.metrics-refresh-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        LocalDate today = LocalDate.now(clock);
        QuotaReport report;
        try {
            report = quotas.report(YearMonth.from(today), today, Optional.empty());
        } catch (RuntimeException e) {
            LOG.debugf("Could not refresh the quota gauges: %s", e.getMessage());
            return;
        }
        List<MultiGauge.Row<?>> attained = new ArrayList<>();
        List<MultiGauge.Row<?>> paced = new ArrayList<>();
        for (SellerQuota seller : report.sellers()) {
            add(seller.owner(), "customers", seller.customers(), attained, paced);
            add(seller.owner(), "value", seller.value(), attained, paced);
        }
        // Overwrite: a seller without a quota this month (a new month began) leaves the gauges.
        attainment.register(attained, true);
        pace.register(paced, true);
    }

    private static void add(String owner, String target, TargetPace figures, List<MultiGauge.Row<?>> attained,
            List<MultiGauge.Row<?>> paced) {
        if (figures == null) {
            return;
        }
        Tags tags = Tags.of("owner", owner, "target", target);
        BigDecimal goal = new BigDecimal(figures.target());
        attained.add(MultiGauge.Row.of(tags, new BigDecimal(figures.won()).divide(goal, MathContext.DECIMAL64)
                .doubleValue()));
        if (figures.projected() != null) {
            paced.add(MultiGauge.Row.of(tags, figures.projected().divide(goal, MathContext.DECIMAL64).doubleValue()));
        }
    }
}
