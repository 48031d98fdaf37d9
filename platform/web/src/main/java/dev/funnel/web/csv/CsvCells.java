package dev.funnel.web.csv;

import dev.funnel.events.CanonicalUuid;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a cell's text into the type of the request field it fills. By hand rather than through the platform's
 * JSON mapper: that one refuses a number sent as text, on purpose, and in a spreadsheet every cell is text.
 */
final class CsvCells {

    private CsvCells() {
    }

    /** The value, or empty with {@code problem} set to what the cell must be. */
    static Optional<Object> convert(String cell, Class<?> type, StringBuilder problem) {
        String text = type == String.class ? cell : cell.strip();
        try {
            if (type == String.class) {
                return Optional.of(text);
            }
            if (type == Integer.class || type == int.class) {
                return Optional.of(Integer.valueOf(text));
            }
            if (type == Long.class || type == long.class) {
                return Optional.of(Long.valueOf(text));
            }
            if (type == BigDecimal.class) {
                return Optional.of(new BigDecimal(text));
            }
            if (type == LocalDate.class) {
                return Optional.of(LocalDate.parse(text));
            }
            if (type == Instant.class) {
                return Optional.of(Instant.parse(text));
            }
            if (type == UUID.class) {
                Optional<UUID> id = CanonicalUuid.parse(text);
                if (id.isEmpty()) {
                    problem.append("must be a UUID (8-4-4-4-12 hexadecimal digits)");
                }
                return id.map(Object.class::cast);
            }
            if (type.isEnum()) {
                return constant(text, type, problem);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            problem.append(expected(type));
            return Optional.empty();
        }
        throw new IllegalArgumentException("A CSV cell cannot fill a field of type " + type.getName());
    }

    private static Optional<Object> constant(String text, Class<?> type, StringBuilder problem) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                return Optional.of(constant);
            }
        }
        problem.append("must be one of ").append(Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", ")));
        return Optional.empty();
    }

    private static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "must be a date as YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "must be an instant as YYYY-MM-DDTHH:MM:SSZ";
        }
        if (type == BigDecimal.class) {
            return "must be a decimal number";
        }
        return "must be a whole number from " + (type == Integer.class || type == int.class
                ? Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                : Long.MIN_VALUE + " to " + Long.MAX_VALUE).toLowerCase(Locale.ROOT);
    }
}
