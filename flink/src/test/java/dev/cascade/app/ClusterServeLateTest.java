package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.dedupe.DedupingListener;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.flink.CascadeFlinkJob;
import dev.cascade.kafka.EmbeddedKafka;
import dev.cascade.kafka.KafkaEventSink;
import dev.cascade.kafka.Topics;
import dev.cascade.model.Instrument;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Tee;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A trade that reaches the job after its minute closed and its lateness passed goes to the late topic, in no
 * minute the job emits; {@code serve --source kafka} adds it to its minute as a restarted in-process state adds
 * the store's late parts, so the served minute is the one an in-process count of every event gives.
 */
@Tag("cluster")
class ClusterServeLateTest {
    private static final long MINUTE = 29_000_000L * Micros.PER_MINUTE;
    private static final long SECOND = 1_000_000L;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldAddTheJobsLateTradesToTheirMinutes() throws Exception {
        Events events = new Events();
        Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
        Topics topics = Topics.withPrefix("lt.");
        MarketState counted = Storage.newState(); // the in-process count of the same events
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(1, List.of(topics.liquidations(), topics.trades(), topics.market(), topics.overview(),
                    "lt.minutes", "lt.late"));
            try (KafkaEventSink sink = KafkaEventSink.connect(kafka.bootstrap(), topics)) {
                MarketListener both = new Tee(sink, new DedupingListener(counted));
                // the minute, and one 15 minutes on that moves every partition's watermark past its lateness
                for (long at : new long[] {MINUTE, MINUTE + 15 * Micros.PER_MINUTE}) {
                    both.onMarkPrice(new MarkPrice().set(btc, 100_000, 100_000, at + 5 * SECOND, at + 5 * SECOND));
                    both.onLiquidation(Events.liquidation(btc, Side.LONG, 0.1, 99_900, at + 15 * SECOND));
                    for (int i = 1; i <= 3; i++) {
                        both.onTrade(Events.trade(btc, i == 2 ? TakerSide.SELL : TakerSide.BUY, 0.2 * i, 100_000 + i,
                                at / SECOND + i, at + 10 * i * SECOND));
                    }
                }
                sink.flush();

                StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                env.setParallelism(2);
                env.enableCheckpointing(500, CheckpointingMode.EXACTLY_ONCE);
                CascadeFlinkJob.build(env, new CascadeFlinkJob.Settings(kafka.bootstrap(), topics, "lt.minutes",
                        "lt.late", "lt", Duration.ofSeconds(5), Duration.ofMinutes(10), false,
                        DeliveryGuarantee.EXACTLY_ONCE, null, null));
                JobClient flink = env.executeAsync("cascade with a late trade");
                CountDownLatch ended = new CountDownLatch(1);
                ClusterServeJob served = ClusterServeJob.start(new ClusterServeJob.Settings(kafka.bootstrap(), topics,
                        "lt.minutes", "lt.late", FigureSettings.DEFAULT, ClusterServeJob.HORIZON,
                        ClusterServeJob.DISCOVER_EVERY), p -> { }, new AtomicLong(), ended::countDown);
                try {
                    awaitTrades(served, 3); // the job's minute, closed: its watermark is 15 minutes on
                    // a trade of that minute, arriving now: past the job's lateness, so on its late topic only
                    both.onTrade(Events.trade(btc, TakerSide.BUY, 0.5, 100_050, MINUTE / SECOND + 4, MINUTE + 40 * SECOND));
                    sink.flush();
                    while (served.lateApplied() < 1) {
                        assertThat(served.failure()).isNull();
                        Thread.onSpinWait();
                    }
                    assertThat(tradesOfTheMinute(served)).isEqualTo(4);
                    BarSeries expected = minute(counted);
                    BarSeries actual = served.view().query(ClusterServeLateTest::minute);
                    assertThat(actual.isSameAs(expected)).as("served %s, counted %s", row(actual), row(expected)).isTrue();
                    assertThat(served.lateApplied()).isEqualTo(1);
                    assertThat(served.rejectedResults()).isZero();
                } finally {
                    served.close();
                    flink.cancel().get();
                }
                assertThat(ended.await(15, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    private static void awaitTrades(ClusterServeJob served, long trades) throws Exception {
        while (tradesOfTheMinute(served) < trades) {
            assertThat(served.failure()).isNull();
            Thread.sleep(100);
        }
    }

    private static long tradesOfTheMinute(ClusterServeJob served) throws Exception {
        BarSeries m = served.view().query(ClusterServeLateTest::minute);
        return m.isEmpty() ? 0 : m.trades(0);
    }

    /** BTCUSDT's bar of {@link #MINUTE} alone (empty when there is none yet). */
    private static BarSeries minute(MarketState state) {
        for (InstrumentBars b : state.bars().instruments()) {
            int i = b.minutes().indexOf(Math.floorDiv(MINUTE, Micros.PER_MINUTE));
            if (b.instrument().symbol().equals("BTCUSDT") && i >= 0) {
                double[] d = new double[BarSeries.DOUBLES];
                long[] t = new long[BarSeries.LONGS];
                b.minutes().export(i, d, t);
                return BarSeries.ofRow(d, t);
            }
        }
        return new BarSeries();
    }

    private static String row(BarSeries s) {
        return s.isEmpty() ? "none" : s.trades(0) + " trades, " + s.buyUsd(0) + " bought, " + s.sellUsd(0) + " sold, "
                + s.open(0) + "-" + s.close(0);
    }
}
