package dev.cascade.benchmarks;

import dev.cascade.analytics.LiquidationTotals;
import dev.cascade.model.Coin;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
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
 * The liquidation totals aggregator alone: one liquidation per operation, over 40 instruments of five venues,
 * both sides, at a cascade's pace (a new millisecond per liquidation, so a new minute every 60,000), and the
 * read-out of a 24-hour window over a day of such minutes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TotalsBenchmark {
    private final LiquidationTotals totals = new LiquidationTotals();
    private final LiquidationTotals day = new LiquidationTotals();
    private final Liquidation event = new Liquidation();
    private Instrument[] instruments;
    private long sequence;
    private static final long T0 = 1_749_132_000_000_000L;

    @Setup
    public void setUp() {
        InstrumentRegistry registry = new InstrumentRegistry();
        Venue[] venues = Venue.values();
        instruments = new Instrument[40];
        for (int i = 0; i < instruments.length; i++) {
            instruments[i] = registry.define(InstrumentSpec.linear(venues[i % venues.length], "C" + i + "USDT",
                    Coin.of("C" + i)));
        }
        for (int i = 0; i < 200_000; i++) { // a busy day: 200,000 liquidations over 24 hours
            day.add(event.set(instruments[i % 40], i % 5 == 0 ? Side.SHORT : Side.LONG, 1 + i % 7, 100 + i % 13,
                    T0 + (long) i * 432_000L, T0));
        }
    }

    @Benchmark
    public long add() {
        long i = sequence++;
        totals.add(event.set(instruments[(int) (i % 40)], (i & 1) == 0 ? Side.LONG : Side.SHORT, 1 + (i % 7),
                100 + (i % 13), T0 + i * 1000, T0));
        return totals.count();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object window24h() {
        return day.window(T0 + Micros.PER_DAY, Micros.PER_DAY);
    }
}
