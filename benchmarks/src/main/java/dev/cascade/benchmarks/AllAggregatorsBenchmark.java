package dev.cascade.benchmarks;

import dev.cascade.analytics.MarketState;
import dev.cascade.model.Coin;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every aggregator together, as a live run holds them ({@link MarketState} with live retention): one normalized
 * event per operation into counts, liquidation totals, presence, the liquidation log and the market bars.
 * 40 instruments on five venues; a mix of 88 % trades, 4 % liquidations, 4 % mark prices and 4 % open interest;
 * 10 ms of event time per event, so a minute every 6,000 events and the 26-hour retention is reached, and then
 * evicts as it must, within the warm-up. The live job's once-a-refresh eviction of old liquidation minutes is
 * done every event-minute here. Steady state is what is measured: windows roll, nothing grows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class AllAggregatorsBenchmark {
    private static final long T0 = 1_749_132_000_000_000L;
    private static final long STEP_MICROS = 10_000;
    private static final int INSTRUMENTS = 40;
    private static final long EVENTS_PER_MINUTE = Micros.PER_MINUTE / STEP_MICROS;

    private final MarketState state = new MarketState(MarketState.Retention.LIVE);
    private final Trade trade = new Trade();
    private final Liquidation liquidation = new Liquidation();
    private final MarkPrice mark = new MarkPrice();
    private final OpenInterest openInterest = new OpenInterest();
    private final double[] prices = new double[INSTRUMENTS];
    private Instrument[] instruments;
    private long sequence;

    @Setup
    public void setUp() {
        InstrumentRegistry registry = new InstrumentRegistry();
        Venue[] venues = Venue.values();
        instruments = new Instrument[INSTRUMENTS];
        for (int i = 0; i < INSTRUMENTS; i++) {
            instruments[i] = registry.define(InstrumentSpec.linear(venues[i % venues.length], "C" + i / 5 + "USDT",
                    Coin.of("C" + i / 5)));
            prices[i] = 100 + i;
        }
    }

    @Benchmark
    public long mixedEvent() {
        long i = sequence++;
        long t = T0 + i * STEP_MICROS;
        int k = (int) (i % INSTRUMENTS);
        Instrument instrument = instruments[k];
        // a slow random walk, so that levels are crossed and bars have a range
        double price = prices[k] *= (i * 0x9E3779B97F4A7C15L >>> 60) < 8 ? 0.9999 : 1.0001;
        int kind = (int) (i % 25);
        if (kind == 0) {
            state.onLiquidation(liquidation.set(instrument, (i & 32) == 0 ? Side.LONG : Side.SHORT, 1 + i % 7,
                    price, t, t));
        } else if (kind == 1) {
            state.onMarkPrice(mark.set(instrument, price, price, t, t));
        } else if (kind == 2) {
            double contracts = 1_000_000 + (i % 10_007);
            state.onOpenInterest(openInterest.set(instrument, contracts, contracts * price, t, t));
        } else {
            state.onTrade(trade.set(instrument, (i & 64) == 0 ? TakerSide.BUY : TakerSide.SELL, 0.5 + i % 3, price, i,
                    t, t));
        }
        if (i % EVENTS_PER_MINUTE == 0) {
            state.evictLiquidationMinutesBefore(t - Micros.PER_DAY - Micros.PER_HOUR);
        }
        return state.counts().events();
    }

    /**
     * A cascade: liquidations only, one every 100 ms of event time on 40 instruments (864,000 a day, seven times
     * the 127,000 of the recap's day), through the four aggregators that take them. The liquidation log keeps
     * each one for 26 hours, the heatmap's hit-rate reads them.
     */
    @Benchmark
    public long liquidationCascade() {
        long i = sequence++;
        long t = T0 + i * 100_000;
        int k = (int) (i % INSTRUMENTS);
        state.onLiquidation(liquidation.set(instruments[k], (i & 32) == 0 ? Side.LONG : Side.SHORT, 1 + i % 7,
                prices[k] + (i % 101) * 0.01, t, t));
        if (i % 600 == 0) {
            state.evictLiquidationMinutesBefore(t - Micros.PER_DAY - Micros.PER_HOUR);
        }
        return state.counts().events();
    }
}
