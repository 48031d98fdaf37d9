package dev.funnel.web.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
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
