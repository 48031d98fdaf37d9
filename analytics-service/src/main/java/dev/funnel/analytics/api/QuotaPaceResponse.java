package dev.funnel.analytics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.funnel.analytics.quota.MonthProgress;
import dev.funnel.analytics.quota.QuotaReport;
import dev.funnel.analytics.quota.SellerQuota;
import dev.funnel.analytics.quota.TargetPace;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code GET /insights/quota}: the month and day asked about, how far the month is, and each seller's quota with
 * its pace. A target the quota does not have is left out.
 */
public record QuotaPaceResponse(YearMonth month, LocalDate asOf, int daysInMonth, int daysGone, int daysLeft,
        List<Seller> sellers) {

    static QuotaPaceResponse of(QuotaReport report) {
        MonthProgress progress = report.progress();
        return new QuotaPaceResponse(progress.month(), progress.asOf(), progress.days(), progress.gone(),
                progress.left(), report.sellers().stream().map(seller -> Seller.of(seller, progress)).toList());
    }

    /** One seller: this month's targets, and how the earlier months with a quota ended. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Seller(String owner, boolean met, Customers customers, Value value,
            Map<String, BigInteger> wonOtherCurrencies, long monthsMet, long monthsMissed, List<Past> history) {

        static Seller of(SellerQuota seller, MonthProgress progress) {
            List<Past> history = seller.history().stream().map(Past::of).toList();
            return new Seller(seller.owner(), seller.met(), Customers.of(seller.customers(), progress),
                    Value.of(seller.currency(), seller.value(), progress), seller.wonOtherCurrencies(),
                    history.stream().filter(past -> Boolean.TRUE.equals(past.met())).count(),
                    history.stream().filter(past -> Boolean.FALSE.equals(past.met())).count(), history);
        }
    }

    /** The customers target: won so far, the projection, what each remaining week needs, and in words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Customers(BigInteger target, BigInteger won, BigDecimal projected, BigDecimal neededPerWeek,
            boolean met, Boolean onPace, String pace) {

        static Customers of(TargetPace pace, MonthProgress progress) {
            if (pace == null) {
                return null;
            }
            return new Customers(pace.target(), pace.won(), pace.projected(), pace.neededPerWeek(), pace.met(),
                    pace.onPace(), Pace.inWords(pace, progress, amount -> amount.toPlainString()));
        }
    }

    /** The value target, in minor units of its currency, as {@link Customers}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(String currency, BigInteger targetMinor, BigInteger wonMinor, BigInteger projectedMinor,
            BigInteger neededPerWeekMinor, boolean met, Boolean onPace, String pace) {

        static Value of(String currency, TargetPace pace, MonthProgress progress) {
            if (pace == null) {
                return null;
            }
            return new Value(currency, pace.target(), pace.won(), whole(pace.projected()),
                    whole(pace.neededPerWeek()), pace.met(), pace.onPace(),
                    Pace.inWords(pace, progress, minor -> Pace.money(currency, minor)));
        }

        private static BigInteger whole(BigDecimal minor) {
            return minor == null ? null : minor.toBigIntegerExact();
        }
    }

    /** An earlier month: its targets against what was won, and whether it was met (null: not over yet). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Past(YearMonth month, Boolean met, PastTarget customers, String currency, PastTarget value) {

        static Past of(SellerQuota.PastMonth past) {
            return new Past(past.month(), past.met(), PastTarget.of(past.customers()), past.currency(),
                    PastTarget.of(past.value()));
        }
    }

    /** A target of an earlier month and what was won against it. */
    public record PastTarget(BigInteger target, BigInteger won, boolean met) {

        static PastTarget of(TargetPace pace) {
            return pace == null ? null : new PastTarget(pace.target(), pace.won(), pace.met());
        }
    }

    /** The pace in words, as a seller says it: "at this rate 7 of 10 by the month's end". */
    static final class Pace {

        private Pace() {
        }

        static String inWords(TargetPace pace, MonthProgress progress,
                Function<BigDecimal, String> amount) {
            String target = amount.apply(new BigDecimal(pace.target()));
            String won = amount.apply(new BigDecimal(pace.won()));
            if (progress.notBegun()) {
                return "the month has not begun: " + target + " to reach";
            }
            if (progress.over()) {
                return won + " of " + target + (pace.met() ? ": met" : ": missed");
            }
            if (pace.met()) {
                return won + " of " + target + ": met with " + progress.left() + " days to go";
            }
            // Whole customers (or minor units) reached at this rate, rounded down: 9.54 customers are 9.
            String projected = amount.apply(pace.projected().setScale(0, RoundingMode.DOWN));
            return "at this rate " + projected + " of " + target + " by the month's end";
        }

        /** "EUR 4,200.00": the currency's own minor unit digits, grouped in thousands. */
        static String money(String currency, BigDecimal minor) {
            int digits = Math.max(0, Currency.getInstance(Objects.requireNonNull(currency))
                    .getDefaultFractionDigits());
            return currency + " " + String.format(Locale.ROOT, "%,." + digits + "f", minor.movePointLeft(digits));
        }
    }
}
