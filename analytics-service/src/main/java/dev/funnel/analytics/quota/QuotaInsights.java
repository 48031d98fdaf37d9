package dev.funnel.analytics.quota;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Am I on track for my quota: per seller, the month's targets against what they won so far, the pace and what the
 * rest of the month needs, and how their earlier months ended. Defined in the README ("Quotas and pace").
 */
@ApplicationScoped
public class QuotaInsights {

    /** How far back a seller's months are shown: a year of habits. */
    public static final int HISTORY_MONTHS = 12;

    private static final int CUSTOMER_SCALE = 2;
    private static final int MINOR_UNIT_SCALE = 0;

    private final QuotaQueries queries;

    QuotaInsights(QuotaQueries queries) {
        this.queries = queries;
    }

    /**
     * @param month the month asked about
     * @param asOf the day asked: wins count up to its end (UTC)
     * @param owner one seller only (a seller asking), or every seller with a quota
     */
    public QuotaReport report(YearMonth month, LocalDate asOf, Optional<String> owner) {
        Instant until = asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        QuotaFacts facts = queries.read(month.minusMonths(HISTORY_MONTHS), month, until, owner);
        Map<String, List<QuotaFacts.Target>> bySeller = facts.targets().stream()
                .collect(Collectors.groupingBy(QuotaFacts.Target::owner, TreeMap::new, Collectors.toList()));
        List<SellerQuota> sellers = bySeller.values().stream()
                .flatMap(targets -> targets.stream().filter(target -> target.month().equals(month)).findFirst()
                        .map(current -> seller(current, targets, facts, asOf)).stream())
                .toList();
        return new QuotaReport(MonthProgress.of(month, asOf), sellers);
    }

    private static SellerQuota seller(QuotaFacts.Target current, List<QuotaFacts.Target> all, QuotaFacts facts,
            LocalDate asOf) {
        MonthProgress progress = MonthProgress.of(current.month(), asOf);
        QuotaFacts.Won won = facts.wonBy(current.owner(), current.month());
        TargetPace customers = customers(current, won, progress);
        TargetPace value = value(current, won, progress);
        Map<String, BigInteger> others = new TreeMap<>(won.valueMinor());
        if (current.currency() != null) {
            others.remove(current.currency());
        }
        List<SellerQuota.PastMonth> history = all.stream()
                .filter(target -> target.month().isBefore(current.month()))
                .sorted(Comparator.comparing(QuotaFacts.Target::month).reversed())
                .map(target -> past(target, facts.wonBy(target.owner(), target.month()), asOf))
                .toList();
        return new SellerQuota(current.owner(), current.month(), customers, current.currency(), value, others,
                reached(customers, value), history);
    }

    private static SellerQuota.PastMonth past(QuotaFacts.Target target, QuotaFacts.Won won, LocalDate asOf) {
        MonthProgress progress = MonthProgress.of(target.month(), asOf);
        TargetPace customers = customers(target, won, progress);
        TargetPace value = value(target, won, progress);
        boolean reached = reached(customers, value);
        // Not over and not yet reached: it may still be met.
        Boolean met = reached || progress.over() ? reached : null;
        return new SellerQuota.PastMonth(target.month(), customers, target.currency(), value, met);
    }

    private static TargetPace customers(QuotaFacts.Target target, QuotaFacts.Won won, MonthProgress progress) {
        return target.customers() == null ? null : TargetPace.of(BigInteger.valueOf(target.customers()),
                BigInteger.valueOf(won.customers()), progress, CUSTOMER_SCALE);
    }

    private static TargetPace value(QuotaFacts.Target target, QuotaFacts.Won won, MonthProgress progress) {
        return target.valueMinor() == null ? null : TargetPace.of(BigInteger.valueOf(target.valueMinor()),
                won.valueMinor().getOrDefault(target.currency(), BigInteger.ZERO), progress, MINOR_UNIT_SCALE);
    }

    private static boolean reached(TargetPace customers, TargetPace value) {
        return (customers == null || customers.met()) && (value == null || value.met());
    }
}
