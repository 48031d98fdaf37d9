package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;

class AmountsTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void anAmountInUnitsBecomesMinorUnits() throws Amounts.NotAnAmount {
        assertThat(Amounts.minorUnits("12.50", USD)).isEqualTo(1250L);
        assertThat(Amounts.minorUnits(" 12,5 ", USD)).isEqualTo(1250L);
        assertThat(Amounts.minorUnits("12", USD)).isEqualTo(1200L);
        assertThat(Amounts.minorUnits(".05", USD)).isEqualTo(5L);
        assertThat(Amounts.minorUnits("0", USD)).isEqualTo(0L);
        assertThat(Amounts.minorUnits("1250", JPY)).isEqualTo(1250L);
    }

    @Test
    void nothingTypedIsNoCost() throws Amounts.NotAnAmount {
        assertThat(Amounts.minorUnits("", USD)).isNull();
        assertThat(Amounts.minorUnits("  ", USD)).isNull();
        assertThat(Amounts.minorUnits(null, USD)).isNull();
    }

    @Test
    void whatCouldBeReadTwoWaysIsRefusedNotGuessed() {
        assertThatThrownBy(() -> Amounts.minorUnits("1,250", USD)).isInstanceOf(Amounts.NotAnAmount.class)
                .hasMessage("must have at most 2 decimals in USD");
        assertThatThrownBy(() -> Amounts.minorUnits("1,250.00", USD))
                .hasMessage("must be an amount such as 12.50, without thousands separators");
        assertThatThrownBy(() -> Amounts.minorUnits("12.500", USD)).hasMessage("must have at most 2 decimals in USD");
        assertThatThrownBy(() -> Amounts.minorUnits("12.5", JPY)).hasMessage("must be a whole amount of JPY");
        assertThatThrownBy(() -> Amounts.minorUnits("-3", USD)).hasMessage("must not be negative");
        assertThatThrownBy(() -> Amounts.minorUnits("twelve", USD)).isInstanceOf(Amounts.NotAnAmount.class);
        assertThatThrownBy(() -> Amounts.minorUnits("99999999999999999999", USD)).hasMessage("is too large");
    }
}
