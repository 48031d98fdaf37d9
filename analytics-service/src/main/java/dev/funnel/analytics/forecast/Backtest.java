package dev.funnel.analytics.forecast;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * The forecasts made as of each of the weeks before {@code asOf}, each against what happened in its horizon as
 * known at the end of {@code asOf}: whether to trust the forecast. Every figure is defined in the README.
 *
 * @param asOf the day the forecasts are judged, at its end
 * @param weeksAgo how many weeks back the earliest forecast was made
 * @param origins one per week, the earliest first: made as of asOf - 7 * weeksAgo days, ..., asOf - 7 days
 * @param summary over the origins whose horizon has passed
 */
public record Backtest(LocalDate asOf, int horizonDays, int weeksAgo, String owner, List<Origin> origins,
        Summary summary) {

    /**
     * @param asOf the day this forecast was made
     * @param through asOf + horizonDays
     * @param complete whether its horizon has passed by the backtest's asOf; when not, {@code actual} is what
     *     happened so far and nothing is scored
     * @param estimated the open prospects it had a probability for, the ones it is judged on
     * @param expected the forecast's expected customers
     * @param low its 5% quantile
     * @param high its 95% quantile
     * @param actual of the estimated prospects, how many were won after asOf and by the end of {@code through}
     *     (or of the backtest's asOf, if earlier)
     * @param error actual - expected; null unless complete
     * @param absoluteError |error|
     * @param relativeError error / expected; null unless complete with a positive expectation
     * @param inside whether low <= actual <= high; null unless complete
     * @param expectedValueMinor the forecast's expected value per currency
     * @param actualValueMinor what the won ones were won for, per currency of the win
     * @param marketingExpected the forecast's marketing prospects, over the techniques with an expectation
     * @param marketingActual the marketing prospects those techniques brought after asOf, by the end of
     *     {@code through} (or of the backtest's asOf, if earlier)
     * @param marketingError marketingActual - marketingExpected; null unless complete
     */
    public record Origin(LocalDate asOf, LocalDate through, boolean complete, int estimated, double expected,
            int low, int high, long actual, Double error, Double absoluteError, Double relativeError,
            Boolean inside, SortedMap<String, BigInteger> expectedValueMinor,
            SortedMap<String, BigInteger> actualValueMinor, double marketingExpected, long marketingActual,
            Double marketingError) {
    }

    /**
     * @param scored the complete origins
     * @param meanError the mean of their errors: below 0, the forecast promised more than came
     * @param meanAbsoluteError the mean of their absolute errors
     * @param coverage the share of them whose actual fell inside [low, high]: about 0.9 or more when the
     *     forecast is honest
     * @param marketingMeanError the mean of their marketing errors
     * @param marketingMeanAbsoluteError the mean of their absolute marketing errors
     */
    public record Summary(int scored, Double meanError, Double meanAbsoluteError, Double coverage,
            Double marketingMeanError, Double marketingMeanAbsoluteError) {
    }
}
