package dev.funnel.analytics.forecast;

import dev.funnel.analytics.forecast.Backtest.Origin;
import dev.funnel.analytics.forecast.Backtest.Summary;
import dev.funnel.analytics.forecast.Forecast.Basis;
import dev.funnel.analytics.forecast.Forecast.Customers;
import dev.funnel.analytics.forecast.Forecast.Marketing;
import dev.funnel.analytics.forecast.Forecast.OpenProspect;
import dev.funnel.analytics.forecast.Forecast.Stage;
import dev.funnel.analytics.forecast.Forecast.TechniqueForecast;
import dev.funnel.analytics.forecast.ForecastQueries.Garden;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The forecast of the harvest and its backtest, as the README defines them. Everything a forecast as of a day
 * uses was known at that day's end, so a forecast made as of an earlier day is the one that day would have made,
 * and the backtest judges it fairly.
 */
@ApplicationScoped
public class Forecasts {

    /** The history a forecast learns from: the prospects found in the year before its moment. */
    static final Duration HISTORY = Duration.ofDays(365);
    /** A basis with fewer reference prospects than this gives way to the next, broader one. */
    static final int MIN_REFERENCES = 5;
    static final double LOW_QUANTILE = 0.05;
    static final double HIGH_QUANTILE = 0.95;
    private static final double MICROS_PER_DAY = 86_400_000_000.0;
    private static final long RECENT_DAYS = 28;

    private final ForecastQueries queries;

    Forecasts(ForecastQueries queries) {
        this.queries = queries;
    }

    /** The forecast as of the end of {@code asOf} for the {@code horizonDays} after it; owner null for everyone. */
    public Forecast forecast(LocalDate asOf, int horizonDays, String owner) {
        return forecasts(asOf, List.of(horizonDays), owner).get(horizonDays);
    }

    /** The forecasts as of the end of {@code asOf} for each horizon, from one reading of the read model. */
    public Map<Integer, Forecast> forecasts(LocalDate asOf, List<Integer> horizons, String owner) {
        Instant moment = endOf(asOf);
        List<ForecastPath> paths = queries.paths(moment, moment.minus(HISTORY), moment, owner);
        Map<String, Garden> techniques = queries.techniques(asOf);
        Map<Integer, Forecast> forecasts = new TreeMap<>();
        for (int horizonDays : horizons) {
            Estimate estimate = estimate(paths, moment, horizonDays);
            forecasts.put(horizonDays, new Forecast(asOf, horizonDays, asOf.plusDays(horizonDays), owner,
                    estimate.customers(), estimate.expectedValue(), estimate.open(),
                    marketing(techniques, asOf, horizonDays)));
        }
        return forecasts;
    }

    /** The forecasts made as of asOf - 7k days for k = weeksAgo .. 1, against what was known at asOf's end. */
    public Backtest backtest(LocalDate asOf, int weeksAgo, int horizonDays, String owner) {
        Instant end = endOf(asOf);
        Instant earliest = endOf(asOf.minusWeeks(weeksAgo));
        List<ForecastPath> paths = queries.paths(end, earliest.minus(HISTORY), earliest, owner);
        Map<String, Garden> techniques = queries.techniques(asOf);
        List<Origin> origins = new ArrayList<>();
        for (int k = weeksAgo; k >= 1; k--) {
            LocalDate day = asOf.minusWeeks(k);
            Instant moment = endOf(day);
            Estimate estimate = estimate(paths, moment, horizonDays);
            Instant horizonEnd = moment.plus(Duration.ofDays(horizonDays));
            boolean complete = !horizonEnd.isAfter(end);
            Instant judged = complete ? horizonEnd : end;
            long actual = 0;
            SortedMap<String, BigInteger> actualValue = new TreeMap<>();
            for (ForecastPath prospect : estimate.estimated()) {
                if (prospect.wonBy(judged)) {
                    actual++;
                    if (prospect.wonCurrency() != null && prospect.wonValueMinor() != null) {
                        actualValue.merge(prospect.wonCurrency(), BigInteger.valueOf(prospect.wonValueMinor()),
                                BigInteger::add);
                    }
                }
            }
            Marketing marketing = marketing(techniques, day, horizonDays);
            LocalDate judgedDay = complete ? day.plusDays(horizonDays) : asOf;
            long marketingActual = marketing.techniques().stream()
                    .filter(technique -> technique.expectedProspects() != null)
                    .mapToLong(technique -> sum(techniques.get(technique.technique()).prospects(), day.plusDays(1),
                            judgedDay))
                    .sum();
            Customers customers = estimate.customers();
            Double error = complete ? actual - customers.expected() : null;
            origins.add(new Origin(day, day.plusDays(horizonDays), complete, customers.estimated(),
                    customers.expected(), customers.low(), customers.high(), actual, error,
                    error == null ? null : Math.abs(error),
                    error == null || customers.expected() <= 0 ? null : error / customers.expected(),
                    complete ? customers.low() <= actual && actual <= customers.high() : null,
                    estimate.expectedValue(), actualValue, marketing.expectedProspects(), marketingActual,
                    complete ? marketingActual - marketing.expectedProspects() : null));
        }
        return new Backtest(asOf, horizonDays, weeksAgo, owner, origins, summary(origins));
    }

