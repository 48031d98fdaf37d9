package dev.funnel.analytics.forecast;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A non-negative rational number, kept exact: the expected figures are sums of counts times shares, and summing
 * them as doubles would make the answer depend on the order the prospects were read in.
 */
record Fraction(BigInteger numerator, BigInteger denominator) {

    static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

    Fraction {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator " + denominator + " is not positive");
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() > 0 && !gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    Fraction plus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Fraction times(Fraction other) {
        return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    Fraction times(BigInteger factor) {
        return new Fraction(numerator.multiply(factor), denominator);
    }

    /** The nearest double: divided in decimal to 34 digits first, so a huge numerator is not rounded twice. */
    double toDouble() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128).doubleValue();
    }

    /** To a whole number, a half rounded up (away from zero: the fraction is never negative). */
    BigInteger rounded() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 0, RoundingMode.HALF_UP)
                .toBigIntegerExact();
    }
}
