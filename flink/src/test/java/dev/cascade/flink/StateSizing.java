package dev.cascade.flink;

import dev.cascade.analytics.dedupe.LiquidationDeduplicator;
import dev.cascade.analytics.dedupe.TradeDeduplicator;
import dev.cascade.kafka.EventCodec;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * Heap-state sizing (README "Scaling out"): the job's operators in Flink's test harness on the heap backend, fed
 * 400 instruments of 200 coins minute after minute; the heap retained after full collections, as the slope over
 * the later minutes (what the first use of each class allocates left out), and the checkpoint's size per window
 * or instrument. Each measurement runs in a JVM of its own with the serial collector, whose heap after
 * {@code System.gc()} is exact (under G1, in one JVM, the figures moved by megabytes): {@code
 * scripts/flink-state-sizing.sh}. StateSizingTest checks the checkpoint side, which is deterministic.
 */
public final class StateSizing {
    private static final long MINUTE = Micros.of(Instant.parse("2025-06-05T13:30:00Z"));
    private static final int BLOCKS = 4;
    private final Events events = new Events();
    private final boolean isHeapMeasured;
    /** 200 coins on two venues each, as a TaskManager of a five-venue job sees a few hundred coins. */
    private final List<Instrument> instruments = new java.util.ArrayList<>();

    StateSizing(boolean isHeapMeasured, int coins) {
        this.isHeapMeasured = isHeapMeasured;
        for (int c = 0; c < coins; c++) {
            instruments.add(events.linear(Venue.BINANCE_USDM, "C" + c + "USDT", "C" + c));
            instruments.add(events.linear(Venue.BYBIT_LINEAR, "C" + c + "USDT", "C" + c));
        }
    }

    /** A minute's mix for one instrument: trades, mark prices, open interest, funding, liquidations. */
    record Mix(String name, int trades, int marks, int openInterest, int funding, int liquidations) {
        int states() {
            return marks + openInterest + funding + liquidations;
        }
    }

    record Size(double heapPerUnit, double checkpointPerUnit) {
    }

    static final Mix TRADES_ONLY = new Mix("100 trades", 100, 0, 0, 0, 0);
    static final Mix MANY_TRADES = new Mix("3,000 trades", 3_000, 0, 0, 0, 0);
    static final Mix TYPICAL = new Mix("100 trades, 60 marks, 12 OI, 1 funding, 2 liquidations", 100, 60, 12, 1, 2);

    /** {@code trades-only}, {@code many-trades}, {@code typical} or {@code dedupe}: one measurement per JVM. */
    public static void main(String[] args) throws Exception {
        StateSizing sizing = new StateSizing(true, 200);
        if (args[0].equals("dedupe")) {
            Size d = sizing.dedupe(10);
            System.out.printf("the deduplicator of an instrument at its full horizons (%,d rising trade ids, %,d "
                            + "liquidations): %,.0f B heap, %,.0f B in a checkpoint%n", TradeDeduplicator.RECENT,
                    LiquidationDeduplicator.RECENT, d.heapPerUnit(), d.checkpointPerUnit());
            return;
        }
        Mix mix = switch (args[0]) {
            case "trades-only" -> TRADES_ONLY;
            case "many-trades" -> MANY_TRADES;
            default -> TYPICAL;
        };
        Size s = sizing.windows(mix);
        System.out.printf("a window of %s (%d instruments, %d coins): %,.0f B heap, %,.0f B in a checkpoint%n",
                mix.name(), sizing.instruments.size(), sizing.instruments.size() / 2, s.heapPerUnit(), s.checkpointPerUnit());
    }

    Size windows(Mix mix) throws Exception {
        CascadeFlinkJob.Settings settings = new CascadeFlinkJob.Settings("unused:9092", dev.cascade.kafka.Topics.defaults(),
                "minutes", "late", "sizing", Duration.ofSeconds(5), Duration.ofMinutes(10), true,
                org.apache.flink.connector.base.DeliveryGuarantee.AT_LEAST_ONCE, null, null);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        var input = env.fromData(List.of(new byte[0]), PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        var t = (OneInputTransformation<byte[], InstrumentMinute>) CascadeFlinkJob.windows(
                input.keyBy(new CascadeFlinkJob.InstrumentKey(), Types.STRING), settings).getTransformation();
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(t.getOperatorFactory(),
                (KeySelector<byte[], String>) t.getStateKeySelector(), Types.STRING)) {
            // checkpoints held in memory, as the harness does, with room for a few thousand windows
            harness.setCheckpointStorage(new org.apache.flink.runtime.state.storage.JobManagerCheckpointStorage(64 << 20));
            harness.open();
            // minute after minute of every instrument, the watermark never reaching their end (a live job keeps
            // each for the lateness after it); the slope from the second block to the last leaves out what the
            // first use of each class and structure allocates
            long[] heap = new long[BLOCKS];
            for (int minute = 0; minute < BLOCKS; minute++) {
                for (Instrument instrument : instruments) {
                    for (byte[] r : minute(instrument, mix, MINUTE + minute * Micros.PER_MINUTE)) {
                        harness.processElement(r, EventCodec.exchangeMicros(r) / 1000);
                    }
                }
                heap[minute] = retainedHeap();
            }
            if (!harness.extractOutputValues().isEmpty()) {
                throw new IllegalStateException("a window closed: the figures would miss it");
            }
            long checkpoint = harness.snapshot(1, MINUTE / 1000).getStateSize(); // after: it is held in memory
            int windows = instruments.size();
            return new Size((heap[BLOCKS - 1] - heap[1]) / (double) ((BLOCKS - 2) * windows),
                    checkpoint / (double) (BLOCKS * windows));
        }
    }

