package dev.cascade.flink;

import dev.cascade.analytics.dedupe.LiquidationDeduplicator;
import dev.cascade.analytics.dedupe.TradeDeduplicator;
import dev.cascade.kafka.EventDecoder;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Trade;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Drops a liquidation or trade already seen for its instrument (the stream is keyed by {@code venue:symbol}) with
 * the in-process semantics exactly ({@link LiquidationDeduplicator}, {@link TradeDeduplicator}): the same identity
 * (a liquidation's hash of time, side, price and quantity; a trade's venue id) and the same horizon, counted in the
 * instrument's own events. Per instrument it keeps its last {@value LiquidationDeduplicator#RECENT} liquidations;
 * its highest trade id (a higher one is new), its last {@value TradeDeduplicator#RECENT} rising trade ids, and its
 * last {@value TradeDeduplicator#LATE} ids that came out of order. States (open interest, marks, funding, candles)
 * pass.
 *
 * <p>Both see an instrument's events in the same order (one Kafka partition per instrument, written in the
 * collector's order), and both horizons depend on nothing else, so they drop the same events; DedupeParityTest
 * feeds both the same repeats. The sets live in keyed map state, a few entries touched per event, so that the
 * RocksDB backend reads and writes entries, not whole sets.
 */
public final class Dedupe extends KeyedProcessFunction<String, byte[], byte[]> {
    private transient KeyedRecentKeys liquidations;
    private transient ValueState<Long> maxTradeId;
    private transient KeyedRecentKeys risingTrades;
    private transient KeyedRecentKeys lateTrades;
    private transient EventDecoder decoder;
    private transient Identity identity;
    private transient Counter duplicates;

    /** Reads the identity of the one event a record holds: a liquidation's hash, a trade's id, or none (a state). */
    private static final class Identity implements MarketListener {
        boolean isLiquidation;
        boolean isTrade;
        long value;

        @Override
        public void onLiquidation(Liquidation e) {
            isLiquidation = true;
            value = LiquidationDeduplicator.identity(e);
        }

        @Override
        public void onTrade(Trade e) {
            isTrade = true;
            value = e.id();
        }
    }

    /** TradeDeduplicator.isNew for one instrument, in keyed state. */
    private boolean isNewTrade(long id) throws Exception {
        Long max = maxTradeId.value();
        if (max == null || id > max) {
            maxTradeId.update(id);
            risingTrades.add(id);
            return true;
        }
        return !risingTrades.contains(id) && lateTrades.add(id);
    }

    @Override
    public void open(OpenContext context) {
        RuntimeContext r = getRuntimeContext();
        liquidations = new KeyedRecentKeys(r, "liquidations", LiquidationDeduplicator.RECENT);
        maxTradeId = r.getState(new ValueStateDescriptor<>("max-trade-id", Long.class));
        risingTrades = new KeyedRecentKeys(r, "rising-trades", TradeDeduplicator.RECENT);
        lateTrades = new KeyedRecentKeys(r, "late-trades", TradeDeduplicator.LATE);
        decoder = new EventDecoder(new InstrumentRegistry());
        identity = new Identity();
        duplicates = r.getMetricGroup().counter("duplicates");
    }

    @Override
    public void processElement(byte[] record, Context ctx, Collector<byte[]> out) throws Exception {
        identity.isLiquidation = false;
        identity.isTrade = false;
        decoder.decode(record, identity);
        boolean isNew = identity.isLiquidation ? liquidations.add(identity.value)
                : !identity.isTrade || isNewTrade(identity.value);
        if (isNew) {
            out.collect(record);
        } else {
            duplicates.inc();
        }
    }

    /**
     * RecentKeys in keyed state: the key's last {@code capacity} distinct values, the oldest forgotten first. Each
     * value is kept under the slot it was written to (the count of values added, modulo the capacity), which the
     * next value to take that slot evicts.
     */
    static final class KeyedRecentKeys {
        private final int capacity;
        private final MapState<Long, Long> slotByValue;
        private final MapState<Long, Long> valueBySlot;
        private final ValueState<Long> added;

        KeyedRecentKeys(RuntimeContext r, String name, int capacity) {
            this.capacity = capacity;
            this.slotByValue = r.getMapState(new MapStateDescriptor<>(name, Long.class, Long.class));
            this.valueBySlot = r.getMapState(new MapStateDescriptor<>(name + "-slots", Long.class, Long.class));
            this.added = r.getState(new ValueStateDescriptor<>(name + "-added", Long.class));
        }

        boolean contains(long value) throws Exception {
            return slotByValue.contains(value);
        }

        /** Adds the value; false when it was already there. */
        boolean add(long value) throws Exception {
            if (slotByValue.contains(value)) {
                return false;
            }
            long n = added.value() == null ? 0 : added.value();
            long slot = n % capacity;
            Long evicted = valueBySlot.get(slot);
            if (evicted != null) {
                slotByValue.remove(evicted);
            }
            valueBySlot.put(slot, value);
            slotByValue.put(value, slot);
            added.update(n + 1);
            return true;
        }
    }
}
