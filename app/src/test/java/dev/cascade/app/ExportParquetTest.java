package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.store.StoreExport;
import dev.cascade.store.StoreExport.Column;
import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code cascade export --format parquet}: each kind read back with DuckDB's {@code read_parquet} holds the rows and
 * values of the CSV export of the same store, in typed columns; without DuckDB's driver, one line and exit code 1.
 */
class ExportParquetTest {
    @TempDir
    Path dir;

    private Path store;
    private Map<String, String> before;

    @BeforeEach
    void writeStore() throws Exception {
        store = ExportCommandTest.writeStore(dir.resolve("store"));
        before = ExportCommandTest.contents(store);
    }

    @ParameterizedTest
    @EnumSource(StoreExport.What.class)
    void shouldHoldTheRowsAndValuesOfTheCsvExport(StoreExport.What what) throws Exception {
        String kind = what.name().toLowerCase(Locale.ROOT);
        Path out = dir.resolve(kind + ".parquet");

        Cli parquet = Cli.run("export", "--store", store.toString(), "--what", kind, "--format", "parquet",
                "--out", out.toString());
        Cli csv = Cli.run("export", "--store", store.toString(), "--what", kind);

        assertThat(parquet.exitCode()).as(parquet.err()).isZero();
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        long rows = csv.out().lines().count() - 1;
        assertThat(parquet.out()).isEqualTo(String.format(Locale.ROOT, "Exported %d %s to %s (%,d bytes)%n", rows, kind,
                out, Files.size(out)));
        assertThat(asCsv(out, StoreExport.columns(what))).as("the Parquet file, written out as CSV")
                .isEqualTo(csv.out());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no .part, no spill left")
                    .containsExactlyInAnyOrder("store", kind + ".parquet");
        }
        assertThat(ExportCommandTest.contents(store)).as("the store not changed by one byte").isEqualTo(before);
    }

    @Test
    void shouldTypeEveryColumn() throws Exception {
        Path liquidations = export("liquidations");
        assertThat(schema(liquidations)).containsExactlyEntriesOf(ordered(
                "time", "TIMESTAMP WITH TIME ZONE", "venue", "VARCHAR", "symbol", "VARCHAR", "coin", "VARCHAR",
                "side", "VARCHAR", "quantity", "DOUBLE", "price", "DOUBLE", "usd", "DOUBLE",
                "received", "TIMESTAMP WITH TIME ZONE"));
        assertThat(query(liquidations, "SELECT venue, usd, epoch_us(time) FROM read_parquet(?) WHERE side = 'short' "
                + "ORDER BY time")).containsExactly(List.of("okx-swap", 30_000.0, 1_749_132_060_000_000L),
                List.of("binance-usdm", 12_375.0625, 1_749_135_600_000_000L));

        Path trades = export("trades");
        assertThat(schema(trades)).containsEntry("id", "BIGINT").containsEntry("taker_side", "VARCHAR");
        assertThat(query(trades, "SELECT id, quantity FROM read_parquet(?)")).containsExactly(List.of(7L, 0.5),
                List.of(8L, 1.5));

        Path bars = export("bars");
        assertThat(schema(bars)).containsEntry("time", "TIMESTAMP WITH TIME ZONE").containsEntry("high", "DOUBLE")
                .containsEntry("trades", "BIGINT").containsEntry("part", "VARCHAR").hasSize(18);
        assertThat(query(bars, "SELECT high, open_interest IS NULL, trades, part FROM read_parquet(?)"))
                .as("a value never seen is NULL").containsExactly(List.of(100_010.0, true, 2L, "minute"));
    }

    @Test
    void shouldWriteTheColumnsAloneAndExitTwoWhenThePeriodHoldsNothing() throws Exception {
        Path out = dir.resolve("none.parquet");

        Cli cli = Cli.run("export", "--store", store.toString(), "--what", "trades", "--format", "parquet", "--from",
                "2026-01-01T00:00:00Z", "--out", out.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("cascade: no trades in " + store + " from 2026-01-01T00:00:00Z")
                .hasLineCount(1);
        assertThat(query(out, "SELECT count(*) FROM read_parquet(?)")).containsExactly(List.of(0L));
        assertThat(schema(out)).containsEntry("id", "BIGINT").hasSize(10);
    }

    @Test
    void shouldRefuseToWriteParquetToStandardOutput() {
        Cli cli = Cli.run("export", "--store", store.toString(), "--what", "bars", "--format", "parquet");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("cascade: --format parquet needs --out FILE: Parquet is not written to standard "
                + "output\nsee `cascade export --help`\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void shouldSayInOneLineWhereTheDriverGoesWhenItIsMissing() throws Exception {
        String driver = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> Paths.get(p).getFileName().toString().startsWith("duckdb_jdbc-")).findFirst().orElseThrow();
        assertThat(ParquetDriver.JAR).as("the jar the manifest names is the one the build resolves")
                .isEqualTo("lib/" + Paths.get(driver).getFileName());
        // a child JVM on the test class path less the driver: what java -jar cascade.jar does without lib/
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.equals(driver)).collect(Collectors.joining(File.pathSeparator));
        Path out = dir.resolve("bars.parquet");
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString()));
        if (Runtime.version().feature() >= 24) {
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        command.addAll(List.of("-Dlogback.configurationFile=logback.xml", "-cp", classPath, Main.class.getName(),
                "export", "--store", store.toString(), "--what", "bars", "--format", "parquet", "--out", out.toString()));
        Path err = dir.resolve("err.txt");
        Process child = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(err.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(Files.readString(err)).isEqualTo(1);
        assertThat(Files.readString(err)).isEqualTo("cascade: Parquet needs " + ParquetDriver.JAR + " beside "
                + "cascade.jar (mvn package -pl app -am puts it in app/target/lib/); csv and jsonl need nothing more\n");
        assertThat(out).doesNotExist();
        assertThat(ExportCommandTest.contents(store)).isEqualTo(before);
    }

    private Path export(String kind) {
        Path out = dir.resolve(kind + ".parquet");
        Cli cli = Cli.run("export", "--store", store.toString(), "--what", kind, "--format", "parquet", "--out",
                out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return out;
    }

    /** The file's rows through the CSV writer: times as epoch microseconds, a NULL number as NaN, as the store gives. */
    private static String asCsv(Path parquet, List<Column> columns) throws Exception {
        String select = columns.stream().map(c -> c.type() == StoreExport.Type.TIME ? "epoch_us(\"" + c.name() + "\")"
                : '"' + c.name() + '"').collect(Collectors.joining(", "));
        StringWriter text = new StringWriter();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             var s = db.prepareStatement("SELECT " + select + " FROM read_parquet(?)");
             ExportWriter csv = ExportWriter.of(ExportWriter.Format.CSV, columns, text)) {
            s.setString(1, parquet.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Object[] values = new Object[columns.size()];
                    for (int k = 0; k < values.length; k++) {
                        values[k] = switch (columns.get(k).type()) {
                            case TIME, LONG -> r.getLong(k + 1);
                            case TEXT -> r.getString(k + 1);
                            case DOUBLE -> {
                                double d = r.getDouble(k + 1);
                                yield r.wasNull() ? Double.NaN : d;
                            }
                        };
                    }
                    csv.row(values);
                }
            }
        }
        return text.toString();
    }

    /** Column name to DuckDB's type of it, in the file's order. */
    private static Map<String, String> schema(Path parquet) throws Exception {
        Map<String, String> types = new LinkedHashMap<>();
        for (List<Object> row : query(parquet, "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                + "read_parquet(?))")) {
            types.put((String) row.get(0), (String) row.get(1));
        }
        return types;
    }

    private static List<List<Object>> query(Path parquet, String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); var s = db.prepareStatement(sql)) {
            s.setString(1, parquet.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int k = 1; k <= r.getMetaData().getColumnCount(); k++) {
                        row.add(r.getObject(k));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static Map<String, String> ordered(String... nameAndType) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = 0; k < nameAndType.length; k += 2) {
            m.put(nameAndType[k], nameAndType[k + 1]);
        }
        return m;
    }
}
