package dev.cascade.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.analytics.dedupe.LiquidationDeduplicator;
import dev.cascade.analytics.dedupe.TradeDeduplicator;
import org.junit.jupiter.api.Test;

/**
 * What the sizing in README "Scaling out" rests on, in checkpoint bytes (deterministic; the heap figures come from
 * StateSizing run on its own): a window's trades are folded into its bar, so their number does not grow it; its
 * other events are kept as records, each about a record's size; the deduplicator stops growing at its horizons.
 */
class StateSizingTest {
    private final StateSizing sizing = new StateSizing(false, 50);

    @Test
    void aWindowsTradesAreFoldedAndItsOtherEventsKeptAsRecords() throws Exception {
        double fewTrades = sizing.windows(StateSizing.TRADES_ONLY).checkpointPerUnit();
        double manyTrades = sizing.windows(StateSizing.MANY_TRADES).checkpointPerUnit();
        double typical = sizing.windows(StateSizing.TYPICAL).checkpointPerUnit();
        assertThat(manyTrades).as("30 times the trades, the same state").isCloseTo(fewTrades, within(1.0));
        assertThat(fewTrades).isBetween(200.0, 1_000.0);
        int states = StateSizing.TYPICAL.states();
        assertThat((typical - fewTrades) / states).as("bytes per event kept as a record").isBetween(50.0, 120.0);
    }

    @Test
    void theDeduplicatorOfAnInstrumentStopsAtItsHorizons() throws Exception {
        // fed 500 more trades and liquidations than it keeps: each kept id is two map entries of two longs
        long kept = 2L * (TradeDeduplicator.RECENT + LiquidationDeduplicator.RECENT);
        double perInstrument = sizing.dedupe(3).checkpointPerUnit();
        assertThat(perInstrument).isBetween(kept * 16.0, kept * 20.0);
    }
}
