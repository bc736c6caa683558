package dev.cascade.app;

import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.server.MarketView;
import dev.cascade.server.Published;
import dev.cascade.server.Server;
import dev.cascade.server.Stream;
import dev.cascade.testkit.SharedFixtures;
import java.nio.file.Path;
import java.util.List;

/** The built-in sample served as {@code cascade serve samples/...} serves it, on 127.0.0.1 and a free port. */
final class SampleServer {
    private SampleServer() {
    }

    static Path sample() {
        return SharedFixtures.root().resolve(SampleRecording.FILE);
    }

    static Server start(Server.Settings settings) throws Exception {
        RunResult r = new ReplayJob(1 << 23).run(List.of(sample()), bytes -> { });
        FigureSettings figures = FigureSettings.DEFAULT.withSnapshots(ServeCommand.SNAPSHOT_MINUTES);
        Published published = Published.of(Figures.of(r.state(), figures), r.events().events(), figures);
        return Server.start(MarketView.fixed(r.state(), published), new Stream(), settings);
    }
}
