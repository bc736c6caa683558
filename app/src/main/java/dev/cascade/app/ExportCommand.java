package dev.cascade.app;

import dev.cascade.model.Micros;
import dev.cascade.store.Store;
import dev.cascade.store.StoreExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cascade export --store DIR --what liquidations|bars|trades [--from T] [--to T]
 * [--format csv|jsonl|parquet] [--out FILE]}: the stored rows of a period as a file other tools read. The store is
 * opened read-only and not one of its bytes changes; a file is written whole or not at all (FILE.part, then
 * renamed). Parquet goes to a file only, and needs DuckDB's driver beside cascade.jar ({@link ParquetDriver}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the stored liquidations, trades or minute bars of a period as CSV, JSON Lines or "
                + "Parquet (the store is only read).")
final class ExportCommand implements Callable<Integer> {
    enum Format { CSV, JSONL, PARQUET }

    /** csv, jsonl or parquet, in any case, with a one-line refusal of anything else. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not csv, jsonl or parquet");
            }
        }
    }

    @Option(names = "--store", paramLabel = "DIR", description = "The store to read (read-only).")
    Path store;

    @Option(names = "--what", paramLabel = "liquidations|bars|trades", description = "Which rows: liquidations, "
            + "one-minute bars (OHLC, taker buy and sell USD, open interest, mark, funding) or trades (stored with "
            + "--store-trades).")
    StoreExport.What what;

    @Option(names = "--from", paramLabel = "TIME", description = "First exchange time included (ISO-8601, e.g. "
            + "2025-06-05T00:00:00Z); default: the first stored.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the period, excluded (ISO-8601); default: the "
            + "last stored.")
    String to;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|jsonl|parquet", converter = FormatConverter.class,
            description = "csv (the default; a header line, RFC 4180), jsonl (one JSON object a line) or parquet "
                    + "(typed columns, zstd; needs --out and lib/duckdb_jdbc-*.jar beside cascade.jar).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (default: standard output).")
    Path out;

    @CommandLine.Mixin
    QuietOption quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (store == null) {
            throw Checks.usage(spec, "--store DIR is required: the store to export from");
        }
        if (what == null) {
            throw Checks.usage(spec, "--what is required: liquidations, bars or trades");
        }
        long fromMicros = time("--from", from, 0);
        long toMicros = time("--to", to, Long.MAX_VALUE);
        if (fromMicros >= toMicros) {
            throw Checks.usage(spec, "--from " + from + " must be before --to " + to);
        }
        if (out != null) {
            checkOut();
        }
        if (format == Format.PARQUET) {
            if (out == null) {
                throw Checks.usage(spec, "--format parquet needs --out FILE: Parquet is not written to standard output");
            }
            if (!ParquetDriver.isPresent(ExportCommand.class.getClassLoader())) {
                throw new IllegalStateException(ParquetDriver.missing()); // one line, exit code 1
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        AtomicLong rows = new AtomicLong();
        long n;
        try (Store s = Store.openForReading(store);
             ProgressLine bar = ProgressLine.counting("Exporting " + name(), " rows", 1, rows::get,
                     quiet.isProgressShown(), err)) {
            n = out == null ? write(s, spec.commandLine().getOut(), fromMicros, toMicros, rows) : writeFile(s, fromMicros,
                    toMicros, rows);
        }
        if (n == 0) {
            err.println("cascade: no " + name() + " in " + store + period() + (what == StoreExport.What.TRADES
                    ? " (trades are kept only by a writer given --store-trades)" : ""));
            err.flush();
            return Main.NOTHING_USABLE;
        }
        if (out != null) {
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "Exported %,d %s%s to %s (%,d bytes)%n", n, name(), period(), out, Files.size(out));
            o.flush();
        }
        return Main.READ;
    }

    /** A file is written beside its final name and renamed when whole: an interrupted export leaves no half file. */
    private long writeFile(Store s, long fromMicros, long toMicros, AtomicLong rows) throws IOException {
        Path part = out.resolveSibling(out.getFileName() + ".part");
        try {
            long n;
            if (format == Format.PARQUET) {
                try (ExportWriter writer = new ParquetWriter(StoreExport.columns(what), part)) {
                    n = write(s, writer, fromMicros, toMicros, rows);
                }
            } else {
                try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                    n = write(s, w, fromMicros, toMicros, rows);
                }
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private long write(Store s, Writer w, long fromMicros, long toMicros, AtomicLong rows) throws IOException {
        Writer kept = new java.io.FilterWriter(w) {
            @Override
            public void close() throws IOException {
                flush(); // the caller closes its own stream (standard output stays open)
            }
        };
        try (ExportWriter writer = ExportWriter.of(format == Format.CSV ? ExportWriter.Format.CSV
                : ExportWriter.Format.JSONL, StoreExport.columns(what), kept)) {
            return write(s, writer, fromMicros, toMicros, rows);
        }
    }

    private long write(Store s, ExportWriter writer, long fromMicros, long toMicros, AtomicLong rows) throws IOException {
        return StoreExport.export(s, what, fromMicros, toMicros, values -> {
            writer.row(values);
            rows.incrementAndGet();
        });
    }

    /** --out names a file that can be written, and not one inside the store: the export changes nothing there. */
    private void checkOut() {
        Path file = out.toAbsolutePath().normalize();
        if (file.startsWith(store.toAbsolutePath().normalize())) {
            throw Checks.usage(spec, "--out " + out + " is inside the store " + store + ", which export only reads");
        }
        if (Files.isDirectory(file)) {
            throw new Checks.PathException("--out", out, "is a directory");
        }
        Path parent = file.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new Checks.PathException("--out", out, "no such directory " + parent);
        }
        if (!Files.isWritable(parent) || Files.exists(file) && !Files.isWritable(file)) {
            throw new Checks.PathException("--out", out, "permission denied");
        }
    }

    private String name() {
        return what.name().toLowerCase(Locale.ROOT);
    }

    private String period() {
        return (from == null ? "" : " from " + from) + (to == null ? "" : " to " + to);
    }

    private long time(String option, String value, long absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Micros.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw Checks.usage(spec, option + " must be ISO-8601, like 2025-06-05T00:00:00Z, not " + value);
        }
    }
}
