package dev.cascade.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.testkit.Events;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    /** 2025-06-05T14:00:00Z. */
    static final long T0 = 1_749_132_000_000_000L;

    @TempDir
    Path dir;

    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument swap = events.inverse(Venue.OKX_SWAP, "BTC-USD-SWAP", "BTC", 100);

    /** The i-th liquidation of the tests' stream: a millisecond apart, sizes and sides varying. */
    static Liquidation liquidation(Instrument instrument, int i) {
        return Events.liquidation(instrument, i % 3 == 0 ? Side.SHORT : Side.LONG, 1 + i % 7, 100_000 + i % 13,
                T0 + i * 1_000L);
    }

    private void write(Path store, int from, int to) throws Exception {
        try (Store s = Store.open(store); StoreWriter w = new StoreWriter(s, true, 10, n -> { })) {
            for (int i = from; i < to; i++) {
                w.onLiquidation(liquidation(i % 2 == 0 ? btc : swap, i));
                w.onTrade(Events.trade(btc, i % 2 == 0 ? TakerSide.BUY : TakerSide.SELL, 0.5, 100_000, i, T0 + i * 1_000L));
            }
            w.onOpenInterest(new OpenInterest().set(swap, 5_000_000, 5_000_000, T0, T0 + 50));
        }
    }

    @Test
    void shouldStoreTheSameEventsOnceHoweverOftenTheyAreWritten() throws Exception {
        write(dir, 0, 1_000);
        write(dir, 500, 1_500); // overlaps the first half: a replay of the same data, a live run's restart
        write(dir, 0, 1_500);
        try (Store s = Store.open(dir)) {
            assertThat(s.count(Tables.LIQUIDATIONS)).isEqualTo(1_500);
            assertThat(s.count(Tables.TRADES)).isEqualTo(1_500);
            assertThat(s.count(Tables.OPEN_INTEREST)).isEqualTo(1);
        }
    }

    @Test
    void shouldGiveBackEveryEventWithItsInstrumentAndValues() throws Exception {
        write(dir, 0, 300);
        double[] bar = new double[Tables.BAR_DOUBLES];
        long[] times = new long[Tables.BAR_LONGS];
        for (int k = 0; k < bar.length; k++) {
            bar[k] = 1.5 * k;
        }
        for (int k = 1; k < times.length; k++) {
            times[k] = T0 + k;
        }
        times[0] = T0 / Micros.PER_MINUTE;
        try (Store s = Store.open(dir); StoreWriter w = new StoreWriter(s, false, 10, n -> { })) {
            w.onMinuteBar(swap, bar, times, false);
            bar[3] = 99; // a later version of the same minute replaces the first
            w.onMinuteBar(swap, bar, times, false);
            double[] late = bar.clone();
            late[4] = 7; // the minute's late part: another row, kept beside the minute's own
            w.onMinuteBar(swap, late, times, true);
            late[4] = 8; // and its later version replaces it
            w.onMinuteBar(swap, late, times, true);
        }
        CapturingListener got = new CapturingListener();
        InstrumentRegistry fresh = new InstrumentRegistry();
        List<Object[]> bars = new java.util.ArrayList<>();
        try (Store s = Store.open(dir)) {
            // trades are history, not read back: their minute bars carry what the aggregates need
            assertThat(s.load(fresh, got, (i, d, t, isLate) -> bars.add(new Object[] {i, d.clone(), t.clone(), isLate})))
                    .isEqualTo(300 + 1 + 2);
            assertThat(s.count(Tables.TRADES)).isEqualTo(300);
        }
        assertThat(bars).hasSize(2);
        assertThat(((Instrument) bars.get(0)[0]).contractSize()).isEqualTo(100);
        assertThat((double[]) bars.get(0)[1]).isEqualTo(bar);
        assertThat((long[]) bars.get(0)[2]).isEqualTo(times);
        assertThat(bars.get(0)[3]).isEqualTo(false);
        assertThat(((double[]) bars.get(1)[1])[4]).isEqualTo(8);
        assertThat((long[]) bars.get(1)[2]).as("the late part's minute is the minute's").isEqualTo(times);
        assertThat(bars.get(1)[3]).isEqualTo(true);
        List<Liquidation> liquidations = got.liquidations;
        assertThat(liquidations).hasSize(300);
        for (int i = 0; i < 300; i++) {
            Liquidation expected = liquidation(i % 2 == 0 ? btc : swap, i);
            Liquidation l = liquidations.get(i);
            assertThat(l.exchangeMicros()).isEqualTo(expected.exchangeMicros());
            assertThat(l.receiveMicros()).isEqualTo(expected.receiveMicros());
            assertThat(l.side()).isEqualTo(expected.side());
            assertThat(l.usd()).isEqualTo(expected.usd()); // contract size kept: the inverse swap is 100 USD a contract
            assertThat(l.instrument().symbol()).isEqualTo(expected.instrument().symbol());
            assertThat(l.instrument().venue()).isEqualTo(expected.instrument().venue());
        }
        assertThat(got.trades).isEmpty();
        assertThat(got.openInterest.get(0).usd()).isEqualTo(5_000_000);
    }

    @Test
    void shouldDropWholeDaysPastTheRetention() throws Exception {
        try (Store s = Store.open(dir); StoreWriter w = new StoreWriter(s, false, 10, n -> { })) {
            for (int day = 0; day < 4; day++) {
                w.onLiquidation(liquidation(btc, day).set(btc, Side.LONG, 1, 100_000, T0 + day * Micros.PER_DAY,
                        T0 + day * Micros.PER_DAY));
            }
        }
        try (Store s = Store.open(dir)) {
            assertThat(s.count(Tables.LIQUIDATIONS)).isEqualTo(4);
            s.dropBefore(T0 + 2 * Micros.PER_DAY + Micros.PER_HOUR); // days 0 and 1 go; day 2 is partly young
            assertThat(s.count(Tables.LIQUIDATIONS)).isEqualTo(2);
            assertThat(s.latestMicros()).isEqualTo(T0 + 3 * Micros.PER_DAY);
            // counted back from the latest event (day 3, 14:00): 12 hours reach into day 3 only, so day 2 goes
            s.dropOlderThan(12 * Micros.PER_HOUR);
            assertThat(s.count(Tables.LIQUIDATIONS)).isEqualTo(1);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldLoseNoAcknowledgedRowWhenKilledDuringIngest() throws Exception {
        int total = 200_000;
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StoreChild.class.getName(), dir.toString(), Integer.toString(total)).redirectErrorStream(true).start();
        long acked = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("acked ")) {
                    acked = Long.parseLong(line.substring(6));
                    if (acked >= 20_000) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                        break;
                    }
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acked).as("the child acknowledged rows before it was killed").isGreaterThanOrEqualTo(20_000);
        long stored;
        try (Store s = Store.open(dir)) {
            stored = s.count(Tables.LIQUIDATIONS);
            assertThat(stored).as("every acknowledged row survives").isGreaterThanOrEqualTo(acked).isLessThan(total);
            // the rows are the first ones written, each once
            CapturingListener got = new CapturingListener();
            s.load(new InstrumentRegistry(), got, (i, d, t, isLate) -> { });
            List<Liquidation> l = got.liquidations;
            for (int i = 0; i < l.size(); i++) {
                assertThat(l.get(i).exchangeMicros()).isEqualTo(T0 + i * 1_000L);
            }
        }
        // a restart that ingests everything again stores each row once
        Process again = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StoreChild.class.getName(), dir.toString(), Integer.toString(total)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(again.waitFor(90, TimeUnit.SECONDS)).isTrue();
        try (Store s = Store.open(dir)) {
            assertThat(s.count(Tables.LIQUIDATIONS)).isEqualTo(total);
        }
    }

    @Test
    void shouldRebuildTheTotalsFromWhatWasStored() throws Exception {
        dev.cascade.analytics.LiquidationTotals before = new dev.cascade.analytics.LiquidationTotals();
        for (int i = 0; i < 400; i++) {
            before.add(liquidation(i % 2 == 0 ? btc : swap, i));
        }
        write(dir, 0, 400);
        dev.cascade.analytics.LiquidationTotals after = new dev.cascade.analytics.LiquidationTotals();
        try (Store s = Store.open(dir)) {
            s.load(new InstrumentRegistry(), new dev.cascade.model.MarketListener() {
                @Override
                public void onLiquidation(Liquidation e) {
                    after.add(e);
                }
            }, (i, d, t, isLate) -> { });
        }
        LiquidationSummary a = before.total();
        LiquidationSummary b = after.total();
        assertThat(b.total().usd()).isEqualTo(a.total().usd());
        assertThat(b.total().count()).isEqualTo(a.total().count());
        assertThat(b.byVenue().keySet()).isEqualTo(a.byVenue().keySet());
    }
}
