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
            throw new CommandLine.ParameterException(spec.commandLine(), "--taker-bar is 1m, 5m or 1h");
        }
        if (detailCoins < 0 || detailCoins > 1000 || !(burstUsd > 0) || burstMinutes < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--detail must be 0 to 1000, --burst-usd positive and --burst-minutes at least 1");
        }
        FigureSettings d = FigureSettings.DEFAULT;
        return new FigureSettings(d.taker(), bar, d.wicks(), new Bursts.Settings(burstUsd, burstMinutes), d.flush(),
                d.heatmap(), detailCoins, d.movers(), d.windows(), false, d.snapshotMinutes());
    }
}
