package dev.cascade.app;

import dev.cascade.analytics.bars.Resolution;
import dev.cascade.analytics.events.Bursts;
import dev.cascade.analytics.figures.FigureSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options that tune the analytics read-outs, shared by replay and live. */
final class FigureOptions {
    @Option(names = "--detail", defaultValue = "10", paramLabel = "N",
            description = "Coins (the most traded) that get heatmaps, crossings, wicks, squeeze detection and taker "
                    + "extremes (default 10).")
    int detailCoins;

    @Option(names = "--taker-bar", defaultValue = "1h", paramLabel = "1m|5m|1h",
            description = "Bar of taker flow's moving average, z-score and extremes (default 1h).")
    String takerBar;

    @Option(names = "--burst-usd", defaultValue = "1000000", paramLabel = "USD",
            description = "A liquidation burst: at least this much of one side a minute on one venue (default 1,000,000)...")
    double burstUsd;

    @Option(names = "--burst-minutes", defaultValue = "2", paramLabel = "N",
            description = "...for at least this many minutes in a row (default 2).")
    int burstMinutes;

    FigureSettings settings(CommandLine.Model.CommandSpec spec) {
        Resolution bar = Resolution.byId(takerBar);
        if (bar == null) {
            throw Checks.usage(spec, "--taker-bar must be 1m, 5m or 1h, not " + takerBar);
        }
        Checks.between(spec, "--detail", detailCoins, 0, 1000);
        Checks.positive(spec, "--burst-usd", burstUsd);
        Checks.atLeast(spec, "--burst-minutes", burstMinutes, 1);
        FigureSettings d = FigureSettings.DEFAULT;
        return new FigureSettings(d.taker(), bar, d.wicks(), new Bursts.Settings(burstUsd, burstMinutes), d.flush(),
                d.heatmap(), detailCoins, d.movers(), d.windows(), d.liquidationWindows(), false, d.snapshotMinutes());
    }
}
