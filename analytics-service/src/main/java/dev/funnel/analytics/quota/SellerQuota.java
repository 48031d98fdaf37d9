package dev.funnel.analytics.quota;

import java.math.BigInteger;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * One seller's quota for a month and how it stands.
 *
 * @param owner the seller
 * @param month the month
 * @param customers the customers target and its pace; null when the quota has none
 * @param currency the currency of the value target; null when the quota has none
 * @param value the value target (minor units of {@code currency}) and its pace; null when the quota has none
 * @param wonOtherCurrencies won value in other currencies, which the value target does not count
 * @param met every target of the quota is reached
 * @param history earlier months with a quota, newest first
 */
public record SellerQuota(String owner, YearMonth month, TargetPace customers, String currency, TargetPace value,
        Map<String, BigInteger> wonOtherCurrencies, boolean met, List<PastMonth> history) {

    /**
     * An earlier month's quota and how it ended.
     *
     * @param month the month
     * @param customers customers target and won; null without one
     * @param currency currency of the value target; null without one
     * @param value value target and won; null without one
     * @param met every target reached; null while the month is not over and not yet met
     */
    public record PastMonth(YearMonth month, TargetPace customers, String currency, TargetPace value, Boolean met) {
    }
}
