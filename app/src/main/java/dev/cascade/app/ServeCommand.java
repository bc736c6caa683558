package dev.cascade.app;

import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.server.MarketView;
import dev.cascade.server.Published;
import dev.cascade.server.Server;
import dev.cascade.server.Stream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cascade serve [--store DIR] [FILE...]}: reads back what the store holds and replays the files (keeping
 * their events in the store), then serves every figure over the API and the dashboard until Ctrl-C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Replays files, then serves the API and the dashboard (http://127.0.0.1:8080/).")
final class ServeCommand implements Callable<Integer> {
    /** The dashboard's heatmap draws a snapshot every this many minutes. */
    static final int SNAPSHOT_MINUTES = 10;

    @CommandLine.Mixin
    ServeOptions serve;

    @CommandLine.Mixin
    FigureOptions figureOptions;

    @CommandLine.Mixin
    StoreOptions storeOptions;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Input files (recordings, archives); with "
            + "--store, what is stored is read first and the files' events are added to it.")
    List<Path> files = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FigureSettings settings = figureOptions.settings(spec).withSnapshots(SNAPSHOT_MINUTES);
        Server.Settings server = serve.settings(spec, registry -> { }, () -> { });
        files.forEach(f -> Checks.readableFile(null, f));
        // serving files into a store writes it; serving a store alone only reads it
        Storage storage = files.isEmpty() ? storeOptions.openForReading(spec) : storeOptions.openForWriting(spec, false);
        if (storage == null && files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give files to replay, or --store DIR, or both");
        }
        ReplayResult r;
        try (Storage s = storage) {
            r = new ReplayJob(dev.cascade.ingest.InputFiles.DEFAULT_MAX_LINE_BYTES, storage).run(files, bytes -> { });
        }
        int read = ReplayCommand.exitCode(r, spec.commandLine().getErr());
        if (read == Main.NOTHING_USABLE) {
            return read; // nothing to serve
        }
        Published published = Published.of(Figures.of(r.state(), settings), r.events().events(), settings);
        Server s;
        try {
            s = Server.start(MarketView.fixed(r.state(), published), new Stream(), server);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
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
}
