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
 * {@code cascade serve FILE...}: replays the files, then serves every figure over the API and the dashboard
 * until Ctrl-C. (With the store, a restart will read back what was stored instead of replaying.)
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

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Input files (recordings, archives).")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FigureSettings settings = figureOptions.settings(spec).withSnapshots(SNAPSHOT_MINUTES);
        Server.Settings server = serve.settings(spec, registry -> { }, () -> { });
        ReplayResult r = new ReplayJob(dev.cascade.ingest.InputFiles.DEFAULT_MAX_LINE_BYTES).run(files, bytes -> { });
        Published published = Published.of(Figures.of(r.state(), settings), r.events().events(), settings);
        Server s;
        try {
            s = Server.start(MarketView.fixed(r.state(), published), new Stream(), server);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Serving %,d events from %d file%s at http://%s:%d/ (API under /api/v1/, Ctrl-C to stop)%n",
                r.events().events(), files.size(), files.size() == 1 ? "" : "s", server.host(), s.port());
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.close();
            stop.countDown();
        }, "shutdown"));
        stop.await();
        return 0;
    }
}
