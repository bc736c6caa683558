package dev.cascade.flink;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoSerializable;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.cascade.analytics.EventCounts;
import dev.cascade.analytics.LiquidationTotals;
import dev.cascade.kafka.EventCodec;
import dev.cascade.kafka.EventDecoder;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Tee;
import java.util.Arrays;

/**
 * The window state of one instrument-minute: Cascade's own aggregators, fed incrementally as events arrive,
 * plus what it takes to rebuild them elsewhere.
 *
 * <p>Why the rebuild: the aggregators index their arrays by process-local coin and instrument ids, so their
 * memory is only meaningful inside the JVM that built it. A checkpoint therefore stores the minute's
 * liquidations and states as records (the portable Kafka encoding), and a restore, on any TaskManager, replays
 * them into fresh aggregators, which are deterministic. Trades, a hundred times as many, only count here, so
 * they are kept as their count and first and last time, which is all {@link EventCounts#restoreTrades} needs.
 */
public final class MinuteAccumulator implements KryoSerializable {
    final LiquidationTotals liquidations = new LiquidationTotals();
    final EventCounts counts = new EventCounts();
    private final MarketListener aggregators = new Tee(counts, liquidations);
    private String coin;
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
        if (coin == null) {
            coin = EventCodec.coin(record);
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
        coin = coin != null ? coin : other.coin;
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
        InstrumentMinute m = InstrumentMinute.of(liquidations, counts);
        m.coin = coin;
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
        output.writeLong(trades);
        output.writeLong(firstTradeMicros);
        output.writeLong(lastTradeMicros);
        output.writeInt(logLength);
        output.writeBytes(log, 0, logLength);
    }

    @Override
    public void read(Kryo kryo, Input input) {
        trades = input.readLong();
        firstTradeMicros = input.readLong();
        lastTradeMicros = input.readLong();
        counts.restoreTrades(trades, firstTradeMicros, lastTradeMicros);
        byte[] stored = input.readBytes(input.readInt());
        EventDecoder decoder = new EventDecoder(new InstrumentRegistry());
        for (int at = 0; at + 4 <= stored.length; ) {
            int length = ((stored[at] & 0xff) << 24) | ((stored[at + 1] & 0xff) << 16) | ((stored[at + 2] & 0xff) << 8)
                    | (stored[at + 3] & 0xff);
            add(Arrays.copyOfRange(stored, at + 4, at + 4 + length), decoder);
            at += 4 + length;
        }
    }
}
