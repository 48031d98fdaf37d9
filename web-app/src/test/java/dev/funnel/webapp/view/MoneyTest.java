package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void minorUnitsAreSaidInTheCurrencysUnits() {
        assertThat(Money.words(150_000, "USD")).isEqualTo("1,500.00 USD");
        assertThat(Money.words(5, "EUR")).isEqualTo("0.05 EUR");
        assertThat(Money.words(1_250, "JPY")).isEqualTo("1,250 JPY");
        assertThat(Money.words(0, "USD")).isEqualTo("0.00 USD");
    }

    @Test
    void aCurrencyJavaDoesNotKnowIsShownInMinorUnitsWithItsCode() {
        assertThat(Money.words(1_234, "XYZ")).isEqualTo("1234 XYZ");
    }

    @Test
    void theAmountToTypeAgainIsReadBackAsTheSameMinorUnits() throws Amounts.NotAnAmount {
        assertThat(Money.typed(150_000, "USD")).isEqualTo("1500.00");
        assertThat(Amounts.minorUnits(Money.typed(150_000, "USD"), Currency.getInstance("USD"))).isEqualTo(150_000L);
        assertThat(Money.typed(1_250, "JPY")).isEqualTo("1250");
    }
}
