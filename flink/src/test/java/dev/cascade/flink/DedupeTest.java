package dev.cascade.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.analytics.dedupe.TradeDeduplicator;
import dev.cascade.kafka.EventCodec;
import dev.cascade.model.Instrument;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dedupe operator in Flink's keyed test harness: its keyed state, bounded per instrument, and its restore. */
class DedupeTest {
    private static final long T = Micros.of(Instant.parse("2025-06-05T13:30:00Z"));
    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument eth = events.linear(Venue.BINANCE_USDM, "ETHUSDT", "ETH");
    private KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new Dedupe(), new CascadeFlinkJob.InstrumentKey(),
                Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(byte[] record) throws Exception {
        harness.processElement(record, EventCodec.exchangeMicros(record) / 1000);
    }

    @Test
    void aRepeatedLiquidationOrTradeIsDroppedAndStatesPass() throws Exception {
        byte[] liquidation = EventCodec.encode(Events.liquidation(btc, Side.LONG, 2, 104_000, T));
        byte[] sameOnEth = EventCodec.encode(Events.liquidation(eth, Side.LONG, 2, 104_000, T));
        byte[] otherPrice = EventCodec.encode(Events.liquidation(btc, Side.LONG, 2, 104_000.5, T));
        byte[] trade = EventCodec.encode(Events.trade(btc, TakerSide.SELL, 1, 104_000, 77, T));
        byte[] mark = EventCodec.encode(new MarkPrice().set(btc, 104_000, 104_001, T, T));
        for (byte[] r : new byte[][] {liquidation, liquidation, sameOnEth, otherPrice, trade, trade, mark, mark}) {
            send(r);
        }
        assertThat(harness.extractOutputValues()).containsExactly(liquidation, sameOnEth, otherPrice, trade, mark, mark);
        assertThat(harness.numEventTimeTimers()).as("horizons are counted in events, not time").isZero();
    }

    @Test
    void anInstrumentRemembersItsLastRisingIdsAndForgetsOlderOnes() throws Exception {
        int trades = 3 * TradeDeduplicator.RECENT;
        for (long id = 1; id <= trades; id++) {
            send(EventCodec.encode(Events.trade(btc, TakerSide.BUY, 1, 104_000, id, T + id)));
        }
        send(EventCodec.encode(Events.trade(btc, TakerSide.BUY, 1, 104_000, trades - TradeDeduplicator.RECENT + 1, T)));
        assertThat(harness.extractOutputValues()).as("the oldest id kept is a repeat").hasSize(trades);
        byte[] forgotten = EventCodec.encode(Events.trade(btc, TakerSide.BUY, 1, 104_000, trades - TradeDeduplicator.RECENT, T));
        send(forgotten);
        send(forgotten);
        assertThat(harness.extractOutputValues()).as("one beyond it counts once, then is remembered as out of order")
                .hasSize(trades + 1);
    }

    @Test
    void stateSurvivesASnapshotAndRestore() throws Exception {
        byte[] trade = EventCodec.encode(Events.trade(btc, TakerSide.BUY, 1, 104_000, 5, T));
        byte[] older = EventCodec.encode(Events.trade(btc, TakerSide.BUY, 1, 104_000, 3, T));
        byte[] liquidation = EventCodec.encode(Events.liquidation(btc, Side.SHORT, 1, 104_100, T));
        send(trade);
        send(older);
        send(liquidation);
        var snapshot = harness.snapshot(1, T / 1000);
        harness.close();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new Dedupe()),
                new CascadeFlinkJob.InstrumentKey(), Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        send(trade);
        send(older);
        send(liquidation);
        assertThat(harness.extractOutputValues()).isEmpty();
    }
}
