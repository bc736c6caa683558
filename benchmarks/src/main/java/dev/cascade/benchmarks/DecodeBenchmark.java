package dev.cascade.benchmarks;

import dev.cascade.analytics.LiquidationTotals;
import dev.cascade.analytics.dedupe.LiquidationDeduplicator;
import dev.cascade.analytics.dedupe.TradeDeduplicator;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.codec.JsonTape;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The feed hot path, one frame per operation: bytes -> JsonTape -> venue decoder -> (dedupe) -> aggregator.
 * Each operation rewrites the frame's id and time digits in place, so every frame is a new trade or a new
 * liquidation one millisecond later (the dedupe and the minute series see a live-like stream). Throughput is
 * frames per second on one thread; run with {@code -prof gc} for bytes allocated per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DecodeBenchmark {
    private final JsonTape tape = new JsonTape();
    private FrameDecoder binance;
    private byte[] aggTrade;
    private int aggId;
    private int aggTime;
    private byte[] forceOrder;
    private int forceTime;

    private final TradeDeduplicator tradeDedupe = new TradeDeduplicator();
    private final LiquidationDeduplicator liquidationDedupe = new LiquidationDeduplicator();
    private final LiquidationTotals totals = new LiquidationTotals();

    /** Consumes every field a downstream stage would read. */
    private Blackhole hole;
    private final MarketListener consume = new MarketListener() {
        @Override
        public void onTrade(Trade t) {
            hole.consume(t.usd());
            hole.consume(t.id());
            hole.consume(t.takerSide());
            hole.consume(t.exchangeMicros());
        }

        @Override
        public void onLiquidation(Liquidation l) {
            hole.consume(l.usd());
            hole.consume(l.side());
            hole.consume(l.exchangeMicros());
        }
    };
    private final MarketListener dedupeTrades = new MarketListener() {
        @Override
        public void onTrade(Trade t) {
            hole.consume(tradeDedupe.isNew(t));
        }
    };
    private final MarketListener aggregateLiquidations = new MarketListener() {
        @Override
        public void onLiquidation(Liquidation l) {
            if (liquidationDedupe.isNew(l)) {
                totals.add(l);
            }
        }
    };

    @Setup
    public void setUp(Blackhole blackhole) {
        hole = blackhole;
        binance = new VenueDecoders(new InstrumentRegistry()).forVenue(Venue.BINANCE_USDM);
        aggTrade = Frames.bytes(Frames.AGG_TRADE);
        aggId = Frames.digitsAfter(aggTrade, "\"a\":");
        aggTime = Frames.digitsAfter(aggTrade, "\"T\":");
        forceOrder = Frames.bytes(Frames.FORCE_ORDER);
        forceTime = Frames.digitsAfter(forceOrder, "\"T\":");
    }

    /** The next trade: aggregate id and trade time one up. */
    private void nextAggTrade() {
        Frames.increment(aggTrade, aggId, 10);
        Frames.increment(aggTrade, aggTime, 13);
    }

    /** The next liquidation, one millisecond later. */
    private void nextForceOrder() {
        Frames.increment(forceOrder, forceTime, 13);
    }

    /** The tokenizer alone, to tell its cost from the decoder's. */
    @Benchmark
    public boolean tapeAggTrade() {
        nextAggTrade();
        return tape.parse(aggTrade, 0, aggTrade.length);
    }

    @Benchmark
    public Object binanceAggTrade() {
        nextAggTrade();
        tape.parse(aggTrade, 0, aggTrade.length);
        return binance.decode(tape, 0, 1_749_132_000_300_000L, consume);
    }

    @Benchmark
    public Object binanceAggTradeToDedupe() {
        nextAggTrade();
        tape.parse(aggTrade, 0, aggTrade.length);
        return binance.decode(tape, 0, 1_749_132_000_300_000L, dedupeTrades);
    }

    @Benchmark
    public Object binanceForceOrder() {
        nextForceOrder();
        tape.parse(forceOrder, 0, forceOrder.length);
        return binance.decode(tape, 0, 1_749_132_000_300_000L, consume);
    }

    @Benchmark
    public Object binanceForceOrderToTotals() {
        nextForceOrder();
        tape.parse(forceOrder, 0, forceOrder.length);
        return binance.decode(tape, 0, 1_749_132_000_300_000L, aggregateLiquidations);
    }
}
