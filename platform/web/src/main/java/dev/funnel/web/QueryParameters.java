package dev.funnel.web;

import dev.funnel.events.CanonicalUuid;
import dev.funnel.events.ContractFormats;
import jakarta.ws.rs.core.Response.Status;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A request's query parameters, parsed here rather than by JAX-RS: a parameter JAX-RS cannot convert gives 404,
 * while a client who typed a bad value deserves a 400 naming it. Every parameter is read before anything is refused,
 * so that one 400 names every invalid parameter; {@link #throwIfInvalid()} ends the reading.
 *
 * <p>An absent or blank parameter is empty (or its default). A value the database cannot take (a NUL character, a
 * year beyond 9999) is refused here too, instead of failing the query with a 500. Parameters given twice are refused
 * before a resource sees them ({@link SingleValuedQueryParameters}).
 */
public final class QueryParameters {

    /** The days a question may name: nothing the producers accept happens before 2000, PostgreSQL stops at 294276. */
    public static final LocalDate EARLIEST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_DAY = LocalDate.of(9999, 12, 31);

    private static final int MAX_SHOWN_LENGTH = 60;

    private final List<Map<String, String>> violations = new ArrayList<>();

    /** Text to compare with a column, such as a name. */
    public Optional<String> text(String name, String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        String problem = StorableText.Validator.problem(value);
        return problem == null ? Optional.of(value) : refuse(name, problem);
    }

    /** A technique's slug; no technique has any other text, so anything else is a mistake. */
    public Optional<String> techniqueSlug(String name, String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        return ContractFormats.isTechniqueSlug(value) ? Optional.of(value)
                : refuse(name, ContractFormats.TECHNIQUE_SLUG_RULE + " but was " + shown(value));
    }

    /** A seller's user name. */
    public Optional<String> owner(String name, String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        return ContractFormats.isOwner(value) ? Optional.of(value)
                : refuse(name, ContractFormats.OWNER_RULE + " but was " + shown(value));
    }

    /** An id, in the canonical 36-character form only ({@link CanonicalUuid}). */
    public Optional<UUID> uuid(String name, String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        Optional<UUID> id = CanonicalUuid.parse(value.strip());
        return id.isPresent() ? id : refuse(name, "must be a UUID but was " + shown(value));
    }

    /** One of an enum's constants as spelled; whitespace around it is ignored, nothing else. */
    public <E extends Enum<E>> Optional<E> constant(String name, String value, Class<E> type) {
        return constant(name, value, type, false);
    }

    /** One of an enum's constants in any case: {@code by=week} and {@code by=WEEK} alike. */
    public <E extends Enum<E>> Optional<E> constantInAnyCase(String name, String value, Class<E> type) {
        return constant(name, value, type, true);
    }

    private <E extends Enum<E>> Optional<E> constant(String name, String value, Class<E> type, boolean anyCase) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        // strip(), not trim(): trim() would also drop a NUL or another control character.
        String constant = anyCase ? value.strip().toUpperCase(Locale.ROOT) : value.strip();
        try {
            return Optional.of(Enum.valueOf(type, constant));
        } catch (IllegalArgumentException e) {
            return refuse(name, "must be one of " + names(type) + " but was " + shown(value));
        }
    }

    /**
     * A day as {@code YYYY-MM-DD}, from {@link #EARLIEST_DAY} to {@link #LATEST_DAY}: Java also reads years such as
     * {@code +999999999}, which a range's arithmetic or PostgreSQL's timestamps cannot hold.
     */
    public Optional<LocalDate> date(String name, String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            // also an impossible day such as 2026-02-30
            return refuse(name, "must be a date as YYYY-MM-DD but was " + shown(value));
        }
        if (day.isBefore(EARLIEST_DAY) || day.isAfter(LATEST_DAY)) {
            return refuse(name, "must be a date from " + EARLIEST_DAY + " to " + LATEST_DAY + " but was "
                    + shown(value));
        }
        return Optional.of(day);
    }

    /** A calendar month as {@code YYYY-MM}, from 2000-01 to 9999-12 ({@link Months}). */
    public Optional<YearMonth> month(String name, String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        Optional<YearMonth> month = Months.parse(value);
        return month.isPresent() ? month : refuse(name, Months.RULE + " but was " + shown(value));
    }

    /** A whole number from {@code min} to {@code max}; {@code defaultValue} when absent or invalid. */
    public int integer(String name, String value, int defaultValue, int min, int max) {
        if (isAbsent(value)) {
            return defaultValue;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            invalid(name, "must be a whole number from " + min + " to " + max);
            return defaultValue;
        }
        if (number < min || number > max) {
            invalid(name, "must be from " + min + " to " + max);
            return defaultValue;
        }
        return number;
    }

    /** Records a problem with a parameter that only the caller can judge, such as a range ending before it starts. */
    public void invalid(String name, String message) {
        violations.add(Problems.violation(name, "query", message));
    }

    /** @return whether a problem was recorded for this parameter */
    public boolean isInvalid(String name) {
        return violations.stream().anyMatch(v -> v.get("field").equals(name));
    }

    /** @throws io.quarkiverse.resteasy.problem.HttpProblem a 400 naming every invalid parameter, if there is one */
    public void throwIfInvalid() {
        if (violations.isEmpty()) {
            return;
        }
        Map<String, String> first = violations.get(0);
        throw Problems.of(Status.BAD_REQUEST, violations.size() == 1
                        ? "Query parameter " + first.get("field") + " " + first.get("message")
                        : violations.size() + " query parameters are invalid")
                .with("violations", List.copyOf(violations))
                .build();
    }

    /** A value as a problem quotes it: short enough to keep the message on one line. */
    public static String shown(String value) {
        return "'" + (value.length() > MAX_SHOWN_LENGTH ? value.substring(0, MAX_SHOWN_LENGTH) + "..." : value) + "'";
    }

    private <T> Optional<T> refuse(String name, String message) {
        invalid(name, message);
        return Optional.empty();
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