    private static Summary summary(List<Origin> origins) {
        List<Origin> scored = origins.stream().filter(Origin::complete).toList();
        if (scored.isEmpty()) {
            return new Summary(0, null, null, null, null, null);
        }
        double errors = 0;
        double absolute = 0;
        long inside = 0;
        double marketingErrors = 0;
        double marketingAbsolute = 0;
        for (Origin origin : scored) {
            errors += origin.error();
            absolute += origin.absoluteError();
            inside += origin.inside() ? 1 : 0;
            marketingErrors += origin.marketingError();
            marketingAbsolute += Math.abs(origin.marketingError());
        }
        int n = scored.size();
        return new Summary(n, errors / n, absolute / n, (double) inside / n, marketingErrors / n,
                marketingAbsolute / n);
    }

    /**
     * Each prospect open at the moment, with the share of its reference prospects won within the horizon: those
     * found in the year before, still open at the age it has now, in the same stage at that age (and of the same
     * source), whose horizon after that age had passed by the moment.
     */
    private static Estimate estimate(List<ForecastPath> paths, Instant moment, int horizonDays) {
        Instant historyStart = moment.minus(HISTORY);
        Duration horizon = Duration.ofDays(horizonDays);
        // Oldest first: a reference must be found by moment - age - horizon, so each prospect reads a prefix.
        List<ForecastPath> history = paths.stream()
                .filter(prospect -> prospect.foundBy(moment) && !prospect.foundAt().isBefore(historyStart))
                .sorted(Comparator.comparing(ForecastPath::foundAt))
                .toList();
        List<ForecastPath> open = paths.stream()
                .filter(prospect -> prospect.foundBy(moment) && prospect.openAt(moment))
                .sorted(Comparator.comparing(ForecastPath::foundAt).thenComparing(ForecastPath::prospectId))
                .toList();
        List<OpenProspect> answers = new ArrayList<>();
        List<ForecastPath> estimated = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        Fraction expected = Fraction.ZERO;
        SortedMap<String, Fraction> value = new TreeMap<>();
        for (ForecastPath prospect : open) {
            Duration age = Duration.between(prospect.foundAt(), moment);
            Stage stage = prospect.contactedBy(moment) ? Stage.CONTACTED : Stage.FOUND;
            int[] references = new int[3];
            int[] won = new int[3];
            for (ForecastPath reference : history) {
                Instant sameAge = reference.foundAt().plus(age);
                Instant horizonEnd = sameAge.plus(horizon);
                if (horizonEnd.isAfter(moment)) {
                    break;
                }
                if (!reference.openAt(sameAge)) {
                    continue;
                }
                int wins = reference.wonBy(horizonEnd) ? 1 : 0;
                references[2]++;
                won[2] += wins;
                if (reference.contactedBy(sameAge) == (stage == Stage.CONTACTED)) {
                    references[1]++;
                    won[1] += wins;
                    if (reference.source() == prospect.source()) {
                        references[0]++;
                        won[0] += wins;
                    }
                }
            }
            int level = references[0] >= MIN_REFERENCES ? 0 : references[1] >= MIN_REFERENCES ? 1 : 2;
            Basis basis = references[level] == 0 ? Basis.NONE : Basis.values()[level];
            int n = references[level];
            int k = won[level];
            Double probability = null;
            if (n > 0) {
                probability = (double) k / n;
                Fraction share = Fraction.of(k, n);
                expected = expected.plus(share);
                probabilities.add(probability);
                estimated.add(prospect);
                if (prospect.estimatedCurrency() != null && prospect.estimatedValueMinor() != null) {
                    value.merge(prospect.estimatedCurrency(),
                            share.times(BigInteger.valueOf(prospect.estimatedValueMinor())), Fraction::plus);
                }
            }
            answers.add(new OpenProspect(prospect.prospectId(), prospect.source(), prospect.technique(),
                    prospect.owner(), stage, days(age), prospect.estimatedValueMinor(), prospect.estimatedCurrency(),
                    basis, n, k, probability, n == 0 ? null : Wilson.lower(k, n), n == 0 ? null : Wilson.upper(k, n)));
        }
        double[] distribution = PoissonBinomial.distribution(probabilities);
        Customers customers = new Customers(open.size(), estimated.size(), open.size() - estimated.size(),
                expected.toDouble(), PoissonBinomial.quantile(distribution, LOW_QUANTILE),
                PoissonBinomial.quantile(distribution, HIGH_QUANTILE));
        SortedMap<String, BigInteger> expectedValue = new TreeMap<>();
        value.forEach((currency, sum) -> expectedValue.put(currency, sum.rounded()));
        return new Estimate(customers, expectedValue, answers, estimated);
    }

