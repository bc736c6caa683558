package dev.cascade.app;

import dev.cascade.store.StoreExport.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Rows of {@code cascade export} as a Parquet file, written by DuckDB: the rows go through its appender into a table
 * of an in-memory database (spilled to {@code FILE.tmp} beside the file when they outgrow the memory limit), and
 * {@code COPY} writes the table, in the order the rows came, when the writer closes. Columns are typed: a time is
 * {@code TIMESTAMP WITH TIME ZONE} (Parquet's timestamp in microseconds, adjusted to UTC), a number {@code DOUBLE}
 * (a missing one NULL) or {@code BIGINT}, text {@code VARCHAR}.
 *
 * <p>Only this class names DuckDB: {@link ParquetDriver} checks that the driver is there before it is loaded.
 */
final class ParquetWriter implements ExportWriter {
    /** What DuckDB may hold in memory before it spills: an export beside a running monitor leaves it room. */
    private static final String MEMORY_LIMIT = "512MB";

    private final List<Column> columns;
    private final Path file;
    private final DuckDBConnection db;
    private final DuckDBAppender appender;

    /** Writes {@code file} on {@link #close()}. */
    ParquetWriter(List<Column> columns, Path file) throws IOException {
        this.columns = columns;
        this.file = file;
        try {
            db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IOException("DuckDB: " + e.getMessage(), e);
        }
        try (Statement s = db.createStatement()) {
            s.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
            s.execute("SET temp_directory = " + literal(file.resolveSibling(file.getFileName() + ".tmp")));
            s.execute("CREATE TABLE export (" + columns.stream().map(c -> '"' + c.name() + "\" " + sqlType(c))
                    .collect(Collectors.joining(", ")) + ")");
            appender = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "export");
        } catch (SQLException e) {
            try {
                db.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IOException("DuckDB: " + e.getMessage(), e);
        }
    }

    private static String sqlType(Column c) {
        return switch (c.type()) {
            case TIME -> "TIMESTAMP WITH TIME ZONE";
            case TEXT -> "VARCHAR";
            case DOUBLE -> "DOUBLE";
            case LONG -> "BIGINT";
        };
    }

    @Override
    public void row(Object[] values) throws IOException {
        try {
            appender.beginRow();
            for (int k = 0; k < values.length; k++) {
                Object v = values[k];
                switch (columns.get(k).type()) {
                    case TIME -> appender.appendEpochMicros((Long) v);
                    case TEXT -> appender.append((String) v);
                    case LONG -> appender.append((long) (Long) v);
                    case DOUBLE -> {
                        double d = (Double) v;
                        if (Double.isNaN(d) || Double.isInfinite(d)) {
                            appender.appendNull(); // never seen, as the empty CSV field and the JSON null
                        } else {
                            appender.append(d);
                        }
                    }
                }
            }
            appender.endRow();
        } catch (SQLException e) {
            throw new IOException("DuckDB: " + e.getMessage(), e);
        }
    }

    /** Writes the file (zstd, DuckDB's row groups of 122,880 rows) and lets the database go. */
    @Override
    public void close() throws IOException {
        try (db; Statement s = db.createStatement()) {
            appender.close();
            s.execute("COPY export TO " + literal(file) + " (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException e) {
            throw new IOException("DuckDB: " + e.getMessage(), e);
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
