package dev.cascade.app;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.model.Candle;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Trade;

/**
 * The job's late events ({@code PREFIX.late}: past its allowed lateness, in no minute it emitted) into the state
 * of {@code serve --source kafka}, as the store's late parts reach a restarted state: each trade or candle becomes
 * a one-event bar of its minute ({@link MarketBars}, the same valuation as every bar) restored into the state
 * (combined with the minute's bar, or its hour's once rolled up). {@link MarketState#onTrade} would not do: it
 * skips trades older than the bars restored, which a late one always is. Late liquidations, open interest, marks
 * and funding are skipped: the consumer reads them from their own topics, where the collector wrote them.
 */
final class LateParts implements MarketListener {
    private final MarketState state;
    private final double[] d = new double[BarSeries.DOUBLES];
    private final long[] t = new long[BarSeries.LONGS];
    private long applied;

    LateParts(MarketState state) {
        this.state = state;
    }

    @Override
    public void onTrade(Trade e) {
        MarketBars one = new MarketBars(); // late events are few: a fresh one each, never a lingering one
        one.onTrade(e);
        restore(one);
    }

    @Override
    public void onCandle(Candle e) {
        MarketBars one = new MarketBars();
        one.onCandle(e);
        restore(one);
    }

    @Override
    public void onReject(Reject reason) {
        state.onReject(reason);
    }

    /** Late trades and candles restored. */
    long applied() {
        return applied;
    }

    private void restore(MarketBars one) {
        for (InstrumentBars b : one.instruments()) {
            BarSeries minutes = b.minutes();
            for (int i = 0; i < minutes.size(); i++) {
                minutes.export(i, d, t);
                state.restoreMinute(b.instrument(), d, t, false);
                applied++;
            }
        }
    }
}
