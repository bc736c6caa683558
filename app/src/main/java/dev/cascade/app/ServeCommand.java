package dev.cascade.app;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.kafka.ClusterTables;
import dev.cascade.server.MarketView;
import dev.cascade.server.Published;
import dev.cascade.server.Server;
import dev.cascade.server.Stream;
import io.micrometer.core.instrument.FunctionCounter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cascade serve [--store DIR] [FILE...]}: reads back what the store holds and replays the files (keeping
 * their events in the store), then serves every figure over the API and the dashboard until Ctrl-C. With
 * {@code --source kafka} or {@code questdb}, the figures come from the cluster instead and follow it
 * ({@link ClusterServeJob}, {@link QuestDbServeJob}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Replays files, then serves the API and the dashboard (http://127.0.0.1:8080/).")
final class ServeCommand implements Callable<Integer> {
    /**
     * The dashboard's heatmap draws a snapshot every this many minutes: the figure settings' own, so that
     * {@code replay --format json --bars} gives the API's bytes.
     */
    static final int SNAPSHOT_MINUTES = FigureSettings.DEFAULT.snapshotMinutes();

    @CommandLine.Mixin
    ServeOptions serve;

    @CommandLine.Mixin
    FigureOptions figureOptions;

    @CommandLine.Mixin
    StoreOptions storeOptions;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Input files (recordings, archives); with "
            + "--store, what is stored is read first and the files' events are added to it.")
    List<Path> files = List.of();

    @CommandLine.Mixin
    QuietOption quiet;

    @Option(names = "--source", paramLabel = "kafka|questdb", description = "Serve the cluster's output, "
            + "continuously: from Kafka, the Flink job's minute results and late events and the liquidation, market "
            + "and overview topics (see --kafka, --topic-prefix); from QuestDB, the tables the job writes with "
            + "--questdb (see --questdb).")
    String source;

    @Option(names = "--questdb", paramLabel = "HOST:PORT", description = "The QuestDB server's HTTP address, with "
            + "--source questdb (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1:9000")
    String questdb;

    @Option(names = "--results-topic", paramLabel = "TOPIC",
            description = "The job's results topic, with --source kafka (default: PREFIXminutes).")
    String resultsTopic;

    @Option(names = "--late-topic", paramLabel = "TOPIC",
            description = "The job's late events, with --source kafka (default: PREFIXlate).")
    String lateTopic;

    @CommandLine.Mixin
    KafkaOptions kafka;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FigureSettings settings = figureOptions.settings(spec).withSnapshots(SNAPSHOT_MINUTES);
        AtomicLong rejected = new AtomicLong(); // live's series of the same name, from the loaded state
        ServedView view = new ServedView();
        Server.Settings server = serve.settings(spec, registry -> FunctionCounter.builder("cascade_rejected", rejected,
                AtomicLong::get).description("Inputs rejected with a reason, of every venue and source")
                .register(registry), view::refresh);
        if (source != null && !source.equalsIgnoreCase("kafka") && !source.equalsIgnoreCase("questdb")) {
            throw Checks.usage(spec, "--source takes 'kafka' or 'questdb', not '" + source + "'");
        }
        if (source != null && (!files.isEmpty() || storeOptions.directory != null)) {
            throw Checks.usage(spec, "--source " + source + " serves the cluster's output, not files or a store");
        }
        boolean isKafka = "kafka".equalsIgnoreCase(source);
        if (!isKafka && (resultsTopic != null || lateTopic != null)) {
            throw Checks.usage(spec, "--results-topic and --late-topic go with --source kafka");
        }
        if (isKafka) {
            return serveCluster(settings, server, rejected, view);
        }
        if (source != null) {
            return serveQuestDb(settings, server, rejected, view);
        }
        files.forEach(f -> Checks.readableFile(null, f));
        if (storeOptions.directory == null && files.isEmpty()) {
            throw Checks.usage(spec, "give files to replay, or --store DIR, or both");
        }
        // the port first: one in use is said at once, not after the data has loaded
        Server s = Server.start(view, new Stream(), server);
        RunResult r;
        Storage storage;
        try {
            // serving files into a store writes it; serving a store alone only reads it
            storage = files.isEmpty() ? storeOptions.openForReading(spec) : storeOptions.openForWriting(spec, false);
            try (Storage st = storage;
                 ProgressLine bar = ProgressLine.bytes("Loading", ReportCommand.totalBytes(files),
                         quiet.isProgressShown(), spec.commandLine().getErr())) {
                r = new ReplayJob(dev.cascade.ingest.InputFiles.DEFAULT_MAX_LINE_BYTES, storage).run(files, bar::stepTo);
            }
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
        int read = ReplayCommand.exitCode(r, spec.commandLine().getErr());
        if (read == Main.NOTHING_USABLE) {
            s.close();
            return read; // nothing to serve
        }
        rejected.set(r.events().rejected());
        view.loaded(MarketView.fixed(r.state(), Published.of(Figures.of(r.state(), settings), r.events().events(),
                settings)));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Serving %,d events (%s%d file%s) at http://%s:%d/ (API under /api/v1/, Ctrl-C to stop)%n",
                r.events().events(), storage == null ? "" : String.format("%,d from the store, ", storage.loaded()),
                files.size(), files.size() == 1 ? "" : "s", server.host(), s.port());
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.close();
            stop.countDown();
        }, "shutdown"));
        stop.await();
        return read;
    }

    /** {@code --source kafka}: serves what {@link ClusterServeJob} reads out, until Ctrl-C or its consumer fails. */
    private int serveCluster(FigureSettings settings, Server.Settings server, AtomicLong rejected, ServedView view)
            throws Exception {
        String results = resultsTopic != null ? resultsTopic : kafka.prefix + "minutes";
        String late = lateTopic != null ? lateTopic : kafka.prefix + "late";
        List<String> collectors = List.of(kafka.topics().liquidations(), kafka.topics().trades(), kafka.topics().market(),
                kafka.topics().overview());
        if (results.equals(late) || collectors.contains(results) || collectors.contains(late)) {
            throw Checks.usage(spec, "--results-topic and --late-topic must differ from each other and the event topics");
        }
        String banner = String.format("Kafka at %s (%s, %s, %s, %s, %s)", kafka.bootstrap, results, late,
                kafka.topics().liquidations(), kafka.topics().market(), kafka.topics().overview());
        return follow(server, view, banner, "Kafka at " + kafka.bootstrap, (s, stop) -> ClusterServeJob.start(
                new ClusterServeJob.Settings(kafka.bootstrap, kafka.topics(), results, late, settings,
                        ClusterServeJob.HORIZON, ClusterServeJob.DISCOVER_EVERY), s::published, rejected, stop));
    }

    /** {@code --source questdb}: serves what {@link QuestDbServeJob} reads out, until Ctrl-C or its reader fails. */
    private int serveQuestDb(FigureSettings settings, Server.Settings server, AtomicLong rejected, ServedView view)
            throws Exception {
        if (!questdb.matches("[^:/\\s]+:\\d{1,5}")) {
            throw Checks.usage(spec, "--questdb is HOST:PORT, not '" + questdb + "'");
        }
        String banner = String.format("QuestDB at %s (%s, %s, %s)", questdb, ClusterTables.MINUTES,
                ClusterTables.EVENTS, ClusterTables.OVERVIEW);
        return follow(server, view, banner, "QuestDB at " + questdb, (s, stop) -> QuestDbServeJob.start(
                new QuestDbServeJob.Settings(questdb, settings, QuestDbServeJob.POLL_EVERY, QuestDbServeJob.MARGIN),
                s::published, rejected, stop));
    }

    /** Starts a cluster reader once the server is up, given the server and what to call when the reader ends. */
    private interface ReaderStart {
        ClusterReader start(Server server, Runnable onEnd);
    }

    /**
     * Binds the port, starts the reader (one that does not find its source is a one-line error, exit 2), and
     * serves what it reads out until Ctrl-C or until it fails (exit 2, the reason on stderr).
     */
    private int follow(Server.Settings server, ServedView view, String banner, String source, ReaderStart reader)
            throws Exception {
        Server s = Server.start(view, new Stream(), server);
        CountDownLatch stop = new CountDownLatch(1);
        ClusterReader job;
        try {
            job = reader.start(s, stop::countDown);
        } catch (IllegalStateException e) {
            s.close();
            spec.commandLine().getErr().println("cascade: " + e.getMessage());
            return Main.NOTHING_USABLE;
        }
        view.following(job.view(), job::refresh);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Serving %s at http://%s:%d/ (API under /api/v1/, Ctrl-C to stop)%n", banner, server.host(), s.port());
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                job.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s.close();
        }, "shutdown"));
        stop.await();
        if (job.failure() != null) {
            s.close();
            spec.commandLine().getErr().println("cascade: reading " + source + " failed: " + job.failure());
            return Main.NOTHING_USABLE;
        }
        return Main.READ;
    }

    /**
     * What {@code serve} serves: nothing yet while the data loads (the server is up before it, so that a port in
     * use is said at once), then the loaded state, which no longer changes.
     */
    private static final class ServedView implements MarketView {
        private final MarketState empty = new MarketState(MarketState.Retention.LIVE);
        private volatile MarketView loaded;

        private volatile java.util.function.LongPredicate refresh;

        void loaded(MarketView view) {
            loaded = view;
        }

        /** Follows a cluster's reader: its view, and its {@code refresh(waitMillis)}. */
        void following(MarketView view, java.util.function.LongPredicate refresh) {
            this.refresh = refresh;
            loaded = view;
        }

        /** The API's refresh: a fresh read-out from the cluster's reader (a fixed state has nothing new). */
        void refresh() {
            java.util.function.LongPredicate r = refresh;
            if (r != null) {
                r.test(LiveJob.QUERY_TIMEOUT_MILLIS);
            }
        }

        @Override
        public Published published() {
            MarketView v = loaded;
            return v == null ? Published.EMPTY : v.published();
        }

        @Override
        public <T> T query(java.util.function.Function<MarketState, T> query)
                throws InterruptedException, java.util.concurrent.TimeoutException {
            MarketView v = loaded;
            if (v == null) {
                synchronized (empty) {
                    return query.apply(empty);
                }
            }
            return v.query(query);
        }
    }
}
