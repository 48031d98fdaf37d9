package dev.funnel.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of the forecast, against values worked out by hand or in closed form. */
class PoissonBinomialTest {

    @Test
    void tenEvenChancesAreTheBinomialAndItsQuantiles() {
        double[] distribution = PoissonBinomial.distribution(Collections.nCopies(10, 0.5));

        // C(10, k) / 1024.
        long[] binomial = {1, 10, 45, 120, 210, 252, 210, 120, 45, 10, 1};
        for (int k = 0; k <= 10; k++) {
            assertThat(distribution[k]).as("P(%d)", k).isCloseTo(binomial[k] / 1024.0, within(1e-15));
        }
        // P(<= 1) = 11/1024 < 5% <= P(<= 2) = 56/1024; P(<= 7) = 968/1024 < 95% <= P(<= 8) = 1013/1024.
        assertThat(PoissonBinomial.quantile(distribution, 0.05)).isEqualTo(2);
        assertThat(PoissonBinomial.quantile(distribution, 0.95)).isEqualTo(8);
    }

    @Test
    void differentChancesAreCombinedExactly() {
        // 1/2, 6/11, 5/8: P(0) = 15/176, P(1) = 58/176, P(2) = 73/176, P(3) = 30/176.
        double[] distribution = PoissonBinomial.distribution(List.of(0.5, 6 / 11.0, 0.625));

        assertThat(distribution).hasSize(4);
        assertThat(distribution[0]).isCloseTo(15 / 176.0, within(1e-15));
        assertThat(distribution[1]).isCloseTo(58 / 176.0, within(1e-15));
        assertThat(distribution[2]).isCloseTo(73 / 176.0, within(1e-15));
        assertThat(distribution[3]).isCloseTo(30 / 176.0, within(1e-15));
        assertThat(PoissonBinomial.quantile(distribution, 0.05)).isZero();
        assertThat(PoissonBinomial.quantile(distribution, 0.95)).isEqualTo(3);
    }

    @Test
    void certaintiesAndNothingGiveAPoint() {
        assertThat(PoissonBinomial.distribution(List.of())).containsExactly(1.0);
        double[] sure = PoissonBinomial.distribution(List.of(1.0, 1.0, 0.0));
        assertThat(sure).containsExactly(0.0, 0.0, 1.0, 0.0);
        assertThat(PoissonBinomial.quantile(sure, 0.05)).isEqualTo(2);
        assertThat(PoissonBinomial.quantile(sure, 0.95)).isEqualTo(2);
    }

    @Test
    void aQuantileReachedUpToRoundingIsReached() {
        // 0.05 as a sum of twenty 0.0025s is 0.05000000000000001 or 0.04999999999999999 depending on the order.
        double[] distribution = new double[401];
        java.util.Arrays.fill(distribution, 0.0025);
        assertThat(PoissonBinomial.quantile(distribution, 0.05)).isEqualTo(19);
    }

    @Test
    void fractionsStayExactAndRoundHalvesUp() {
        Fraction eur = Fraction.of(1, 2).times(BigInteger.valueOf(30_000))
                .plus(Fraction.of(6, 11).times(BigInteger.valueOf(10_000)));
        assertThat(eur).isEqualTo(Fraction.of(225_000, 11));
        assertThat(eur.rounded()).isEqualTo(BigInteger.valueOf(20_455));
        assertThat(Fraction.of(5, 2).rounded()).isEqualTo(BigInteger.valueOf(3));
        assertThat(Fraction.of(1, 2).plus(Fraction.of(6, 11)).plus(Fraction.of(5, 8)).toDouble())
                .isEqualTo(147 / 88.0);
        // Beyond a long: 2 * (2^63 - 1) * 3/4.
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        assertThat(Fraction.of(3, 4).times(max).plus(Fraction.of(3, 4).times(max)).rounded())
                .isEqualTo(max.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO).add(BigInteger.ONE));
    }

    @Test
    void wilsonsIntervalHoldsTheShareAndStaysWithinZeroAndOne() {
        // n = 1, 1 success: centre (1 + z^2/2) / (1 + z^2), half z / (1 + z^2) * sqrt(z^2 / 4).
        double z = Wilson.Z;
        double centre = (1 + z * z / 2) / (1 + z * z);
        double half = z / (1 + z * z) * (z / 2);
        assertThat(Wilson.lower(1, 1)).isCloseTo(centre - half, within(1e-15));
        assertThat(Wilson.upper(1, 1)).isCloseTo(1.0, within(1e-15));
        assertThat(Wilson.lower(0, 4)).isEqualTo(0.0);
        assertThat(Wilson.lower(3, 6)).isLessThan(0.5);
        assertThat(Wilson.upper(3, 6)).isGreaterThan(0.5);
        assertThat(Wilson.lower(3, 6) + Wilson.upper(3, 6)).isCloseTo(1.0, within(1e-15));
    }
}
