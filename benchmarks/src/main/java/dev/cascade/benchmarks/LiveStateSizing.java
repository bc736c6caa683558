package dev.cascade.benchmarks;

import dev.cascade.analytics.MarketState;
import dev.cascade.model.Coin;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Micros;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;

/**
 * The heap a live run's market state takes as the hours pass: INSTRUMENTS instruments each trading once a minute
 * into a {@link MarketState} with the live retention (a day of minute bars, five weeks of hour bars), evicted
 * hourly as a live run does, with the heap used after a full collection printed every six hours. Run it with a
 * heap large enough (-Xmx2g) and the serial collector, so that the figure is the state and not the collector.
 *
 * <pre>  java -XX:+UseSerialGC -Xmx2g -cp benchmarks/target/benchmarks.jar dev.cascade.benchmarks.LiveStateSizing 1200 30</pre>
 */
public final class LiveStateSizing {
    /** 2025-06-05T14:00:00Z. */
    private static final long T0 = 1_749_132_000_000_000L;

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int hours = Integer.parseInt(args[1]);
        InstrumentRegistry registry = new InstrumentRegistry();
        Instrument[] instruments = new Instrument[n];
        for (int i = 0; i < n; i++) {
            instruments[i] = registry.define(InstrumentSpec.linear(Venue.values()[i % 5], "C" + i + "USDT",
                    Coin.of("C" + i)));
        }
        MarketState state = new MarketState(MarketState.Retention.LIVE);
        Trade trade = new Trade();
        long id = 0;
        for (int minute = 0; minute < hours * 60; minute++) {
            long t = T0 + minute * Micros.PER_MINUTE;
            for (int i = 0; i < n; i++) {
                state.onTrade(trade.set(instruments[i], minute % 2 == 0 ? TakerSide.BUY : TakerSide.SELL, 1, 1 + i,
                        ++id, t + i, t + i + 100));
            }
            if (minute % 60 == 59) {
                state.keepLiveDetail(); // the hourly eviction of a live run
            }
            if (minute % 360 == 359) {
                System.gc();
                Runtime r = Runtime.getRuntime();
                System.out.printf("%d instruments, %d h: %.0f MB of heap after a full collection%n", n,
                        (minute + 1) / 60, (r.totalMemory() - r.freeMemory()) / 1e6);
            }
        }
    }
}
