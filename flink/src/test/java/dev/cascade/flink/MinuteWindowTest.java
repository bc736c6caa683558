package dev.cascade.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.kafka.EventCodec;
import dev.cascade.model.Instrument;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job's window operator, exactly as {@link CascadeFlinkJob#windows} builds it, in Flink's keyed test harness:
 * firing on the watermark, re-firing for late events within the lateness, the side output beyond it, and the
 * accumulator through a snapshot and restore.
 */
class MinuteWindowTest {
    private static final long MINUTE = Micros.of(Instant.parse("2025-06-05T13:30:00Z"));
    private static final long MINUTE_MS = MINUTE / 1000;
    private final Events events = new Events();
    private final Instrument btcUsd = events.inverse(Venue.BYBIT_INVERSE, "BTCUSD", "BTC", 1);
    private final CascadeFlinkJob.Settings settings = new CascadeFlinkJob.Settings("unused:9092",
            dev.cascade.kafka.Topics.defaults(), "minutes", "late", "test", Duration.ofSeconds(5), Duration.ofMinutes(2),
            true, org.apache.flink.connector.base.DeliveryGuarantee.AT_LEAST_ONCE, null, null);
    private KeyedOneInputStreamOperatorTestHarness<String, byte[], InstrumentMinute> harness;

    @SuppressWarnings("unchecked")
    private KeyedOneInputStreamOperatorTestHarness<String, byte[], InstrumentMinute> newHarness() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        var input = env.fromData(List.of(new byte[0]), PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        var transformation = (OneInputTransformation<byte[], InstrumentMinute>) CascadeFlinkJob.windows(input.keyBy(new CascadeFlinkJob.InstrumentKey(), org.apache.flink.api.common.typeinfo.Types.STRING), settings)
                .getTransformation();
        return new KeyedOneInputStreamOperatorTestHarness<>(
                transformation.getOperatorFactory(),
                (org.apache.flink.api.java.functions.KeySelector<byte[], String>) transformation.getStateKeySelector(),
                (org.apache.flink.api.common.typeinfo.TypeInformation<String>) transformation.getStateKeyType());
    }

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(byte[] record) throws Exception {
        harness.processElement(record, EventCodec.exchangeMicros(record) / 1000);
    }

    private static byte[] liquidation(Instrument i, Side side, double usd, long micros) {
        return EventCodec.encode(Events.liquidation(i, side, usd, 104_000, micros));
    }

    @Test
    void aMinuteIsReadOutWhenTheWatermarkPassesAndAgainForEachLateEvent() throws Exception {
        send(liquidation(btcUsd, Side.LONG, 8_000_000, MINUTE + 5 * Micros.PER_SECOND));
        send(liquidation(btcUsd, Side.SHORT, 100_000, MINUTE + 20 * Micros.PER_SECOND));
        send(EventCodec.encode(Events.trade(btcUsd, TakerSide.SELL, 5_000, 104_000, 1, MINUTE + 30 * Micros.PER_SECOND)));
        send(liquidation(btcUsd, Side.LONG, 1_000, MINUTE + 70 * Micros.PER_SECOND)); // the next minute
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(MINUTE_MS + 60_000 - 1); // the end of the first minute
        List<InstrumentMinute> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        InstrumentMinute m = out.get(0);
        assertThat(m.key()).isEqualTo("bybit-inverse:BTCUSD:" + MINUTE);
        assertThat(m.coin).isEqualTo("BTC");
        assertThat(m.exchange).isEqualTo("bybit");
        assertThat(m.revision).isZero();
        assertThat(m.longUsd).isEqualTo(8_000_000);
        assertThat(m.shortUsd).isEqualTo(100_000);
        assertThat(m.longCount).isEqualTo(1);
        assertThat(m.trades).isEqualTo(1);
        assertThat(m.takerSellUsd).isEqualTo(5_000); // inverse: contracts of 1 USD
        assertThat(m.takerBuyUsd).isZero();
        assertThat(m.close).isEqualTo(104_000);
        assertThat(m.markPrice).isNull();
        assertThat(m.largestSide).isEqualTo("long");
        assertThat(m.largestUsd).isEqualTo(8_000_000);

        // late, but within the 2-minute lateness: the minute is read out again with it
        harness.processWatermark(MINUTE_MS + 120_000);
        send(liquidation(btcUsd, Side.LONG, 500_000, MINUTE + 50 * Micros.PER_SECOND));
        List<InstrumentMinute> all = harness.extractOutputValues();
        InstrumentMinute revised = all.get(all.size() - 1);
        assertThat(revised.minuteMicros).isEqualTo(MINUTE);
        assertThat(revised.revision).isEqualTo(1);
        assertThat(revised.longUsd).isEqualTo(8_500_000);
        assertThat(revised.longCount).isEqualTo(2);
        assertThat(harness.getSideOutput(CascadeFlinkJob.LATE)).isNull();

        // beyond the lateness: the window is gone, the event goes to the side output as it came
        harness.processWatermark(MINUTE_MS + 60_000 + 120_000 + 1);
        byte[] tooLate = liquidation(btcUsd, Side.LONG, 42, MINUTE + 10 * Micros.PER_SECOND);
        int before = harness.extractOutputValues().size();
        send(tooLate);
        assertThat(harness.extractOutputValues()).hasSize(before);
        assertThat(harness.getSideOutput(CascadeFlinkJob.LATE)).hasSize(1);
        assertThat(harness.getSideOutput(CascadeFlinkJob.LATE).peek().getValue()).isEqualTo(tooLate);
    }

    @Test
    void anOpenMinuteSurvivesASnapshotAndARestoreInAFreshOperator() throws Exception {
        send(liquidation(btcUsd, Side.LONG, 3_000_000, MINUTE + 1 * Micros.PER_SECOND));
        send(liquidation(btcUsd, Side.SHORT, 250_000, MINUTE + 2 * Micros.PER_SECOND));
        send(EventCodec.encode(Events.trade(btcUsd, TakerSide.BUY, 10, 104_000, 1, MINUTE + 4 * Micros.PER_SECOND)));
        send(EventCodec.encode(Events.trade(btcUsd, TakerSide.BUY, 10, 104_000, 2, MINUTE + 9 * Micros.PER_SECOND)));
        var snapshot = harness.snapshot(1, MINUTE_MS + 3_000);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        send(liquidation(btcUsd, Side.LONG, 1_000_000, MINUTE + 3 * Micros.PER_SECOND));
        send(EventCodec.encode(Events.trade(btcUsd, TakerSide.BUY, 10, 105_000, 3, MINUTE + 20 * Micros.PER_SECOND)));
        harness.processWatermark(MINUTE_MS + 60_000);
        InstrumentMinute m = harness.extractOutputValues().get(0);
        assertThat(m.longUsd).isEqualTo(4_000_000);
        assertThat(m.shortUsd).isEqualTo(250_000);
        assertThat(m.longCount).isEqualTo(2);
        assertThat(m.largestUsd).isEqualTo(3_000_000);
        assertThat(m.trades).isEqualTo(3);
        assertThat(m.firstMicros).isEqualTo(MINUTE + 1 * Micros.PER_SECOND);
        assertThat(m.lastMicros).isEqualTo(MINUTE + 20 * Micros.PER_SECOND);
        // the bar came back from its row and went on: two trades before the snapshot, one after
        assertThat(m.takerBuyUsd).isEqualTo(30);
        assertThat(m.open).isEqualTo(104_000);
        assertThat(m.high).isEqualTo(105_000);
        assertThat(m.close).isEqualTo(105_000);
        assertThat(m.coin).isEqualTo("BTC");
    }
}
