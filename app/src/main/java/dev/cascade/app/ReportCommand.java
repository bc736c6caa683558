package dev.cascade.app;

import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.ingest.InputFiles;
import dev.cascade.model.Micros;
import dev.cascade.report.Recap;
import dev.cascade.report.Renderers;
import dev.cascade.report.Reports;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cascade report}: the written recap of a period, from files, a store or both, as Markdown with PNG
 * charts or as one HTML file.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the recap of a period as a market article: figures, narrative and charts.")
final class ReportCommand implements Callable<Integer> {
    enum Format { MD, HTML }

    @Option(names = "--from", paramLabel = "TIME", description = "Start of the period (ISO-8601, e.g. 2025-06-05T00:00:00Z).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the period (ISO-8601).")
    String to;

    @Option(names = "--format", defaultValue = "html", paramLabel = "md|html", description = "html (default) or md.")
    Format format;

    @Option(names = "--out", defaultValue = "report", paramLabel = "DIR", description = "Where to write (default ./report).")
    Path out;

    @CommandLine.Mixin
    FigureOptions figureOptions;

    @CommandLine.Mixin
    QuietOption quiet;

    @CommandLine.Mixin
    StoreOptions storeOptions;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Input files; with --store, read after what it holds (and not stored).")
    List<Path> files = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Period period = new Period(time("--from", from, Long.MIN_VALUE), time("--to", to, Long.MAX_VALUE));
        if (period.fromMicros() > period.toMicros()) {
            throw Checks.usage(spec, "--from " + from + " is after --to " + to);
        }
        FigureSettings settings = figureOptions.settings(spec);
        Checks.writableDirectory("--out", out);
        files.forEach(f -> Checks.readableFile(null, f));
        Storage storage = storeOptions.openForReading(spec); // a report reads: the files are not added to the store
        if (storage == null && files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give files, or --store DIR, or both");
        }
        RunResult r;
        ReplayJob job = new ReplayJob(InputFiles.DEFAULT_MAX_LINE_BYTES, storage, period);
        if (period.fromMicros() != Long.MIN_VALUE && !files.isEmpty()) {
            job.withHistory(); // what came before the period, read in the same pass: it ranks the taker extremes
        }
        try (Storage s = storage;
             ProgressLine bar = ProgressLine.bytes("Reading", totalBytes(files), quiet.isProgressShown(),
                     spec.commandLine().getErr())) {
            r = job.run(files, bar::stepTo);
        }
        if (!r.isUsable()) {
            return ReplayCommand.exitCode(r, spec.commandLine().getErr()); // nothing to write a recap of
        }
        Recap recap = Reports.of(r.state(), job.history(), settings);
        Path file = format == Format.MD ? Renderers.markdown(recap, out) : Renderers.html(recap, out);
        spec.commandLine().getOut().println(recap.headline());
        spec.commandLine().getOut().println("Report: " + file.toAbsolutePath());
        spec.commandLine().getOut().flush();
        return ReplayCommand.exitCode(r, spec.commandLine().getErr());
    }

    static long totalBytes(List<Path> files) throws java.io.IOException {
        long total = 0;
        for (Path f : files) {
            total += java.nio.file.Files.size(f);
        }
        return total;
    }

    private Long time(String name, String value, long absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Micros.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), name + " must be ISO-8601, like 2025-06-05T00:00:00Z");
        }
    }
}
