package dev.cascade.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.analytics.dedupe.DedupingListener;
import dev.cascade.analytics.dedupe.LiquidationDeduplicator;
import dev.cascade.analytics.dedupe.TradeDeduplicator;
import dev.cascade.kafka.EventCodec;
import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * The job's deduplicator and the in-process one fed the same events, with repeats near and far, in order and out
 * of order, on a busy and a quiet instrument: they let exactly the same events through, so they count the same.
 */
class DedupeParityTest {
    private static final long T = Micros.of(Instant.parse("2025-06-05T13:30:00Z"));
    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument eth = events.linear(Venue.BYBIT_LINEAR, "ETHUSDT", "ETH");
    private final Instrument sol = events.linear(Venue.OKX_SWAP, "SOL-USDT-SWAP", "SOL");
    private final Random random = new Random(18);
    private final List<Object> feed = new ArrayList<>();
    private long time = T;

    private void trade(Instrument i, long id) {
        feed.add(Events.trade(i, TakerSide.BUY, 1, 100, id, time += 1_000));
    }

    private Liquidation liquidation(Instrument i, int n) {
        // n makes the identity: its own exchange time, price and quantity
        Liquidation l = Events.liquidation(i, n % 2 == 0 ? Side.LONG : Side.SHORT, 1 + n % 7, 2_000 + n * 0.5,
                T + n * 1_000_000L);
        feed.add(l);
        return l;
    }

    @Test
    void shouldLetTheSameEventsThroughAsTheInProcessDeduplicator() throws Exception {
        // BTC trades: rising ids with a reconnect's overlap every 1,000, a repeat from 3,000 back now and then (past
        // the rising horizon: both count it once more, then know it), and out-of-order bursts as in archives
        List<Liquidation> ethSeen = new ArrayList<>();
        long btcId = 1_000_000;
        for (int round = 0; round < 12; round++) {
            for (int k = 0; k < 1_000; k++) {
                trade(btc, ++btcId);
                ethSeen.add(liquidation(eth, ethSeen.size()));
                if (k % 97 == 0 && btcId > 1_003_000) {
                    trade(btc, btcId - 3_000);
                }
                if (k % 50 == 0) {
                    trade(btc, btcId - 1 - random.nextInt(40)); // within the rising horizon
                }
                if (k % 10 == 0) {
                    // a liquidation again: mostly recent, sometimes further back than ETH's horizon
                    int back = random.nextInt(10) == 0 ? LiquidationDeduplicator.RECENT + 100 + random.nextInt(300)
                            : 1 + random.nextInt(200);
                    if (back <= ethSeen.size()) {
                        feed.add(ethSeen.get(ethSeen.size() - back));
                    }
                }
            }
            for (long id = btcId - 300; id < btcId; id++) {
                trade(btc, id); // the overlap of a new connection
            }
            // an archive's interleaved run: ids below the maximum, shuffled, some twice
            long base = 500_000 + round * 10_000L;
            List<Long> run = new ArrayList<>();
            for (long id = base; id < base + 700; id++) {
                run.add(id);
                if (id % 9 == 0) {
                    run.add(id);
                }
            }
            java.util.Collections.shuffle(run, random);
            run.forEach(id -> trade(btc, id));
        }
        // SOL: a few, repeated after thousands of other instruments' events (its horizon is its own) and the same
        // trade ids as BTC's (ids are per instrument)
        Liquidation solFirst = liquidation(sol, 1);
        trade(sol, 1_000_001);
        for (int k = 0; k < 3_000; k++) {
            trade(btc, ++btcId);
        }
        feed.add(solFirst);
        trade(sol, 1_000_001);
        trade(sol, 1_000_002);

        List<byte[]> inProcess = inProcess();
        List<byte[]> job = job();
        assertThat(job).hasSameSizeAs(inProcess);
        assertThat(job).containsExactlyElementsOf(inProcess);
        long liquidations = feed.stream().filter(e -> e instanceof Liquidation).count();
        long trades = feed.size() - liquidations;
        long passedLiquidations = inProcess.stream().filter(r -> EventCodec.kind(r) == EventCodec.Kind.LIQUIDATION).count();
        System.out.printf("dedupe parity: %,d liquidations -> %,d, %,d trades -> %,d, the same in both%n",
                liquidations, passedLiquidations, trades, inProcess.size() - passedLiquidations);
        // not a vacuous match: both dropped repeats, and both counted the repeats past their horizons again
        assertThat(passedLiquidations).isEqualTo(liquidationsByTheRule()).isGreaterThan(ethSeen.size() + 1);
        assertThat(inProcess.size() - passedLiquidations).isLessThan(trades).isGreaterThan(btcId - 1_000_000 + 12 * 700 + 2);
    }

    /**
     * The liquidations that should pass, by a model of the rule written out plainly: per instrument, a set of its
     * last {@value LiquidationDeduplicator#RECENT} distinct liquidations, the oldest leaving first.
     */
    private long liquidationsByTheRule() {
        java.util.Map<Instrument, java.util.LinkedHashSet<Liquidation>> recent = new java.util.HashMap<>();
        long passed = 0;
        for (Object e : feed) {
            if (e instanceof Liquidation l) {
                var seen = recent.computeIfAbsent(l.instrument(), i -> new java.util.LinkedHashSet<>());
                if (seen.add(l)) { // the feed repeats the same objects: identity by reference is the identity here
                    passed++;
                    if (seen.size() > LiquidationDeduplicator.RECENT) {
                        seen.remove(seen.iterator().next());
                    }
                }
            }
        }
        return passed;
    }

    private List<byte[]> inProcess() {
        List<byte[]> passed = new ArrayList<>();
        MarketListener encode = new MarketListener() {
            @Override
            public void onLiquidation(Liquidation e) {
                passed.add(EventCodec.encode(e));
            }

            @Override
            public void onTrade(Trade e) {
                passed.add(EventCodec.encode(e));
            }
        };
        DedupingListener dedupe = new DedupingListener(encode, new LiquidationDeduplicator(), new TradeDeduplicator());
        for (Object e : feed) {
            if (e instanceof Liquidation l) {
                dedupe.onLiquidation(l);
            } else {
                dedupe.onTrade((Trade) e);
            }
        }
        return passed;
    }

    private List<byte[]> job() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> harness = ProcessFunctionTestHarnesses
                .forKeyedProcessFunction(new Dedupe(), new CascadeFlinkJob.InstrumentKey(), Types.STRING)) {
            for (Object e : feed) {
                byte[] record = e instanceof Liquidation l ? EventCodec.encode(l) : EventCodec.encode((Trade) e);
                harness.processElement(record, EventCodec.exchangeMicros(record) / 1000);
            }
            return harness.extractOutputValues();
        }
    }
}
