package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void minorUnitsAreSaidInTheCurrencysUnits() {
        assertThat(Money.words(150_000, "USD")).isEqualTo("USD 1,500.00");
        assertThat(Money.words(5, "EUR")).isEqualTo("EUR 0.05");
        assertThat(Money.words(1_250, "JPY")).isEqualTo("JPY 1,250");
        assertThat(Money.words(0, "USD")).isEqualTo("USD 0.00");
    }

    @Test
    void sumsAreSaidPerCurrencyWithTheirExactFigures() {
        Map<String, BigInteger> cost = new TreeMap<>(Map.of("EUR", BigInteger.valueOf(2500), "USD",
                BigInteger.valueOf(1005), "JPY", BigInteger.valueOf(1250)));
        assertThat(Money.words(cost)).isEqualTo("EUR 25.00, JPY 1,250, USD 10.05");
        assertThat(Money.exact(cost)).isEqualTo("EUR:2500 JPY:1250 USD:1005");
    }

    @Test
    void aSumBeyondALongStaysExact() {
        BigInteger twiceTheLargestLong = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TWO);
        assertThat(Money.of("EUR", twiceTheLargestLong)).isEqualTo("EUR 184,467,440,737,095,516.14");
        assertThat(Money.exact(Map.of("XAU", twiceTheLargestLong))).isEqualTo("XAU:18446744073709551614");
    }

    @Test
    void aCodeJavaDoesNotKnowIsShownInMinorUnitsAndNothingIsNone() {
        assertThat(Money.of("ZZZ", BigInteger.TEN)).isEqualTo("ZZZ 10 (minor units)");
        assertThat(Money.words(1_234, "XYZ")).isEqualTo("XYZ 1234 (minor units)");
        assertThat(Money.words(Map.of())).isEqualTo("none");
        assertThat(Money.words(null)).isEqualTo("none");
    }

    @Test
    void aCostPerResultIsRoundedToTheCurrencysCents() {
        assertThat(Money.perResult(new TreeMap<>(Map.of("EUR", 1000.0, "USD", 166.66666666666666))))
                .isEqualTo("EUR 10.00, USD 1.67");
    }

    @Test
    void theAmountToTypeAgainIsReadBackAsTheSameMinorUnits() throws Amounts.NotAnAmount {
        assertThat(Money.typed(150_000, "USD")).isEqualTo("1500.00");
        assertThat(Amounts.minorUnits(Money.typed(150_000, "USD"), Currency.getInstance("USD"))).isEqualTo(150_000L);
        assertThat(Money.typed(1_250, "JPY")).isEqualTo("1250");
    }
}