    private static List<byte[]> minute(Instrument i, Mix mix, long start) {
        List<byte[]> out = new java.util.ArrayList<>();
        long step = Micros.PER_MINUTE / (mix.trades() + mix.states() + 1);
        long t = start;
        for (int k = 0; k < mix.trades(); k++) {
            out.add(EventCodec.encode(Events.trade(i, k % 2 == 0 ? TakerSide.BUY : TakerSide.SELL, 0.01 + k % 5,
                    100_000 + k % 50, 1_000_000L + k, t += step)));
        }
        for (int k = 0; k < mix.marks(); k++) {
            out.add(EventCodec.encode(new MarkPrice().set(i, 100_000 + k, 100_001 + k, t += step, t + 5)));
        }
        for (int k = 0; k < mix.openInterest(); k++) {
            out.add(EventCodec.encode(new OpenInterest().set(i, 90_000 + k, 9e9 + k, t += step, t + 5)));
        }
        for (int k = 0; k < mix.funding(); k++) {
            out.add(EventCodec.encode(new FundingRate().set(i, 0.0001, MINUTE + 8 * 3_600_000_000L, t += step, t + 5)));
        }
        for (int k = 0; k < mix.liquidations(); k++) {
            out.add(EventCodec.encode(Events.liquidation(i, k % 2 == 0 ? Side.LONG : Side.SHORT, 0.5 + k, 99_000 + k,
                    t += step)));
        }
        return out;
    }

    /** Bytes per instrument whose deduplicator holds its full horizons of rising trade ids and liquidations. */
    Size dedupe(int instruments) throws Exception {
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new org.apache.flink.streaming.api.operators.KeyedProcessOperator<>(new Dedupe()),
                new CascadeFlinkJob.InstrumentKey(), Types.STRING)) {
            harness.setCheckpointStorage(new org.apache.flink.runtime.state.storage.JobManagerCheckpointStorage(64 << 20));
            harness.open();
            long[] heap = new long[3];
            long passed = 0;
            for (int half = 0; half < 3; half++) {
            for (int i = half * instruments; i < (half + 1) * instruments; i++) {
                Instrument instrument = events.linear(Venue.BYBIT_LINEAR, "D" + i + "USDT", "D" + i);
                // more than the horizons: the state must stop growing at them
                for (int k = 0; k < TradeDeduplicator.RECENT + 500; k++) {
                    byte[] trade = EventCodec.encode(Events.trade(instrument, TakerSide.BUY, 1, 100, 5_000_000L + k, MINUTE + k));
                    harness.processElement(trade, MINUTE / 1000);
                }
                for (int k = 0; k < LiquidationDeduplicator.RECENT + 500; k++) {
                    byte[] l = EventCodec.encode(Events.liquidation(instrument, Side.LONG, 1, 100 + k, MINUTE + k));
                    harness.processElement(l, MINUTE / 1000);
                }
            }
            passed += harness.getOutput().size();
            harness.getOutput().clear(); // the harness keeps what passed: not state
            heap[half] = retainedHeap();
            }
            if (passed != 3L * instruments * (TradeDeduplicator.RECENT + LiquidationDeduplicator.RECENT + 1_000)) {
                throw new IllegalStateException("distinct events were dropped: " + passed);
            }
            long checkpoint = harness.snapshot(1, MINUTE / 1000).getStateSize();
            return new Size((heap[2] - heap[1]) / (double) instruments, checkpoint / (3.0 * instruments));
        }
    }

    /** Heap in use after full collections (several, until it stops falling); 0 when not measured. */
    private long retainedHeap() {
        if (!isHeapMeasured) {
            return 0;
        }
        var memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= last - 64 * 1024) {
                return used;
            }
            last = used;
        }
        return last;
    }
}
