package dev.funnel.analytics.insights;

import dev.funnel.analytics.funnel.FunnelFigures.DaysToWin;
import dev.funnel.analytics.insights.HarvestCurve.LagCorrelation;
import dev.funnel.analytics.insights.HarvestCurve.Week;
import dev.funnel.analytics.insights.HuntingVsFarming.Effort;
import dev.funnel.analytics.insights.HuntingVsFarming.SourceCohort;
import dev.funnel.analytics.insights.InsightQueries.CohortRow;
import dev.funnel.analytics.insights.InsightQueries.CohortRows;
import dev.funnel.analytics.insights.InsightQueries.WeekRow;
import dev.funnel.analytics.insights.SproutLags.TypicalLag;
import dev.funnel.events.ProspectSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the funnel's counts mean for the owner, as the README defines it: consistency, sprout lag, hunting vs
 * farming and the harvest curve. Reads the facts through {@link InsightQueries}; the walks through time are here.
 */
@ApplicationScoped
public class Insights {

    private final InsightQueries queries;

    Insights(InsightQueries queries) {
        this.queries = queries;
    }

    /** Every technique started by {@code asOf}: its periods kept in the range, streaks, strength and status. */
    public Consistency consistency(DateRange range, LocalDate asOf) {
        Garden garden = garden(asOf);
        List<Consistency.Technique> techniques = new ArrayList<>();
        for (Plot plot : garden.plots()) {
            TechniqueHistory history = plot.history();
            long planned = plot.periods().planned(range);
            long kept = plot.periods().kept(range);
            techniques.add(new Consistency.Technique(history.technique(), history.name(), history.cadence(),
                    history.firstActivity(), history.lastActivity(), history.activeForDays(), planned, kept,
                    planned == 0 ? null : (double) kept / planned, plot.periods().currentStreak(),
                    plot.periods().longestStreak(), plot.habitStrength(), history.prospects(), plot.status()));
        }
        return new Consistency(asOf, garden.typicalLag().days(), techniques);
    }

    /** Every technique started by {@code asOf}: its lag to a first prospect, or how long it has waited so far. */
    public SproutLags sproutLag(LocalDate asOf) {
        Garden garden = garden(asOf);
        long typical = garden.typicalLag().days();
        List<SproutLags.Technique> techniques = new ArrayList<>();
        for (Plot plot : garden.plots()) {
            TechniqueHistory history = plot.history();
            LocalDate first = history.firstActivity();
            Long daysSoFar = first == null || history.firstProspectOn() != null ? null
                    : ChronoUnit.DAYS.between(first, asOf);
            techniques.add(new SproutLags.Technique(history.technique(), history.name(), first,
                    history.firstProspectOn(), plot.lagDays(), daysSoFar,
                    daysSoFar == null ? null : SproutLag.progress(daysSoFar, typical)));
        }
        return new SproutLags(asOf, garden.typicalLag(), techniques);
    }

    /** The MARKETING and SALES prospects found in the range, side by side. */
    public HuntingVsFarming huntingVsFarming(DateRange range) {
        CohortRows rows = queries.cohorts(range);
        CohortRow marketing = rows.bySource().getOrDefault(ProspectSource.MARKETING, CohortRow.NONE);
        Effort effort = new Effort(rows.activities(), rows.minutes(), rows.costMinor(),
                ratio(rows.minutes(), marketing.found()), ratio(rows.minutes(), marketing.won()),
                perResult(rows.costMinor(), marketing.found()), perResult(rows.costMinor(), marketing.won()));
        return new HuntingVsFarming(cohort(ProspectSource.MARKETING, marketing, effort),
                cohort(ProspectSource.SALES, rows.bySource().getOrDefault(ProspectSource.SALES, CohortRow.NONE),
                        null));
    }

