package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void minorUnitsAreSaidInTheCurrencysUnitsPerCurrency() {
        Map<String, BigInteger> cost = new TreeMap<>(Map.of("EUR", BigInteger.valueOf(2500), "USD",
                BigInteger.valueOf(1005), "JPY", BigInteger.valueOf(1250)));
        assertThat(Money.words(cost)).isEqualTo("EUR 25.00, JPY 1250, USD 10.05");
        assertThat(Money.exact(cost)).isEqualTo("EUR:2500 JPY:1250 USD:1005");
    }

    @Test
    void aSumBeyondALongStaysExact() {
        BigInteger twiceTheLargestLong = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TWO);
        assertThat(Money.of("EUR", twiceTheLargestLong)).isEqualTo("EUR 184467440737095516.14");
        assertThat(Money.exact(Map.of("XAU", twiceTheLargestLong))).isEqualTo("XAU:18446744073709551614");
    }

    @Test
    void aCodeJavaDoesNotKnowIsShownInMinorUnitsAndNothingIsNone() {
        assertThat(Money.of("ZZZ", BigInteger.TEN)).isEqualTo("ZZZ 10 (minor units)");
        assertThat(Money.words(Map.of())).isEqualTo("none");
        assertThat(Money.words(null)).isEqualTo("none");
    }

    @Test
    void aCostPerResultIsRoundedToTheCurrencysCents() {
        assertThat(Money.perResult(new TreeMap<>(Map.of("EUR", 1000.0, "USD", 166.66666666666666))))
                .isEqualTo("EUR 10.00, USD 1.67");
    }
}
