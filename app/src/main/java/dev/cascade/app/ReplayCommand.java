package dev.cascade.app;

import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.ingest.InputFiles;
import dev.cascade.ingest.ReadStats;
import dev.cascade.kafka.KafkaEventSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cascade replay [--format text|json] FILE...}, or {@code --source kafka}: liquidation totals and every figure
 * of recordings and archives, or of what Cascade published to Kafka.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays recordings (.jsonl, .jsonl.gz), Tardis CSV(.gz) and data.binance.vision CSV/zip files, "
                + "merged in time order, and prints liquidation totals. The kind of each file is told from its content.")
final class ReplayCommand implements Callable<Integer> {
    enum Format { TEXT, JSON }

    @CommandLine.Mixin
    QuietOption quiet;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output for a person (text, the default) or for programs (json).")
    Format format;

    @Option(names = "--bars", description = "Include the series charts draw in JSON output: per-minute liquidation "
            + "bars per venue, taker-flow bars and hourly heatmap snapshots.")
    boolean withBars;

    @CommandLine.Mixin
    FigureOptions figureOptions;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "Coins listed in text output (default 10).")
    int topCoins;

    @Option(names = "--max-line-bytes", defaultValue = "" + InputFiles.DEFAULT_MAX_LINE_BYTES, paramLabel = "BYTES",
            description = "Longest line read; longer ones are rejected (default 8 MiB).")
    int maxLineBytes;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Input files.")
    List<Path> files = List.of();

    @Option(names = "--source", paramLabel = "kafka",
            description = "Read Cascade's Kafka topics instead of files (see --kafka, --kafka-topic-prefix).")
    String source;

    @CommandLine.Mixin
    KafkaOptions kafka;

    @CommandLine.Mixin
    StoreOptions storeOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Checks.atLeast(spec, "--top", topCoins, 1);
        Checks.atLeast(spec, "--max-line-bytes", maxLineBytes, 1024);
        FigureSettings settings = figureOptions.settings(spec).withBars(withBars);
        boolean isKafka;
        try {
            isKafka = KafkaOptions.isKafka(source, "--source");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        storeOptions.checkReadOnly(spec);
        boolean hasStore = storeOptions.directory != null;
        if (isKafka ? !files.isEmpty() || hasStore : files.isEmpty() && !hasStore) {
            throw new CommandLine.ParameterException(spec.commandLine(), isKafka
                    ? "--source kafka reads the topics, not files or a store" : "give files, or --store DIR, or both");
        }
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += Files.size(Checks.readableFile(null, f));
        }
        RunResult result;
        if (isKafka) {
            try (KafkaEventSource input = KafkaEventSource.connect(kafka.bootstrap)) {
                result = new ReplayJob(maxLineBytes).run(input, kafka.topics());
            }
        } else {
            result = replayFiles(totalBytes);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!result.isUsable()) {
            return exitCode(result, spec.commandLine().getErr()); // a table of zeros would say nothing: one line does
        }
        if (format == Format.JSON) {
            out.println(RunJson.MAPPER.writeValueAsString(RunJson.render(result, settings)));
        } else {
            if (storedRows >= 0) {
                out.printf("Store %s: %,d rows read back (events, overview, minute bars)%n", storeOptions.directory,
                        storedRows);
            }
            out.print(RunText.render(result, result.figures(settings), topCoins));
        }
        out.flush();
        return exitCode(result, spec.commandLine().getErr());
    }

    /**
     * What became of the input, said on stderr (each damaged input, or in one line that nothing usable was read and
     * why) and as the exit code every reading command shares (see {@link Main}).
     */
    static int exitCode(RunResult result, PrintWriter err) {
        if (!result.isUsable()) {
            err.println("cascade: " + nothingUsable(result));
            err.flush();
            return Main.NOTHING_USABLE;
        }
        for (ReadStats.Damage d : result.read().damaged()) {
            err.println("cascade: " + d.input() + ": " + d.reason());
        }
        err.flush();
        return result.read().damaged().isEmpty() ? Main.READ : Main.DAMAGED;
    }

    /** Inputs named in the one line of {@link #nothingUsable}; the rest are counted. */
    private static final int NAMED_INPUTS = 3;

    /**
     * "nothing usable was read (passwd: unknown format)": what each input was taken for, the damage and the reasons
     * of the rejections, in one line.
     */
    static String nothingUsable(RunResult r) {
        List<String> why = new java.util.ArrayList<>();
        java.util.Set<String> damaged = new java.util.HashSet<>();
        for (ReadStats.Damage d : r.read().damaged()) {
            damaged.add(d.input());
            why.add(d.input() + ": " + d.reason());
        }
        for (dev.cascade.ingest.OpenedInput in : r.inputs()) {
            if (!damaged.contains(in.name())) {
                why.add(in.name() + ": " + in.description());
            }
        }
        if (why.size() > NAMED_INPUTS) {
            int more = why.size() - NAMED_INPUTS;
            why = new java.util.ArrayList<>(why.subList(0, NAMED_INPUTS));
            why.add("and " + more + " more");
        }
        StringBuilder rejected = new StringBuilder();
        r.events().rejectsByReason().forEach((reason, n) -> {
            if (!reason.equals("unknown-format") && !reason.equals("empty-file")) { // said by the input's description
                rejected.append(rejected.length() == 0 ? "rejected: " : ", ").append(reason).append(' ').append(n);
            }
        });
        if (rejected.length() > 0) {
            why.add(rejected.toString());
        }
        return "nothing usable was read" + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")");
    }

    /** The files, after what the store holds when {@code --store} is given (read only: nothing is added to it). */
    /** Rows read from the store with {@code --store}, else -1. */
    private long storedRows = -1;

    private RunResult replayFiles(long totalBytes) throws java.io.IOException {
        try (Storage storage = storeOptions.openForReading(spec);
             ProgressLine bar = ProgressLine.bytes("Replaying", totalBytes, quiet.isProgressShown(),
                     spec.commandLine().getErr())) {
            RunResult r = new ReplayJob(maxLineBytes, storage).run(files, bar::stepTo);
            storedRows = storage == null ? -1 : storage.loaded();
            return r;
        }
    }

}
