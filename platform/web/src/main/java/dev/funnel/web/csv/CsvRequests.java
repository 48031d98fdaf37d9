package dev.funnel.web.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.funnel.web.Problems;
import dev.funnel.web.QueryParameters;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a spreadsheet sent as {@code text/csv} into the same request records a JSON body would give, checked by the
 * same Bean Validation constraints, so that a row is refused for exactly what the same item in JSON would be.
 *
 * <ul>
 * <li>The first row names the columns: the JSON field names, in any order and case; columns left out are
 * absent fields, and an empty cell is an absent field.</li>
 * <li>Comma or semicolon between cells, as the header row shows (spreadsheets in much of Europe export
 * {@code ;}); quotes, doubled quotes and line breaks inside quotes as RFC 4180 has them; a UTF-8 byte order
 * mark is skipped.</li>
 * <li>All or nothing: every problem of every row is collected first, and any one refuses the whole sheet with
 * one 400 whose {@code violations} name the row (the header is row 1, as a spreadsheet numbers it; a cell with a
 * line break in it still counts as one row) and the column.</li>
 * </ul>
 */
public final class CsvRequests {

    public static final String TEXT_CSV = "text/csv";
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.EMPTY_STRING_AS_NULL)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private CsvRequests() {
    }

    /**
     * @param body the request body
     * @param type the request record one row fills
     * @param maxRows the most data rows taken in one sheet
     * @return one request per data row, in order; never empty
     * @throws HttpProblem 400 naming every row and column at fault
     */
    public static <T extends Record> List<T> read(String body, Class<T> type, int maxRows, Validator validator) {
        String text = !body.isEmpty() && body.charAt(0) == BYTE_ORDER_MARK ? body.substring(1) : body;
        if (text.isBlank()) {
            throw refused(List.of(violation(1, null, "the sheet is empty: its first row must name the columns")));
        }
        Map<String, RecordComponent> fields = fields(type);
        List<Map<String, Object>> problems = new ArrayList<>();
        List<Map<String, String>> rows = rows(text, separator(text), maxRows);
        Map<String, RecordComponent> columns = columns(rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet()),
                fields, problems);
        if (rows.size() < 2) {
            problems.add(violation(2, null, "the sheet has no rows below its header"));
        }
        // A header with a column that fills nothing would refuse every row for the same reason: say it once.
        boolean headerValid = problems.isEmpty();
        List<T> requests = new ArrayList<>();
        for (int row = 1; headerValid && row < rows.size(); row++) {
            request(rows.get(row), row + 1, type, columns, validator, problems).ifPresent(requests::add);
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((Map<String, Object> p) -> (Integer) p.get("row")));
            throw refused(problems);
        }
        return requests;
    }

    /** Comma unless the header row has more semicolons than commas: column names contain neither. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    /** Every row as column name to cell, the header row first (its cells as keys and values). */
    private static List<Map<String, String>> rows(String text, char separator, int maxRows) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header = null;
        try (MappingIterator<String[]> cells = CSV.readerFor(String[].class).with(schema).readValues(text)) {
            while (cells.hasNextValue()) {
                String[] row = cells.nextValue();
                if (header == null) {
                    header = Arrays.stream(row).map(name -> name == null ? "" : name.strip()).toList();
                    Map<String, String> names = new LinkedHashMap<>();
                    header.forEach(name -> names.put(name, name));
                    rows.add(names);
                    continue;
                }
                if (rows.size() - 1 >= maxRows) {
                    throw refused(List.of(violation(rows.size() + 1, null,
                            "a sheet takes at most " + maxRows + " rows below its header")));
                }
                if (row.length > header.size()) {
                    throw refused(List.of(violation(rows.size() + 1, null, "has " + row.length
                            + " cells but the header names " + header.size() + " columns")));
                }
                Map<String, String> named = new LinkedHashMap<>();
                for (int i = 0; i < row.length; i++) {
                    named.put(header.get(i), row[i]);
                }
                rows.add(named);
            }
        } catch (JsonProcessingException e) {
            throw refused(List.of(violation(rows.size() + 1, null, "is not CSV: " + e.getOriginalMessage()
                    + at(e.getLocation()))));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read a CSV body held in memory", e);
        }
        return rows;
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ")";
    }

    /** The record's fields by lower-case name. */
    private static Map<String, RecordComponent> fields(Class<?> type) {
        Map<String, RecordComponent> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            fields.put(component.getName().toLowerCase(Locale.ROOT), component);
        }
        return fields;
    }

    /** Each column of the header to the field it fills; unknown and repeated columns are row 1's problems. */
    private static Map<String, RecordComponent> columns(List<String> header, Map<String, RecordComponent> fields,
            List<Map<String, Object>> problems) {
        Map<String, RecordComponent> columns = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (String name : header) {
            RecordComponent field = fields.get(name.toLowerCase(Locale.ROOT));
            if (field == null) {
                problems.add(violation(1, name, "is not a column of this sheet: the columns are "
                        + fields.values().stream().map(RecordComponent::getName).collect(Collectors.joining(", "))));
            } else if (seen.containsKey(field.getName())) {
                problems.add(violation(1, name, "names the same column as " + seen.get(field.getName())));
            } else {
                seen.put(field.getName(), name);
                columns.put(name, field);
            }
        }
        return columns;
    }

    private static <T extends Record> Optional<T> request(Map<String, String> cells, int row, Class<T> type,
            Map<String, RecordComponent> columns, Validator validator, List<Map<String, Object>> problems) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        Object[] values = new Object[components.length];
        boolean convertible = true;
        for (Map.Entry<String, RecordComponent> column : columns.entrySet()) {
            String cell = cells.get(column.getKey());
            if (cell == null) {
                continue;
            }
            StringBuilder problem = new StringBuilder();
            Optional<Object> value = CsvCells.convert(cell, column.getValue().getType(), problem);
            if (value.isEmpty()) {
                problems.add(violation(row, column.getValue().getName(), problem + " but was "
                        + QueryParameters.shown(cell)));
                convertible = false;
            } else {
                values[names.indexOf(column.getValue().getName())] = value.get();
            }
        }
        if (!convertible) {
            return Optional.empty();
        }
        T request = construct(type, components, values);
        List<ConstraintViolation<T>> violations = new ArrayList<>(validator.validate(request));
        violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
        violations.forEach(v -> problems.add(violation(row, column(v), v.getMessage())));
        return violations.isEmpty() ? Optional.of(request) : Optional.empty();
    }

    /** The column a violation is about; a constraint on the whole row (fields that must agree) names none. */
    private static String column(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.isEmpty() ? null : path;
    }

    private static <T extends Record> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
        try {
            Constructor<T> canonical = type.getDeclaredConstructor(Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a " + type.getSimpleName() + " from a CSV row", e);
        }
    }

    /** One entry of {@code violations}: the platform's field, in and message, plus the sheet's row and column. */
    static Map<String, Object> violation(int row, String column, String message) {
        Map<String, Object> violation = new LinkedHashMap<>();
        violation.put("field", column == null ? "row " + row : "row " + row + ", " + column);
        violation.put("in", "body");
        violation.put("message", message);
        violation.put("row", row);
        violation.put("column", column);
        return violation;
    }

    /** The refusal of a whole sheet: nothing of it was stored. */
    public static HttpProblem refused(List<Map<String, Object>> violations) {
        long rows = violations.stream().map(v -> v.get("row")).distinct().count();
        return Problems.of(Status.BAD_REQUEST, "The sheet has problems in " + rows + (rows == 1 ? " row" : " rows")
                        + "; nothing was stored")
                .with("violations", violations)
                .build();
    }

    /** A problem a service found in a row after reading it (a technique that does not exist), for {@link #refused}. */
    public static Map<String, Object> rowProblem(int row, String column, String message) {
        return violation(row, column, message);
    }
}
