package dev.funnel.web.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a table as {@code text/csv} (RFC 4180): a header row, comma-separated, CRLF line ends, cells quoted
 * where they hold a comma, a quote or a line break; an absent value is an empty cell.
 */
public final class CsvTables {

    /** Quotes a cell only where RFC 4180 needs it, not wherever Jackson's quick guess would (long names). */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private CsvTables() {
    }

    /** Records as a table: one column per component, named as in JSON, in the record's order. */
    public static <T extends Record> String ofRecords(Class<T> type, List<T> records) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> columns = Arrays.stream(components).map(RecordComponent::getName).toList();
        List<List<?>> rows = new ArrayList<>();
        for (T record : records) {
            List<Object> cells = new ArrayList<>();
            for (RecordComponent component : components) {
                try {
                    component.getAccessor().setAccessible(true);
                    cells.add(component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + component.getName() + " of a " + type, e);
                }
            }
            rows.add(cells);
        }
        return write(columns, rows);
    }

    /**
     * @param columns the header row
     * @param rows the rows, each with one value per column (null for an empty cell)
     */
    public static String write(List<String> columns, List<List<?>> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(columns);
        for (List<?> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("A row of " + row.size() + " cells under " + columns.size()
                        + " columns");
            }
            lines.add(row.stream().map(value -> value == null ? "" : value.toString()).toList());
        }
        try {
            return CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a table as CSV", e);
        }
    }
}
