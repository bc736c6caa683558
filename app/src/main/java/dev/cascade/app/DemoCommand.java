package dev.cascade.app;

import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.ingest.InputFiles;
import dev.cascade.model.Micros;
import dev.cascade.report.Recap;
import dev.cascade.report.Renderers;
import dev.cascade.report.Reports;
import dev.cascade.server.Server;
import dev.cascade.sim.Scenario;
import dev.cascade.sim.ScenarioPlayer;
import dev.cascade.sim.ScenarioRecorder;
import dev.cascade.sim.SimConfig;
import dev.cascade.sim.Simulator;
import dev.cascade.venues.feed.Endpoints;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cascade demo}: the seed day end to end on this machine, with no network. The scenario is played through
 * the simulator over loopback sockets into the live pipeline, which stores it and serves the API and the
 * dashboard; at the end the market overview is read and the recap of the day is written (from the scenario's
 * recording, the same frames, so that the day is read against the month before it). Everything keeps serving
 * until Ctrl-C.
 *
 * <pre>
 *   seed-2025-06 -> ScenarioPlayer -> Simulator (ws, rest) -> LiveJob (feeds, pipeline, store, server) -> report
 * </pre>
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Plays the seed day through the simulator, the live pipeline, the store and the dashboard, then "
                + "writes its recap.")
final class DemoCommand implements Callable<Integer> {
    /** The live run's figures at the end of the day, as {@code replay --format json} writes them. */
    static final String FIGURES = "figures.json";

    @Option(names = "--scenario", defaultValue = "seed-2025-06", paramLabel = "NAME|FILE", description = "The scenario.")
    String scenario;

    @Option(names = "--speed", defaultValue = "2880", paramLabel = "X",
            description = "Scenario time per wall time (default 2880: the two days in a minute).")
    double speed;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Dashboard port (default 8080).")
    int port;

    @Option(names = "--out", defaultValue = "cascade-demo", paramLabel = "DIR",
            description = "Where the store and the report go (emptied first; default ./cascade-demo).")
    Path out;

    @Option(names = "--exit", description = "Stop once the report is written, instead of serving until Ctrl-C.")
    boolean isExiting;

    @CommandLine.Mixin
    QuietOption quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Checks.positive(spec, "--speed", speed);
        Checks.port(spec, "--port", port);
        Checks.writableDirectory("--out", out);
        Scenario s;
        try {
            s = Scenario.load(scenario);
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        clear(out);
        ScenarioPlayer player = new ScenarioPlayer(s, speed);
        Simulator sim = Simulator.startPlayback(new SimConfig("127.0.0.1", 0, 0, 0, Duration.ofMinutes(3), 5, 1 << 10),
                player.instruments());
        Storage storage = Storage.openForWriting(out.resolve("store"), false, 60);
        FigureSettings figures = FigureSettings.DEFAULT.withSnapshots(ServeCommand.SNAPSHOT_MINUTES);
        LiveJob job = new LiveJob(LiveSettings.reading(Endpoints.simulator(sim.uri())).figures(figures).overview(false)
                .serving(new Server.Settings("127.0.0.1", port, null, null, 0, r -> { }, () -> { })).storing(storage)
                .build());
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            close(job, sim);
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        job.start(w -> spec.commandLine().getErr().println("cascade: " + w));
        int expected = job.connections().values().stream().mapToInt(Integer::intValue).sum();
        long deadline = System.currentTimeMillis() + 30_000;
        while (job.liveConnections() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        String dashboard = "http://127.0.0.1:" + job.serverPort() + "/";
        o.printf("Cascade demo: playing %s at %.0fx through the simulator (%s)%nDashboard: %s%n", s.name(), speed,
                sim.uri(), dashboard);
        o.flush();
        long started = System.nanoTime();
        long frames;
        PrintWriter err = spec.commandLine().getErr();
        try (ProgressLine bar = ProgressLine.counting("Playing", " frames", 1, () -> sim.stats().framesSent.get(),
                quiet.isProgressShown(), err)) {
            frames = player.play(sim, job::fetchOverview); // the overview as each snapshot appears
        }
        while (job.snapshot() == null || job.snapshot().backlog() > 0) {
            job.checkRunning();
            Thread.sleep(100);
        }
        job.checkRunning();
        Thread.sleep(1_000); // the last frames through the pipeline
        if (!job.refreshNow(Duration.ofMinutes(10))) {
            spec.commandLine().getErr().println("cascade: the pipeline is still behind; the dashboard will catch up");
        }
        // the figures the dashboard shows now, which `cascade serve --store OUT/store` shows again
        RunJson.MAPPER.writeValue(out.resolve(FIGURES).toFile(), // streamed: no second copy of it as a string
                job.query(state -> RunJson.render(job.result(), figures), Duration.ofMinutes(10).toMillis()));
        if (isExiting) { // nobody is left to look at the dashboard: its state goes before the recap's is built
            Runtime.getRuntime().removeShutdownHook(hook);
            close(job, sim);
        }
        // the recap of the day: from the scenario's recording (the frames that were played), the day itself
        // against the month before it
        Path recording = out.resolve(s.name() + ".jsonl.gz");
        try (ProgressLine bar = ProgressLine.counting("Recording the day", " MB", 1 << 20,
                () -> ProgressLine.sizeOf(recording), quiet.isProgressShown(), err)) {
            ScenarioRecorder.record(s, recording);
        }
        long end = (s.startMillis() + s.hours() * 3_600_000L) * 1000;
        Period day = new Period(end - Micros.PER_DAY, end);
        ReplayJob replay = new ReplayJob(InputFiles.DEFAULT_MAX_LINE_BYTES, null, day).withHistory(); // one pass
        RunResult period;
        try (ProgressLine bar = ProgressLine.bytes("Reading it back", Files.size(recording), quiet.isProgressShown(),
                err)) {
            period = replay.run(List.of(recording), bar::stepTo);
        }
        Recap recap = Reports.of(period.state(), replay.history(), figures);
        Path report = Renderers.html(recap, out);
        o.printf("Played %,d frames in %.0f s.%n%s%nReport: %s%nFigures: %s%n%s", frames,
                (System.nanoTime() - started) / 1e9, recap.headline(), report.toAbsolutePath(),
                out.resolve(FIGURES).toAbsolutePath(),
                isExiting ? "" : "Dashboard: " + dashboard + "  (Ctrl-C to stop)" + System.lineSeparator());
        o.flush();
        while (!isExiting && !stop.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
            job.checkRunning();
        }
        return 0;
    }

    private static void close(LiveJob job, Simulator sim) {
        try {
            job.close();
        } catch (Exception e) {
            System.err.println("cascade: " + e.getMessage());
        }
        sim.close();
    }

    /** Empties the demo's directory of what an earlier demo left (only files a demo writes). */
    private static void clear(Path dir) throws java.io.IOException {
        Path store = dir.resolve("store");
        if (Files.isDirectory(store)) {
            try (Stream<Path> files = Files.walk(store)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.deleteIfExists(dir.resolve("report.html"));
        Files.deleteIfExists(dir.resolve(FIGURES));
        Files.createDirectories(dir);
    }
}
