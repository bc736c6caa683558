package dev.cascade.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.alerts.AlertsConfig;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.ingest.live.FeedStats;
import dev.cascade.model.Venue;
import dev.cascade.server.Server;
import dev.cascade.sim.SimConfig;
import dev.cascade.sim.Simulator;
import dev.cascade.venues.feed.Endpoints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cascade live}: reads the venues (or a simulator) and shows liquidation totals, the latest
 * liquidations and the feeds' health, refreshed in place; optionally records. {@code cascade record} is the
 * same run, recording, with a status line instead of the screen. Ctrl-C (or {@code --duration}) stops it
 * cleanly: sockets closed, queue drained, recordings finished, final totals printed.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Reads the venues live (every one of --venues by default, or a simulator) and shows liquidation totals "
                + "as they happen.")
class LiveCommand implements Callable<Integer> {
    @Mixin
    FeedOptions feed;

    @Mixin
    FigureOptions figureOptions;

    @Option(names = "--serve", description = "Also serve the API and the dashboard (see --port, --bind, --token).")
    boolean isServing;

    @Mixin
    ServeOptions serveOptions;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--sink", paramLabel = "kafka",
            description = "Also publish every normalized event to Kafka (see --kafka, --kafka-topic-prefix).")
    String sink;

    @Mixin
    KafkaOptions kafka;

    private dev.cascade.kafka.KafkaEventSink kafkaSink;

    @Option(names = "--alerts", paramLabel = "FILE", description = "Alert rules and sinks (JSON; see the README).")
    Path alertsFile;

    private FigureSettings figureSettings;

    @Option(names = "--record", paramLabel = "DIR", description = "Also write recordings (rotating .jsonl.gz) to DIR.")
    Path recordDir;

    @Option(names = "--rotate", defaultValue = "1h", paramLabel = "DURATION", converter = Durations.class,
            description = "Start a new recording file this often (default 1h).")
    Duration rotate;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Durations.class,
            description = "Stop after this long (e.g. 90s, 10m, 2h) and print the totals; default: until Ctrl-C.")
    Duration duration;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Final report when the run stops: text (default) or json.")
    ReplayCommand.Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether to draw the screen (live) or print a status line (record). */
    boolean hasScreen() {
        return true;
    }

    Path recordDirectory() {
        return recordDir;
    }

    @Override
    public Integer call() throws Exception {
        if (feed.isSimulator && feed.endpoints != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--simulator and --endpoints exclude each other");
        }
        Checks.positive(spec, "--duration", duration);
        Checks.atLeast(spec, "--rotate", rotate, Duration.ofMinutes(1));
        AlertsConfig alerts = null;
        if (alertsFile != null) {
            try {
                alerts = AlertsConfig.load(Checks.readableFile("--alerts", alertsFile));
            } catch (IllegalArgumentException | java.io.IOException e) {
                // the file's own message names the file and the key at fault
                String m = e.getMessage().lines().findFirst().orElse("");
                throw new Checks.PathException("--alerts", alertsFile, m.startsWith(alertsFile + ": ")
                        ? m.substring(alertsFile.toString().length() + 2) : m);
            }
        }
        java.util.Set<Venue> venues;
        try {
            venues = feed.venueSet();
        } catch (IllegalArgumentException e) {
            throw Checks.usage(spec, "--venues: " + e.getMessage());
        }
        if (recordDirectory() != null) {
            Checks.writableDirectory(this instanceof RecordCommand ? "--out" : "--record", recordDirectory());
        }
        SimConfig simConfig;
        try {
            simConfig = feed.simConfig();
        } catch (IllegalArgumentException e) {
            throw Checks.usage(spec, e.getMessage());
        }
        Simulator simulator = feed.isSimulator ? Simulator.start(simConfig) : null;
        Endpoints endpoints = simulator != null ? Endpoints.simulator(simulator.uri())
                : feed.endpoints != null ? Endpoints.simulator(feed.endpoints) : Endpoints.production();
        String source = simulator != null ? "simulator at " + simulator.uri() : feed.endpoints != null
                ? "simulator at " + feed.endpoints : VenueNames.of(feed.venueSet());
        figureSettings = figureOptions.settings(spec);
        Server.Settings serve = null;
        if (isServing) {
            figureSettings = figureSettings.withSnapshots(ServeCommand.SNAPSHOT_MINUTES);
            serve = serveOptions.settings(spec, r -> { }, () -> { }); // checked there: bind, token, origin
        }
        checkOutputs();
        kafkaSink = isKafkaSink() ? kafka.openSink(spec.commandLine().getErr()) : null;
        Storage storage = storeOptions.openForWriting(spec, simulator == null && feed.endpoints == null);
        LiveJob job = new LiveJob(LiveSettings.reading(endpoints).venues(venues).coins(feed.coinSet())
                .channels(feed.channels()).recording(recordDirectory(), rotate).tap(kafkaSink).figures(figureSettings)
                .overview(!feed.isWithoutOverview).serving(serve).storing(storage).alerting(alerts).build());
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            finish(job, simulator, out, true);
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.currentTimeMillis();
        long deadline = duration == null ? Long.MAX_VALUE : started + duration.toMillis();
        try {
            job.start(w -> spec.commandLine().getErr().println("cascade: " + w), deadline); // --duration counts from here
        } catch (java.io.IOException | RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            job.close();
            if (simulator != null) {
                simulator.close();
            }
            throw e;
        }
        try {
            boolean isTerminal = System.console() != null && hasScreen();
            long nextStatus = started + 10_000;
            while (System.currentTimeMillis() < deadline && !isKafkaFailing() && !stop.await(Math.min(1000, Math.max(1, deadline
                    - System.currentTimeMillis())), TimeUnit.MILLISECONDS)) {
                job.checkRunning(); // ends the run, through finish below, with the reason on one line
                if (isTerminal) {
                    out.print(LiveScreen.CLEAR + LiveScreen.render(job, source, started));
                    out.flush();
                } else if (System.currentTimeMillis() >= nextStatus) {
                    spec.commandLine().getErr().println(LiveScreen.statusLine(job));
                    nextStatus += 10_000;
                }
            }
        } finally {
            if (stop.getCount() > 0) { // stopped by --duration or an error, not by Ctrl-C
                Runtime.getRuntime().removeShutdownHook(hook);
                finish(job, simulator, out, false);
            }
        }
        return kafkaSink != null && kafkaSink.lost() > 0 ? 1 : 0;
    }

    /** A publishing run stops at its first lost event: the rest would be lost too, and the exit says so. */
    private boolean isKafkaFailing() {
        return kafkaSink != null && kafkaSink.failed() > 0;
    }

    boolean isKafkaSink() {
        try {
            return KafkaOptions.isKafka(sink, "--sink");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** What a subclass requires of its outputs; live needs none. */
    void checkOutputs() {
    }

    private void finish(LiveJob job, Simulator simulator, PrintWriter out, boolean isInterrupted) {
        try {
            job.close();
        } catch (Exception e) {
            spec.commandLine().getErr().println("cascade: " + e.getMessage());
        }
        if (kafkaSink != null) {
            kafkaSink.close(); // after the pipeline has drained: every event it passed is sent
            spec.commandLine().getErr().printf("Published %,d events to Kafka at %s (%,d acknowledged, %,d lost)%n",
                    kafkaSink.sent(), kafka.bootstrap, kafkaSink.acknowledged(), kafkaSink.lost());
            String lost = kafka.lostLine(kafkaSink);
            if (lost != null) {
                spec.commandLine().getErr().println(lost);
            }
        }
        if (simulator != null) {
            simulator.close();
        }
        RunResult result = job.result();
        if (format == ReplayCommand.Format.JSON) {
            ObjectNode json = RunJson.render(result, figureSettings);
            json.remove("input");
            json.set("feeds", feedsJson(job));
            job.recordings().forEach(p -> json.withArray("recordings").add(p.toString()));
            try {
                out.println(RunJson.MAPPER.writeValueAsString(json));
            } catch (Exception e) {
                spec.commandLine().getErr().println("cascade: " + e.getMessage());
            }
        } else {
            if (isInterrupted) {
                out.println();
            }
            out.print(RunText.renderSession(result, result.figures(figureSettings), 10));
            for (Path p : job.recordings()) {
                out.println("Recorded " + p);
            }
        }
        out.flush();
    }

    private static ObjectNode feedsJson(LiveJob job) {
        ObjectNode feeds = RunJson.MAPPER.createObjectNode();
        FeedStats stats = job.feedStats();
        for (Venue v : job.connections().keySet()) {
            FeedStats.VenueStats s = stats.of(v);
            ObjectNode o = feeds.putObject(v.id());
            o.put("connections", job.connections().get(v));
            o.put("connects", s.connects.get());
            o.put("losses", s.losses());
            o.put("stale", s.stales.get());
            o.put("rotations", s.rotations.get());
            o.put("frames", s.frames.get());
            o.put("errors", s.errors.get());
            o.put("gapsFound", s.gapsFound.get());
            o.put("gapsFilled", s.gapsFilled.get());
            o.put("gapsUnfillable", s.gapsUnfillable.get());
            o.put("tradesBackfilled", s.tradesBackfilled.get());
            List<Long> r = s.reconnectMillis();
            o.put("reconnectMedianMillis", r.isEmpty() ? null : LiveScreen.median(r));
            o.put("reconnectMaxMillis", r.isEmpty() ? null : r.stream().max(Long::compare).orElseThrow());
        }
        return feeds;
    }
}