    /** One row per ISO week overlapping the range, its adstock, and the lagged correlations. */
    public HarvestCurve harvest(DateRange range, double theta) {
        Map<LocalDate, WeekRow> rows = queries.weeks(range);
        List<LocalDate> mondays = new ArrayList<>();
        LocalDate last = range.to().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate monday = range.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            mondays.add(monday);
        }
        double[] effort = new double[mondays.size()];
        double[] prospects = new double[mondays.size()];
        for (int t = 0; t < mondays.size(); t++) {
            WeekRow row = rows.getOrDefault(mondays.get(t), WeekRow.NONE);
            effort[t] = row.minutes();
            prospects[t] = row.prospects();
        }
        double[] adstock = Adstock.of(effort, theta);
        List<Week> weeks = new ArrayList<>();
        for (int t = 0; t < mondays.size(); t++) {
            LocalDate monday = mondays.get(t);
            WeekRow row = rows.getOrDefault(monday, WeekRow.NONE);
            weeks.add(new Week(isoWeek(monday), monday, row.minutes(), row.techniques(), row.prospects(),
                    adstock[t]));
        }
        List<Double> lagged = Correlation.lagged(prospects, effort);
        List<LagCorrelation> correlations = new ArrayList<>();
        for (int k = 0; k < lagged.size(); k++) {
            correlations.add(new LagCorrelation(k, lagged.get(k)));
        }
        Integer best = Correlation.best(lagged);
        return new HarvestCurve(theta, weeks, correlations, best, best == null ? null : lagged.get(best));
    }

    private Garden garden(LocalDate asOf) {
        List<TechniqueHistory> started = queries.histories(asOf).stream()
                .filter(history -> !history.start().isAfter(asOf))
                .toList();
        List<Long> lags = started.stream()
                .map(history -> SproutLag.days(history.firstActivity(), history.firstProspectOn()))
                .filter(Objects::nonNull)
                .toList();
        long typical = SproutLag.typicalDays(lags);
        TypicalLag typicalLag = new TypicalLag(typical, SproutLag.weeks(typical), lags.size());
        List<Plot> plots = new ArrayList<>();
        for (TechniqueHistory history : started) {
            PeriodRecord periods = new PeriodRecord(history.cadence(), history.start(), history.activityDays(),
                    asOf);
            double strength = history.firstActivity() == null ? 0
                    : HabitStrength.score(history.cadence(), history.activityDays(), history.firstActivity(), asOf);
            TechniqueStatus status = TechniqueStatus.of(periods.quiet(), history.prospects(),
                    history.activeForDays(), typical);
            plots.add(new Plot(history, periods, strength, status,
                    SproutLag.days(history.firstActivity(), history.firstProspectOn())));
        }
        return new Garden(typicalLag, plots);
    }

    private static SourceCohort cohort(ProspectSource source, CohortRow row, Effort effort) {
        return new SourceCohort(source, row.found(), row.won(), row.lost(), ratio(row.won(), row.won() + row.lost()),
                new DaysToWin(row.medianDaysToWin(), row.p90DaysToWin()), row.wonValueMinor(),
                ratio(row.objected(), row.found()), effort);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /**
     * Each currency's cost / results, divided in decimal to 34 digits and only then made a double: a cost beyond
     * 2^53 is not exact as a double, and rounding it before dividing could miss the nearest double of the quotient.
     */
    private static SortedMap<String, Double> perResult(SortedMap<String, BigInteger> cost, long results) {
        if (results == 0) {
            return null;
        }
        SortedMap<String, Double> per = new TreeMap<>();
        cost.forEach((currency, minor) -> per.put(currency, new BigDecimal(minor)
                .divide(BigDecimal.valueOf(results), MathContext.DECIMAL128).doubleValue()));
        return per;
    }

    private static String isoWeek(LocalDate monday) {
        return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Every technique started by a day, and the typical sprout lag they were judged against. */
    private record Garden(TypicalLag typicalLag, List<Plot> plots) {
    }

    /** One technique as of the day. */
    private record Plot(TechniqueHistory history, PeriodRecord periods, double habitStrength, TechniqueStatus status,
            Long lagDays) {
    }
}
