package dev.cascade.report;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.analytics.figures.TakerFigures;
import dev.cascade.analytics.overview.Sentiment;
import dev.cascade.analytics.taker.TakerFlow;
import java.util.ArrayList;
import java.util.List;

/** The recap of what a {@link MarketState} holds: figures read out, sentences written, charts drawn. */
public final class Reports {
    /** Heatmap snapshots every this many minutes for the report's heatmap chart. */
    public static final int SNAPSHOT_MINUTES = 10;

    private Reports() {
    }

    public static Recap of(MarketState state, FigureSettings settings) {
        return of(state, null, settings);
    }

    /**
     * The recap of {@code state} (the period's events); {@code history} (may be null), the same market from
     * further back, gives the taker extremes their rank in the month and the volumes of the day before, which the
     * period alone cannot know.
     */
    public static Recap of(MarketState state, MarketState history, FigureSettings settings) {
        FigureSettings s = settings.withSnapshots(SNAPSHOT_MINUTES);
        Figures f = Figures.of(state, s);
        if (history != null) {
            List<TakerFlow.Episode> inPeriod = new ArrayList<>();
            for (TakerFlow.Episode e : Figures.takerOf(history, settings).extremes()) {
                if (e.endMicros() > f.fromMicros() && e.startMicros() <= f.toMicros()) {
                    inPeriod.add(e);
                }
            }
            TakerFigures t = f.taker();
            // the sentiment of the period's end read from the whole market held, as replay and the dashboard read
            // it: the period alone lacks the day before that its volume and volatility parts compare with
            Sentiment.Index sentiment = Sentiment.of(history.bars(), history.overview(), f.toMicros());
            f = new Figures(f.fromMicros(), f.toMicros(), f.liquidations(), f.windows(),
                    new TakerFigures(t.all(), t.byCoin(), t.byExchange(), inPeriod, t.bars()),
                    f.price().withVolumesFrom(history.bars(), f.toMicros()),
                    f.openInterest(), f.heatmaps(), f.events(), f.overview(), sentiment == null ? f.sentiment() : sentiment,
                    f.degraded());
        }
        return RecapWriter.write(state, f, s, Charts.of(state, f, RecapWriter.leadCoin(f)));
    }
}
