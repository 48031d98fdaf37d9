package dev.funnel.analytics.quota;

import java.math.BigInteger;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quotas of a span of months and what each seller won in each month.
 *
 * @param targets every quota set in the span
 * @param won per seller and month, the customers won and their value per currency
 */
record QuotaFacts(List<Target> targets, Map<SellerMonth, Won> won) {

    /** A seller's quota for a month; a target that is not part of it is null. */
    record Target(String owner, YearMonth month, Integer customers, Long valueMinor, String currency) {
    }

    record SellerMonth(String owner, YearMonth month) {
    }

    /**
     * What a seller won in a month.
     *
     * @param customers prospects won
     * @param valueMinor their won value per currency, in minor units, never added across currencies
     */
    record Won(long customers, Map<String, BigInteger> valueMinor) {

        static final Won NONE = new Won(0, Map.of());

        Won plus(long moreCustomers, String currency, BigInteger moreValue) {
            Map<String, BigInteger> sum = new TreeMap<>(valueMinor);
            sum.merge(currency, moreValue, BigInteger::add);
            return new Won(customers + moreCustomers, Map.copyOf(sum));
        }
    }

    Won wonBy(String owner, YearMonth month) {
        return won.getOrDefault(new SellerMonth(owner, month), Won.NONE);
    }
}
