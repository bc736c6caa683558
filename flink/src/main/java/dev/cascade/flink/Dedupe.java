package dev.cascade.flink;

import dev.cascade.analytics.dedupe.LiquidationDeduplicator;
import dev.cascade.kafka.EventDecoder;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Trade;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Drops a liquidation or trade already seen for its instrument (the stream is keyed by {@code venue:symbol}),
 * as the in-process {@code DedupingListener} does: liquidations by {@link LiquidationDeduplicator#identity},
 * trades by venue id. States (open interest, marks, funding, candles) pass. Repeats come from overlapping
 * connections, a producer restarted on an old recording, or a source replay after a failure, always close in
 * event time, so an identity is remembered for {@code horizon} of event time and then forgotten by an
 * event-time timer, one per key and minute, which keeps the state bounded however long the job runs.
 */
public final class Dedupe extends KeyedProcessFunction<String, byte[], byte[]> {
    private final long horizonMillis;
    private transient MapState<Long, Long> seen;
    private transient EventDecoder decoder;
    private transient Identity identity;
    private transient Counter duplicates;

    public Dedupe(Duration horizon) {
        this.horizonMillis = horizon.toMillis();
    }

    /** Reads the identity of the one event a record holds; NONE for states. */
    private static final class Identity implements MarketListener {
        static final long NONE = Long.MIN_VALUE;
        long value;

        @Override
        public void onLiquidation(Liquidation e) {
            value = LiquidationDeduplicator.identity(e);
        }

        @Override
        public void onTrade(Trade e) {
            // trades and liquidations share the key space of their instrument: keep them apart
            value = e.id() * 0x9E3779B97F4A7C15L + 1;
        }
    }

    @Override
    public void open(OpenContext context) {
        seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen", Long.class, Long.class));
        decoder = new EventDecoder(new InstrumentRegistry());
        identity = new Identity();
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
    }

    @Override
    public void processElement(byte[] record, Context ctx, Collector<byte[]> out) throws Exception {
        identity.value = Identity.NONE;
        decoder.decode(record, identity);
        if (identity.value == Identity.NONE) {
            out.collect(record);
            return;
        }
        if (seen.contains(identity.value)) {
            duplicates.inc();
            return;
        }
        long expiry = roundUpToMinute(ctx.timestamp() + horizonMillis);
        seen.put(identity.value, expiry);
        ctx.timerService().registerEventTimeTimer(expiry); // one timer per key and minute: Flink dedupes them
        out.collect(record);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<byte[]> out) throws Exception {
        var entries = seen.iterator();
        while (entries.hasNext()) {
            if (entries.next().getValue() <= timestamp) {
                entries.remove();
            }
        }
        if (seen.isEmpty()) {
            seen.clear(); // drops the key's (empty) map itself
        }
    }

    private static long roundUpToMinute(long millis) {
        long minute = Micros.PER_MINUTE / 1000;
        return Math.floorDiv(millis + minute - 1, minute) * minute;
    }
}
