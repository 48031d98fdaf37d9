package dev.funnel.analytics.quota;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * One target of a quota (customers, or won value in minor units) against what was won so far, and the pace.
 *
 * <ul>
 *   <li>{@code projected}: at this rate, what the month ends with: {@code won * days / gone}, null before the month
 *       begins. Rounded half up, to two decimals for customers and to whole minor units for value.</li>
 *   <li>{@code neededPerWeek}: what the days left need per week to reach the target: {@code (target - won) * 7 /
 *       left}, rounded up (to two decimals for customers, whole minor units for value) so that doing it is enough;
 *       0 once the target is met; null when the month is over and the target is not met.</li>
 *   <li>{@code met}: won reached the target; {@code onPace}: the projection reaches it (null before the month).</li>
 * </ul>
 *
 * @param target what is to be reached
 * @param won what was won so far
 * @param projected at this rate, by the month's end
 * @param neededPerWeek per remaining week, to reach the target
 * @param met whether won reached the target
 * @param onPace whether the projection reaches the target
 */
public record TargetPace(BigInteger target, BigInteger won, BigDecimal projected, BigDecimal neededPerWeek,
        boolean met, Boolean onPace) {

    private static final BigInteger WEEK = BigInteger.valueOf(7);

    /** @param scale 2 for customers, 0 for minor units */
    static TargetPace of(BigInteger target, BigInteger won, MonthProgress progress, int scale) {
        BigDecimal projected = progress.notBegun() ? null
                : new BigDecimal(won.multiply(BigInteger.valueOf(progress.days())))
                        .divide(BigDecimal.valueOf(progress.gone()), scale, RoundingMode.HALF_UP);
        BigInteger remaining = target.subtract(won);
        BigDecimal needed;
        if (remaining.signum() <= 0) {
            needed = BigDecimal.ZERO.setScale(scale);
        } else if (progress.over()) {
            needed = null;
        } else {
            needed = new BigDecimal(remaining.multiply(WEEK))
                    .divide(BigDecimal.valueOf(progress.left()), scale, RoundingMode.CEILING);
        }
        boolean met = remaining.signum() <= 0;
        Boolean onPace = projected == null ? null : projected.compareTo(new BigDecimal(target)) >= 0;
        return new TargetPace(target, won, projected, needed, met, onPace);
    }
}
