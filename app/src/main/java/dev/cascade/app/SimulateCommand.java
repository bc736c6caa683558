package dev.cascade.app;

import dev.cascade.sim.Faults;
import dev.cascade.sim.SimConfig;
import dev.cascade.sim.Simulator;
import dev.cascade.sim.Scenario;
import dev.cascade.sim.ScenarioRecorder;
import dev.cascade.venues.VenueRegistry;
import java.io.PrintWriter;
import dev.cascade.sim.ScenarioPlayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cascade simulate}: serves every registry venue's WebSocket and REST endpoints on loopback, fed by a
 * scripted market, with faults injected on a schedule. Point {@code cascade live --endpoints URL} at it.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Serves the venues' WebSocket and REST protocols on 127.0.0.1 from a scripted market, with optional faults.")
final class SimulateCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "A scenario (built in: seed-2025-06) run through the market model; with --record.")
    String scenario;

    @Option(names = "--record", paramLabel = "FILE", description = "Write the scenario as a Cascade recording "
            + "(.jsonl or .jsonl.gz), as fast as the machine allows, without sockets.")
    Path record;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "X",
            description = "Market or scenario time per wall time (default 1, real time), as far as the market loop "
                    + "and its clients keep up.")
    double speed;

    @Option(names = "--instruments", defaultValue = "0", paramLabel = "N", description = "List N instruments over "
            + "every venue (about 1,200 is every perpetual of every venue), the made-up ones trading less; default "
            + "the scripted 40. Not with --scenario.")
    int instruments;

    @Option(names = "--start-after", defaultValue = "10s", converter = Durations.class, paramLabel = "DURATION",
            description = "Serving a scenario: how long to wait for clients before playing (default 10s).")
    Duration startAfter;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--port", defaultValue = "9310", description = "Port (default 9310; 0 picks a free one).")
    int port;

    @Option(names = "--trades-per-second", defaultValue = "20", description = "Trades per instrument per second (default 20).")
    double tradesPerSecond;

    @Option(names = "--liquidations-per-second", defaultValue = "1",
            description = "Liquidations per instrument per second, before the venues' one-per-second rules (default 1).")
    double liquidationsPerSecond;

    @Option(names = "--ping-every", defaultValue = "180s", converter = Durations.class,
            description = "Binance server pings (default 180s, as Binance).")
    Duration pingEvery;

    @Option(names = "--close-every", converter = Durations.class, description = "Close every socket this often.")
    Duration closeEvery;

    @Option(names = "--stall-every", converter = Durations.class, description = "Stall every socket this often...")
    Duration stallEvery;

    @Option(names = "--stall-for", defaultValue = "60s", converter = Durations.class, description = "...for this long (default 60s).")
    Duration stallFor;

    @Option(names = "--garbage-every", converter = Durations.class, description = "Send a frame that is not JSON this often.")
    Duration garbageEvery;

    @Option(names = "--drop-every", defaultValue = "0", paramLabel = "N", description = "Drop every N-th Binance aggTrade frame.")
    int dropEvery;

    @Option(names = "--delay", defaultValue = "0ms", converter = Durations.class, description = "Delay every frame.")
    Duration delay;

    @Option(names = "--refuse", defaultValue = "0", paramLabel = "N", description = "Refuse the first N connections (HTTP 503).")
    int refuse;

    @Option(names = "--rest-429", defaultValue = "0", paramLabel = "N", description = "Answer the first N REST calls with 429.")
    int rest429;

    @Option(names = "--rest-418", defaultValue = "0", paramLabel = "N", description = "Answer the first N REST calls with 418.")
    int rest418;

    @Option(names = "--retry-after", defaultValue = "2s", converter = Durations.class,
            description = "Retry-After of the refused REST calls (default 2s).")
    Duration retryAfter;

    @CommandLine.Mixin
    QuietOption quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Checks.port(spec, "--port", port);
        Checks.positive(spec, "--speed", speed);
        Checks.atLeast(spec, "--start-after", startAfter, java.time.Duration.ZERO);
        Checks.atLeast(spec, "--trades-per-second", tradesPerSecond, 0);
        Checks.atLeast(spec, "--liquidations-per-second", liquidationsPerSecond, 0);
        Checks.positive(spec, "--ping-every", pingEvery);
        Checks.positive(spec, "--close-every", closeEvery);
        Checks.positive(spec, "--stall-every", stallEvery);
        Checks.positive(spec, "--stall-for", stallFor);
        Checks.positive(spec, "--garbage-every", garbageEvery);
        Checks.atLeast(spec, "--drop-every", dropEvery, 0);
        Checks.atLeast(spec, "--delay", delay, java.time.Duration.ZERO);
        Checks.atLeast(spec, "--refuse", refuse, 0);
        Checks.atLeast(spec, "--rest-429", rest429, 0);
        Checks.atLeast(spec, "--rest-418", rest418, 0);
        Checks.atLeast(spec, "--retry-after", retryAfter, java.time.Duration.ZERO);
        if (instruments < 0 || instruments > 100_000) {
            throw Checks.usage(spec, "--instruments must be 0 to 100000");
        }
        if (scenario != null || record != null) {
            if (instruments > 0) {
                throw Checks.usage(spec, "--instruments lists a market of its own; a scenario lists its instruments");
            }
            return scenario();
        }
        Simulator sim = Simulator.start(new SimConfig(host, port, tradesPerSecond, liquidationsPerSecond, pingEvery, 5,
                1 << 17).withMarket(instruments, speed));
        Faults faults = sim.faults();
        faults.dropEveryAggTrade(dropEvery);
        faults.delay(delay);
        faults.refuse(refuse);
        faults.rest429(rest429, retryAfter);
        if (rest418 > 0) {
            faults.rest418(rest418, retryAfter);
        }
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faults");
            t.setDaemon(true);
            return t;
        });
        every(schedule, closeEvery, () -> faults.close(null));
        every(schedule, stallEvery, () -> faults.stall(null, stallFor));
        every(schedule, garbageEvery, () -> faults.garbage(null, 1));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Simulator on " + sim.uri() + " (" + VenueNames.of(VenueRegistry.venues()) + ").");
        out.println("Read it with: ./cascade live --endpoints " + sim.uri());
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            schedule.shutdownNow();
            sim.close();
            stop.countDown();
        }));
        while (!stop.await(10, TimeUnit.SECONDS)) {
            spec.commandLine().getErr().printf("simulate: %d connections, %d frames sent, %d trades, %d liquidations (%d published)%n",
                    sim.stats().connections.get(), sim.stats().framesSent.get(), sim.stats().trades.get(),
                    sim.stats().liquidations.get(), sim.stats().liquidationsPublished.get());
        }
        return 0;
    }

    private static void every(ScheduledExecutorService schedule, Duration every, Runnable fault) {
        if (every != null && !every.isZero()) {
            schedule.scheduleAtFixedRate(fault, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * {@code --scenario NAME --record FILE}: the scenario's recording; {@code --scenario NAME} alone: the scenario
     * served live over loopback, to whoever connects within {@code --start-after}.
     */
    private int scenario() throws Exception {
        if (scenario == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--record needs --scenario");
        }
        Scenario s;
        try {
            s = Scenario.load(scenario);
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        if (record != null) {
            Checks.writableDirectory("--record", record.toAbsolutePath().getParent());
            ScenarioRecorder.Result result;
            try (ProgressLine bar = ProgressLine.counting("Recording", " MB", 1 << 20,
                    () -> ProgressLine.sizeOf(record), quiet.isProgressShown(), spec.commandLine().getErr())) {
                result = ScenarioRecorder.record(s, record);
            }
            out.printf("Scenario %s: %,d frames in %.1f s to %s%n", s.name(), result.frames(),
                    (System.nanoTime() - started) / 1e9, record);
            out.printf("The market model liquidated %,d positions in the last 24 hours (what the venues published is a"
                    + " part of it: Binance and OKX push one a second per symbol)%n", result.positionsLiquidatedLastDay());
            return 0;
        }
        ScenarioPlayer player = new ScenarioPlayer(s, speed);
        try (Simulator sim = Simulator.startPlayback(new SimConfig(host, port, 0, 0, pingEvery, 5, 1 << 10),
                player.instruments())) {
            out.printf("Scenario %s at %.0fx on %s (cascade live --endpoints %s); playing in %s%n", s.name(), speed,
                    sim.uri(), sim.uri(), startAfter);
            out.flush();
            Thread.sleep(startAfter.toMillis());
            long frames = player.play(sim);
            out.printf("Played %,d frames in %.0f s%n", frames, (System.nanoTime() - started) / 1e9);
        }
        return 0;
    }
}
