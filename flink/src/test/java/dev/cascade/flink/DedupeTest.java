package dev.cascade.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.kafka.EventCodec;
import dev.cascade.model.Instrument;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dedupe operator in Flink's keyed test harness: its keyed state and its event-time timers. */
class DedupeTest {
    private static final long T = Micros.of(Instant.parse("2025-06-05T13:30:00Z"));
    private static final long T_MS = T / 1000;
    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument eth = events.linear(Venue.BINANCE_USDM, "ETHUSDT", "ETH");
    private KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new Dedupe(Duration.ofMinutes(15)),
                new CascadeFlinkJob.InstrumentKey(), Types.STRING);
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
        // three identities on BTCUSDT, one on ETHUSDT; one timer per key at the minute the first expires
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);
    }

    @Test
    void identitiesAreForgottenAfterTheHorizonByTheirTimer() throws Exception {
        byte[] liquidation = EventCodec.encode(Events.liquidation(btc, Side.SHORT, 2, 104_000, T));
        send(liquidation);
        harness.processWatermark(T_MS + Duration.ofMinutes(10).toMillis());
        send(liquidation); // within the horizon: a repeat
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(T_MS + Duration.ofMinutes(17).toMillis());
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
        send(liquidation); // the state is gone: a replay from far back would count again, as the window would drop it
        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void stateSurvivesASnapshotAndRestore() throws Exception {
        byte[] trade = EventCodec.encode(Events.trade(btc, TakerSide.BUY, 1, 104_000, 5, T));
        send(trade);
        var snapshot = harness.snapshot(1, T_MS);
        harness.close();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new Dedupe(Duration.ofMinutes(15))),
                new CascadeFlinkJob.InstrumentKey(), Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        send(trade);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }
}
