package dev.cascade.app;

import dev.cascade.analytics.EventCounts;
import dev.cascade.analytics.LiquidationTotals;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.ingest.OpenedInput;
import dev.cascade.ingest.ReadStats;
import java.util.List;

/** Everything a run found, a replay or a live run: what the text ({@link RunText}) and JSON ({@link RunJson}) give. */
record RunResult(List<OpenedInput> inputs, ReadStats read, MarketState state, long duplicateLiquidations,
                    long duplicateTrades) {

    EventCounts events() {
        return state.counts();
    }

    LiquidationTotals liquidations() {
        return state.liquidations();
    }

    boolean hasEvents() {
        return events().events() > 0;
    }

    /** Whether anything usable was read: an event, a market overview document or instrument metadata. */
    boolean isUsable() {
        return hasEvents() || events().overview() > 0 || read.instrumentsLoaded() > 0;
    }

    /** Exchange time of the first event of any kind (0 when there was none). */
    long fromMicros() {
        return hasEvents() ? events().firstMicros() : 0;
    }

    /** Exchange time of the last event of any kind: where the rolling windows end. */
    long toMicros() {
        return hasEvents() ? events().lastMicros() : 0;
    }

    /** Every figure, read out at the last event. */
    Figures figures(FigureSettings settings) {
        return Figures.of(state, settings);
    }
}