    /**
     * Per technique worked or bringing prospects in the year up to asOf: its yield per minute a lag after the
     * effort, times the effort whose prospects fall due in the horizon.
     */
    private static Marketing marketing(Map<String, Garden> techniques, LocalDate asOf, int horizonDays) {
        LocalDate yearStart = asOf.minusDays(364);
        Fraction total = Fraction.ZERO;
        List<TechniqueForecast> forecasts = new ArrayList<>();
        for (Map.Entry<String, Garden> entry : techniques.entrySet()) {
            // As of asOf: the read model may have been read as of a later day, for a backtest.
            NavigableMap<LocalDate, Long> minutes = entry.getValue().minutes().headMap(asOf, true);
            NavigableMap<LocalDate, Long> prospects = entry.getValue().prospects().headMap(asOf, true);
            long prospectsLastYear = sum(prospects, yearStart, asOf);
            if (sum(minutes, yearStart, asOf) == 0 && prospectsLastYear == 0) {
                continue;
            }
            long recent = sum(minutes, asOf.minusDays(RECENT_DAYS - 1), asOf);
            LocalDate firstActivity = minutes.isEmpty() ? null : minutes.firstKey();
            LocalDate firstProspect = prospects.isEmpty() ? null : prospects.firstKey();
            Long lag = firstActivity == null || firstProspect == null || firstProspect.isBefore(firstActivity) ? null
                    : ChronoUnit.DAYS.between(firstActivity, firstProspect);
            Long lagged = null;
            Double perHour = null;
            Double harvested = null;
            Double expected = null;
            if (lag != null) {
                lagged = sum(minutes, yearStart.minusDays(lag), asOf.minusDays(lag));
                long past = sum(minutes, asOf.plusDays(1).minusDays(lag),
                        min(asOf, asOf.plusDays(horizonDays).minusDays(lag)));
                long futureDays = Math.max(0, horizonDays - lag);
                Fraction harvest = Fraction.of(past, 1).plus(Fraction.of(recent * futureDays, RECENT_DAYS));
                harvested = harvest.toDouble();
                if (lagged > 0) {
                    perHour = Fraction.of(prospectsLastYear * 60, lagged).toDouble();
                    Fraction expectation = harvest.times(Fraction.of(prospectsLastYear, lagged));
                    expected = expectation.toDouble();
                    total = total.plus(expectation);
                }
            }
            forecasts.add(new TechniqueForecast(entry.getKey(), lag, recent, recent / 4.0, prospectsLastYear,
                    lagged, perHour, harvested, expected));
        }
        return new Marketing(total.toDouble(), forecasts);
    }

    private static long sum(NavigableMap<LocalDate, Long> perDay, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return 0;
        }
        return perDay.subMap(from, true, to, true).values().stream().mapToLong(Long::longValue).sum();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Days, to the microsecond the database keeps. */
    private static double days(Duration duration) {
        return (duration.getSeconds() * 1_000_000L + duration.getNano() / 1_000) / MICROS_PER_DAY;
    }

    /** A forecast's figures as of one moment, and the open prospects it estimated, to judge it by. */
    private record Estimate(Customers customers, SortedMap<String, BigInteger> expectedValue,
            List<OpenProspect> open, List<ForecastPath> estimated) {
    }
}
