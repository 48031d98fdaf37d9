package dev.funnel.analytics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The database's own ceiling for what the projection writes: the rows the projection left in its tables, taken
 * out, then written back into the same tables by plain JDBC (batched inserts, {@code reWriteBatchedInserts}) and
 * by COPY, with no Kafka, no decoding, no upserts and no transaction manager. Each write starts from empty tables
 * (truncated, untimed), and each leaves exactly the rows it found, so the read model is the same afterwards.
 */
final class ProjectionCeiling {

    /** Every table the projection writes, in the order the rows are written back. */
    static final List<String> TABLES = List.of("technique_fact", "activity_fact", "prospect_fact", "objection_fact",
            "processed_event");
    /** Rows per executeBatch, and per commit: about the live consumer's batch (1,887 records on average). */
    static final int JDBC_BATCH = 500;
    static final int ROWS_PER_COMMIT = 2_000;

    private final String url;
    private final String user;
    private final String password;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    private record Table(String name, List<String> columns, List<String> types, List<String[]> rows, byte[] copy) {
    }

    /** Takes the projection's rows out of its tables (kept in memory, as text and as COPY data). */
    ProjectionCeiling(String url, String user, String password) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
        try (Connection connection = connect()) {
            for (String table : TABLES) {
                tables.put(table, read(connection, table));
            }
        }
    }

    long rows() {
        return tables.values().stream().mapToLong(table -> table.rows().size()).sum();
    }

    String rowsPerTable() {
        return tables.values().stream().map(table -> table.name() + " " + table.rows().size())
                .collect(Collectors.joining(", "));
    }

    /** Seconds to insert every row back with JDBC batches, a commit every {@link #ROWS_PER_COMMIT} rows. */
    double jdbcBatches() throws SQLException {
        try (Connection connection = connect()) {
            truncate(connection);
            long start = System.nanoTime();
            connection.setAutoCommit(false);
            for (Table table : tables.values()) {
                String placeholders = table.types().stream().map(type -> "?::" + type)
                        .collect(Collectors.joining(", "));
                String sql = "insert into " + table.name() + " (" + String.join(", ", table.columns())
                        + ") values (" + placeholders + ")";
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    int inBatch = 0;
                    int inTransaction = 0;
                    for (String[] row : table.rows()) {
                        for (int i = 0; i < row.length; i++) {
                            insert.setString(i + 1, row[i]);
                        }
                        insert.addBatch();
                        if (++inBatch == JDBC_BATCH) {
                            insert.executeBatch();
                            inBatch = 0;
                        }
                        if (++inTransaction == ROWS_PER_COMMIT) {
                            if (inBatch > 0) {
                                insert.executeBatch();
                                inBatch = 0;
                            }
                            connection.commit();
                            inTransaction = 0;
                        }
                    }
                    if (inBatch > 0) {
                        insert.executeBatch();
                    }
                    connection.commit();
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Seconds to COPY every table back, one stream and one commit per table. */
    double copy() throws Exception {
        try (Connection connection = connect()) {
            truncate(connection);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            connection.setAutoCommit(false);
            for (Table table : tables.values()) {
                copy.copyIn("copy " + table.name() + " (" + String.join(", ", table.columns()) + ") from stdin",
                        new ByteArrayInputStream(table.copy()));
                connection.commit();
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                user, password);
    }

    private static void truncate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("truncate table " + String.join(", ", TABLES));
        }
    }

    private static Table read(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select column_name, udt_name"
                + " from information_schema.columns where table_name = ? and is_generated = 'NEVER'"
                + " order by ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    columns.add(result.getString(1));
                    types.add(result.getString(2));
                }
            }
        }
        String columnList = String.join(", ", columns);
        List<String[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select " + columnList + " from " + table)) {
            while (result.next()) {
                String[] row = new String[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = result.getString(i + 1);
                }
                rows.add(row);
            }
        }
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("copy " + table + " (" + columnList + ") to stdout", copied);
        } catch (IOException e) {
            throw new SQLException(e);
        }
        return new Table(table, columns, types, rows, copied.toByteArray());
    }
}
