package dev.funnel.analytics.quota;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How far a calendar month is on the day a question is asked: the days gone count that day whole, as the wins
 * counted do (everything up to the end of {@code asOf}, UTC).
 *
 * @param month the month
 * @param asOf the day asked
 * @param days the month's days
 * @param gone its days up to and including {@code asOf}: 0 before the month, {@code days} after it
 * @param left {@code days - gone}
 */
public record MonthProgress(YearMonth month, LocalDate asOf, int days, int gone, int left) {

    public static MonthProgress of(YearMonth month, LocalDate asOf) {
        int days = month.lengthOfMonth();
        int gone;
        if (asOf.isBefore(month.atDay(1))) {
            gone = 0;
        } else if (asOf.isAfter(month.atEndOfMonth())) {
            gone = days;
        } else {
            gone = asOf.getDayOfMonth();
        }
        return new MonthProgress(month, asOf, days, gone, days - gone);
    }

    /** @return whether the month has ended by {@code asOf} */
    public boolean over() {
        return left == 0;
    }

    /** @return whether the month has not begun by {@code asOf} */
    public boolean notBegun() {
        return gone == 0;
    }
}
