package dev.cascade.report;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;

/** The recap of what a {@link MarketState} holds: figures read out, sentences written, charts drawn. */
public final class Reports {
    /** Heatmap snapshots every this many minutes for the report's heatmap chart. */
    public static final int SNAPSHOT_MINUTES = 10;

    private Reports() {
    }

    public static Recap of(MarketState state, FigureSettings settings) {
        FigureSettings s = settings.withSnapshots(SNAPSHOT_MINUTES);
        Figures f = Figures.of(state, s);
        return RecapWriter.write(f, s, Charts.of(state, f, RecapWriter.leadCoin(f)));
    }
}
