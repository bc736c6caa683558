package dev.cascade.flink;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoSerializable;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.cascade.analytics.EventCounts;
import dev.cascade.analytics.LiquidationTotals;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.kafka.EventCodec;
import dev.cascade.kafka.EventDecoder;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Tee;
import java.util.Arrays;

/**
 * The window state of one instrument-minute: Cascade's own aggregators ({@link LiquidationTotals},
 * {@link EventCounts}, {@link MarketBars}), fed incrementally as events arrive, plus what it takes to rebuild
 * them elsewhere.
 *
 * <p>Why the rebuild: the aggregators index their arrays by process-local coin and instrument ids, so their
 * memory is only meaningful inside the JVM that built it. A checkpoint therefore stores, in portable form:
 * the minute's liquidations and states as records (the Kafka encoding), replayed on restore into fresh
 * liquidation totals and counts; the minute's bar as the row the store keeps ({@link BarSeries#export}),
 * restored as the store restores it; and the trades, a hundred times as many and already in the bar, as a
 * count and a first and last time ({@link EventCounts#restoreTrades}). The first record of the minute goes
 * along to name the instrument.
 */
public final class MinuteAccumulator implements KryoSerializable {
    final LiquidationTotals liquidations = new LiquidationTotals();
    final EventCounts counts = new EventCounts();
    final MarketBars bars = new MarketBars();
    private final MarketListener aggregators = new Tee(counts, liquidations, bars);
    /** A restore replays records here: the bar comes back whole from its row. */
    private final MarketListener withoutBars = new Tee(counts, liquidations);
    /** The minute's first record: it names the instrument and its coin, in a checkpoint too. */
    private byte[] identity;
    /** The minute's records other than trades, each as a 4-byte length and its bytes. */
    private byte[] log = new byte[256];
    private int logLength;
    private long trades;
    private long firstTradeMicros = Long.MAX_VALUE;
    private long lastTradeMicros = Long.MIN_VALUE;

    /** Counts one record; returns false when it was not an event (it is then neither counted nor kept). */
    boolean add(byte[] record, EventDecoder decoder) {
        if (!decoder.decode(record, aggregators)) {
            return false;
        }
        if (identity == null) {
            identity = record;
        }
        if (EventCodec.kind(record) == EventCodec.Kind.TRADE) {
            long micros = EventCodec.exchangeMicros(record);
            trades++;
            firstTradeMicros = Math.min(firstTradeMicros, micros);
            lastTradeMicros = Math.max(lastTradeMicros, micros);
        } else {
            append(record, 0, record.length);
        }
        return true;
    }

    void merge(MinuteAccumulator other) {
        identity = identity != null ? identity : other.identity;
        bars.merge(other.bars);
        liquidations.merge(other.liquidations);
        counts.merge(other.counts);
        ensure(other.logLength);
        System.arraycopy(other.log, 0, log, logLength, other.logLength);
        logLength += other.logLength;
        trades += other.trades;
        firstTradeMicros = Math.min(firstTradeMicros, other.firstTradeMicros);
        lastTradeMicros = Math.max(lastTradeMicros, other.lastTradeMicros);
    }

    InstrumentMinute readOut() {
        InstrumentMinute m = InstrumentMinute.of(liquidations, counts, bars);
        m.coin = identity == null ? null : EventCodec.coin(identity);
        Instrument instrument = identity == null ? null : new EventDecoder(new InstrumentRegistry()).instrumentOf(identity);
        if (instrument != null) {
            InstrumentSpec spec = instrument.spec();
            m.contractType = spec.type().name();
            m.contractSize = spec.contractSize();
            m.contractCurrency = spec.contractCurrency();
            m.usdQuoted = spec.isUsdQuoted();
        }
        return m;
    }

    private void append(byte[] record, int from, int length) {
        ensure(4 + length);
        log[logLength++] = (byte) (length >>> 24);
        log[logLength++] = (byte) (length >>> 16);
        log[logLength++] = (byte) (length >>> 8);
        log[logLength++] = (byte) length;
        System.arraycopy(record, from, log, logLength, length);
        logLength += length;
    }

    private void ensure(int more) {
        if (logLength + more > log.length) {
            log = Arrays.copyOf(log, Math.max(log.length * 2, logLength + more));
        }
    }

    @Override
    public void write(Kryo kryo, Output output) {
        writeBar(output);
        output.writeLong(trades);
        output.writeLong(firstTradeMicros);
        output.writeLong(lastTradeMicros);
        output.writeInt(logLength);
        output.writeBytes(log, 0, logLength);
    }

    @Override
    public void read(Kryo kryo, Input input) {
        EventDecoder decoder = new EventDecoder(new InstrumentRegistry());
        readBar(input, decoder);
        trades = input.readLong();
        firstTradeMicros = input.readLong();
        lastTradeMicros = input.readLong();
        counts.restoreTrades(trades, firstTradeMicros, lastTradeMicros);
        byte[] stored = input.readBytes(input.readInt());
        for (int at = 0; at + 4 <= stored.length; ) {
            int length = ((stored[at] & 0xff) << 24) | ((stored[at + 1] & 0xff) << 16) | ((stored[at + 2] & 0xff) << 8)
                    | (stored[at + 3] & 0xff);
            byte[] record = Arrays.copyOfRange(stored, at + 4, at + 4 + length);
            decoder.decode(record, withoutBars);
            append(record, 0, record.length);
            at += 4 + length;
        }
    }

    /** The identity record and the minute's bar row, when there is one. */
    private void writeBar(Output output) {
        output.writeInt(identity == null ? 0 : identity.length);
        if (identity != null) {
            output.writeBytes(identity);
        }
        boolean hasBar = !bars.instruments().isEmpty() && !bars.instruments().get(0).minutes().isEmpty();
        output.writeBoolean(hasBar);
        if (hasBar) {
            double[] d = new double[BarSeries.DOUBLES];
            long[] t = new long[BarSeries.LONGS];
            bars.instruments().get(0).minutes().export(0, d, t);
            output.writeDoubles(d, 0, d.length);
            output.writeLongs(t, 0, t.length);
        }
    }

    private void readBar(Input input, EventDecoder decoder) {
        int identityLength = input.readInt();
        if (identityLength > 0) {
            identity = input.readBytes(identityLength);
        }
        if (input.readBoolean()) {
            double[] d = input.readDoubles(BarSeries.DOUBLES);
            long[] t = input.readLongs(BarSeries.LONGS);
            bars.restoreMinute(decoder.instrumentOf(identity), d, t, false);
        }
    }
}
