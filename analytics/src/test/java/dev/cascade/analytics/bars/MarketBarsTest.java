package dev.cascade.analytics.bars;

import static dev.cascade.testkit.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.model.Candle;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketBarsTest {
    private static final long T0 = Micros.of(Instant.parse("2025-06-05T14:00:00Z"));
    private static final long MINUTE0 = T0 / Micros.PER_MINUTE;

    private final Events events = new Events();
    private final Instrument btcUsdt = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument btcUsd = events.inverse(Venue.BYBIT_INVERSE, "BTCUSD", "BTC", 1);

    private static long at(long minutes, long seconds) {
        return T0 + minutes * Micros.PER_MINUTE + seconds * Micros.PER_SECOND;
    }

    @Test
    void shouldMakeMinuteBarsWithPricesTimesAndTakerVolumes() {
        MarketBars bars = new MarketBars();
        bars.onTrade(trade(btcUsdt, TakerSide.BUY, 1.0, 100_000, 1, at(0, 10)));
        bars.onTrade(trade(btcUsdt, TakerSide.SELL, 2.0, 99_000, 2, at(0, 20)));   // low
        bars.onTrade(trade(btcUsdt, TakerSide.BUY, 0.5, 101_000, 3, at(0, 30)));   // high
        bars.onTrade(trade(btcUsdt, TakerSide.UNKNOWN, 1.0, 100_500, 4, at(0, 50))); // close
        bars.onTrade(trade(btcUsdt, TakerSide.SELL, 1.0, 98_000, 5, at(2, 0)));

        BarSeries m = bars.of(btcUsdt).minutes();
        assertThat(m.size()).isEqualTo(2);
        assertThat(m.slot(0)).isEqualTo(MINUTE0);
        assertThat(m.open(0)).isEqualTo(100_000);
        assertThat(m.openTime(0)).isEqualTo(at(0, 10));
        assertThat(m.high(0)).isEqualTo(101_000);
        assertThat(m.highTime(0)).isEqualTo(at(0, 30));
        assertThat(m.low(0)).isEqualTo(99_000);
        assertThat(m.lowTime(0)).isEqualTo(at(0, 20));
        assertThat(m.close(0)).isEqualTo(100_500);
        assertThat(m.buyUsd(0)).isEqualTo(100_000 + 50_500);
        assertThat(m.sellUsd(0)).isEqualTo(198_000);
        assertThat(m.volumeUsd(0)).isEqualTo(100_000 + 198_000 + 50_500 + 100_500);
        assertThat(m.volumeCoin(0)).isEqualTo(4.5);
        assertThat(m.trades(0)).isEqualTo(4);
        assertThat(m.slot(1)).isEqualTo(MINUTE0 + 2);

        BarSeries total = bars.of(btcUsdt).total();
        assertThat(total.open(0)).isEqualTo(100_000);
        assertThat(total.close(0)).isEqualTo(98_000);
        assertThat(total.low(0)).isEqualTo(98_000);
        assertThat(total.volumeUsd(0) / total.volumeCoin(0)).isCloseTo(547_000 / 5.5, within(1e-9));
    }

    @Test
    void shouldValueInverseTradesInUsdAndCoins() {
        MarketBars bars = new MarketBars();
        bars.onTrade(trade(btcUsd, TakerSide.SELL, 100_000, 100_000, 1, at(0, 0))); // $100,000 = 1 BTC
        bars.onTrade(trade(btcUsd, TakerSide.SELL, 50_000, 50_000, 2, at(0, 1)));   // $50,000 = 1 BTC
        BarSeries m = bars.of(btcUsd).minutes();
        assertThat(m.sellUsd(0)).isEqualTo(150_000);
        assertThat(m.volumeCoin(0)).isEqualTo(2);
        assertThat(m.volumeUsd(0) / m.volumeCoin(0)).isEqualTo(75_000); // VWAP of an inverse market
    }

    @Test
    void shouldGiveTheSameBarsInAnyOrderIncludingTiesAtOneMicrosecond() {
        MarketBars a = new MarketBars();
        MarketBars b = new MarketBars();
        var x = trade(btcUsdt, TakerSide.BUY, 1, 100, 1, at(0, 5));
        var y = trade(btcUsdt, TakerSide.SELL, 1, 101, 2, at(0, 5));
        var z = trade(btcUsdt, TakerSide.SELL, 1, 99, 3, at(0, 5));
        a.onTrade(x);
        a.onTrade(y);
        a.onTrade(z);
        b.onTrade(z);
        b.onTrade(y);
        b.onTrade(x);
        assertThat(a.of(btcUsdt).minutes().isSameAs(b.of(btcUsdt).minutes())).isTrue();
        BarSeries m = a.of(btcUsdt).minutes();
        assertThat(m.open(0)).isEqualTo(100); // a tie in time opens at the lowest trade id, the first trade
        assertThat(m.close(0)).isEqualTo(99);  // and closes at the highest, the last: not at the higher price
    }

    @Test
    void shouldCloseATieAtTheLaterTradeByIdAlsoWhenMergedFromParts() {
        // two trades of one millisecond, as in a real Binance recording: the later one (higher id) is lower
        var earlier = trade(btcUsdt, TakerSide.BUY, 1, 64_010.5, 7_001, at(0, 5));
        var later = trade(btcUsdt, TakerSide.SELL, 1, 64_002.0, 7_002, at(0, 5));
        MarketBars whole = new MarketBars();
        whole.onTrade(later);
        whole.onTrade(earlier);
        MarketBars first = new MarketBars();
        MarketBars second = new MarketBars();
        first.onTrade(later);
        second.onTrade(earlier);
        first.merge(second);
        for (MarketBars bars : new MarketBars[] {whole, first}) {
            assertThat(bars.of(btcUsdt).minutes().close(0)).isEqualTo(64_002.0);
            assertThat(bars.of(btcUsdt).minutes().open(0)).isEqualTo(64_010.5);
            assertThat(bars.of(btcUsdt).total().close(0)).isEqualTo(64_002.0);
        }
        assertThat(first.of(btcUsdt).minutes().isSameAs(whole.of(btcUsdt).minutes())).isTrue();
        // the same id (a source without ids) still falls back to the price, so every order agrees
        MarketBars same = new MarketBars();
        same.onTrade(trade(btcUsdt, TakerSide.BUY, 1, 100, 9, at(1, 5)));
        same.onTrade(trade(btcUsdt, TakerSide.BUY, 1, 101, 9, at(1, 5)));
        assertThat(same.of(btcUsdt).minutes().close(0)).isEqualTo(101);
    }

    @Test
    void shouldKeepTheLatestOpenInterestMarkAndFundingOfEachMinute() {
        MarketBars bars = new MarketBars();
        bars.onOpenInterest(new OpenInterest().set(btcUsdt, 80_000, Double.NaN, at(0, 40), 0));
        bars.onOpenInterest(new OpenInterest().set(btcUsdt, 81_000, Double.NaN, at(0, 20), 0)); // older: ignored
        bars.onMarkPrice(new MarkPrice().set(btcUsdt, 100_100, Double.NaN, at(0, 50), 0));
        bars.onFundingRate(new FundingRate().set(btcUsdt, 0.0001, 0, at(0, 55), 0));
        InstrumentBars b = bars.of(btcUsdt);
        BarSeries m = b.minutes();
        assertThat(m.openInterest(0)).isEqualTo(80_000);
        assertThat(m.openInterestTime(0)).isEqualTo(at(0, 40));
        assertThat(m.hasTrades(0)).isFalse();
        // a linear venue without a USD figure: the contracts at the bar's mark price
        assertThat(b.openInterestUsd(m, 0)).isEqualTo(80_000 * 100_100.0);
        assertThat(b.openInterestUsdAt(at(0, 59))).isEqualTo(80_000 * 100_100.0);
        assertThat(b.openInterestUsdAt(at(0, 39))).isNaN(); // the minute's only reading came later
        assertThat(m.funding(0)).isEqualTo(0.0001);
    }

    @Test
    void shouldRollOldMinutesIntoHoursAndDropWhatIsOlderThanTheHourRetention() {
        MarketBars bars = new MarketBars(new MarketBars.Retention(Micros.PER_HOUR, 3 * Micros.PER_HOUR));
        for (int m = 0; m < 300; m += 10) { // 14:00 to 18:50
            bars.onTrade(trade(btcUsdt, TakerSide.BUY, 1, 100 + m, m, at(m, 0)));
        }
        InstrumentBars b = bars.of(btcUsdt);
        // latest hour 18:00; minutes from 17:00 on, hours from 15:00 on (14:00 dropped)
        assertThat(b.minutes().slot(0)).isEqualTo(MINUTE0 + 180);
        assertThat(b.minutes().size()).isEqualTo(12);
        BarSeries hours = b.hours();
        assertThat(hours.size()).isEqualTo(4);
        assertThat(hours.slot(0)).isEqualTo(MINUTE0 / 60 + 1);
        assertThat(hours.trades(0)).isEqualTo(6);
        assertThat(hours.open(0)).isEqualTo(160);
        assertThat(hours.close(0)).isEqualTo(210);
        assertThat(hours.trades(3)).isEqualTo(6); // 18:00 from its minutes
        // late events: one for a rolled hour goes into it, one older than the hours is counted and dropped
        bars.onTrade(trade(btcUsdt, TakerSide.SELL, 1, 50, 999, at(65, 0)));
        bars.onTrade(trade(btcUsdt, TakerSide.SELL, 1, 50, 998, at(5, 0)));
        assertThat(b.hours().trades(0)).isEqualTo(7);
        assertThat(b.hours().low(0)).isEqualTo(50);
        assertThat(bars.tooOld()).isEqualTo(1);
        assertThat(b.total().trades(0)).isEqualTo(32); // the whole input keeps everything
    }

    /** A store as the bars use it: one row per minute and per late part, the latest version of each kept. */
    private static final class UpsertStore {
        final java.util.Map<String, Object[]> rows = new java.util.TreeMap<>();

        void put(Instrument i, double[] d, long[] t, boolean isLatePart) {
            rows.put(String.format("%012d %s %b", t[0], i.symbol(), isLatePart), new Object[] {i, d.clone(), t.clone(),
                    isLatePart});
        }

        MarketBars restore(MarketBars.Retention retention) {
            MarketBars bars = new MarketBars(retention);
            bars.keepChanges();
            rows.values().forEach(r -> bars.restoreMinute((Instrument) r[0], (double[]) r[1], (long[]) r[2],
                    (Boolean) r[3]));
            return bars;
        }
    }

    @Test
    void shouldHandTheStoreWhatReachesMinutesAlreadyRolledUpSoThatARestartShowsTheSameBars() {
        MarketBars.Retention retention = new MarketBars.Retention(Micros.PER_HOUR, 48 * Micros.PER_HOUR);
        MarketBars live = new MarketBars(retention);
        live.keepChanges();
        UpsertStore store = new UpsertStore();
        // one venue runs ahead to 18:00; the other's history of 14:00-15:00 comes after, its minutes rolled up
        for (int m = 0; m < 250; m += 5) {
            live.onTrade(trade(btcUsd, TakerSide.BUY, 10, 100 + m, m, at(m, 0)));
        }
        live.drainChanged(store::put);
        for (int m = 0; m < 60; m++) {
            live.onTrade(trade(btcUsdt, m % 2 == 0 ? TakerSide.BUY : TakerSide.SELL, 1, 200 + m, 1_000 + m, at(m, 7)));
        }
        live.onOpenInterest(new OpenInterest().set(btcUsdt, 5_000, 5_000 * 230, at(30, 1), at(30, 1)));
        live.onCandle(new Candle().set(btcUsdt, at(120, 0), Micros.PER_HOUR, 1, 2, 1, 2, 10, 500, 6, 300, 9));
        live.drainChanged(store::put);
        assertThat(store.rows.keySet()).as("the rolled minutes' late parts are stored")
                .anyMatch(k -> k.endsWith("BTCUSDT true"));
        assertThat(live.of(btcUsdt).hours().trades(0)).isEqualTo(60);

        MarketBars restored = store.restore(retention);
        assertThat(restored.of(btcUsdt).hours().isSameAs(live.of(btcUsdt).hours())).isTrue();
        assertThat(restored.of(btcUsdt).total().isSameAs(live.of(btcUsdt).total())).isTrue();
        assertThat(restored.of(btcUsd).hours().isSameAs(live.of(btcUsd).hours())).isTrue();

        // after the restart more of the same minutes come late: added to what the store held, not in its place
        for (MarketBars bars : java.util.List.of(live, restored)) {
            bars.onTrade(trade(btcUsdt, TakerSide.SELL, 2, 150, 5_000, at(10, 30)));
        }
        restored.drainChanged(store::put);
        MarketBars again = store.restore(retention);
        BarSeries hours = again.of(btcUsdt).hours();
        assertThat(hours.isSameAs(live.of(btcUsdt).hours())).isTrue();
        assertThat(hours.trades(0)).isEqualTo(61);
        assertThat(hours.low(0)).isEqualTo(150);
        assertThat(hours.openInterest(0)).isEqualTo(5_000);
        assertThat(hours.size()).isEqualTo(2);
        assertThat(hours.trades(1)).as("the hour candle, kept as its first minute's late part").isEqualTo(9);
    }

    @Test
    void shouldSumAWindowFromHoursAndMinutes() {
        MarketBars bars = new MarketBars(new MarketBars.Retention(Micros.PER_HOUR, 10 * Micros.PER_HOUR));
        for (int m = 0; m < 180; m++) {
            bars.onTrade(trade(btcUsdt, TakerSide.BUY, 1, 1000 + m, m, at(m, 0)));
        }
        InstrumentBars b = bars.of(btcUsdt);
        // minutes from 15:00; a window from 14:30 takes the whole 14:00 hour, then minutes to 16:10
        BarSeries w = b.window(at(90, 0), at(130, 0));
        assertThat(w.trades(0)).isEqualTo(41);
        w = b.window(at(30, 0), at(130, 0));
        assertThat(w.trades(0)).isEqualTo(60 + 71);
        assertThat(w.open(0)).isEqualTo(1000);
        assertThat(w.close(0)).isEqualTo(1130);
    }

    @Test
    void shouldReadOneMinuteCandlesAsMinutesAndHourCandlesAsHours() {
        MarketBars bars = new MarketBars();
        bars.onCandle(new Candle().set(btcUsdt, at(0, 0), Micros.PER_MINUTE, 100, 110, 90, 105, 10, 1000, 6, 640, 42));
        bars.onCandle(new Candle().set(btcUsdt, at(60, 0), Micros.PER_HOUR, 105, 120, 100, 118, 20, 2200, 5, 560, 7));
        InstrumentBars b = bars.of(btcUsdt);
        assertThat(b.minutes().size()).isEqualTo(1);
        assertThat(b.minutes().buyUsd(0)).isEqualTo(640);
        assertThat(b.minutes().sellUsd(0)).isEqualTo(360);
        assertThat(b.minutes().closeTime(0)).isEqualTo(at(1, 0) - 1);
        BarSeries hours = b.hours();
        assertThat(hours.size()).isEqualTo(2);
        assertThat(hours.high(1)).isEqualTo(120);
        assertThat(hours.trades(1)).isEqualTo(7);
        assertThat(b.total().trades(0)).isEqualTo(49);
    }

    @Test
    void shouldMergeInstrumentsByKeyAcrossRegistries() {
        Events other = new Events();
        Instrument sameSymbol = other.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
        MarketBars a = new MarketBars();
        MarketBars b = new MarketBars();
        a.onTrade(trade(btcUsdt, TakerSide.BUY, 1, 100, 1, at(0, 0)));
        b.onTrade(trade(sameSymbol, TakerSide.SELL, 2, 100, 2, at(0, 1)));
        a.merge(b);
        assertThat(a.instruments()).hasSize(1);
        assertThat(a.of(btcUsdt).minutes().trades(0)).isEqualTo(2);
        assertThat(a.of(btcUsdt).minutes().sellUsd(0)).isEqualTo(200);
    }

    @Test
    void shouldKeepALiveDayOfMinutesInRoomForADayNotForTheNextPowerOfTwo() {
        MarketBars live = new MarketBars(MarketBars.Retention.LIVE);
        for (long m = 0; m < 40 * 60; m++) { // a trade a minute for 40 hours: 26 h of minutes kept, the rest in hours
            live.onTrade(trade(btcUsdt, TakerSide.BUY, 1.0, 100_000 + m, m + 1, at(m, 5)));
        }
        InstrumentBars b = live.of(btcUsdt);
        assertThat(b.minutes().size()).isBetween(26 * 60, 27 * 60);
        // a retention of 1,560 minutes and the hour before eviction: 1,620 rows, where doubling gave 2,048
        assertThat(b.minutes.capacity()).isEqualTo(26 * 60 + 60);
        assertThat(b.hours.capacity()).isLessThanOrEqualTo(35 * 24 + 1);
        assertThat(b.minutes().trades(b.minutes().size() - 1)).isEqualTo(1);
        // a replay keeps growing as it needs: capacity is room, never a limit
        MarketBars replay = new MarketBars(MarketBars.Retention.REPLAY);
        for (long m = 0; m < 40 * 60; m++) {
            replay.onTrade(trade(btcUsdt, TakerSide.BUY, 1.0, 100_000 + m, m + 1, at(m, 5)));
        }
        assertThat(replay.of(btcUsdt).minutes().size()).isEqualTo(40 * 60);
    }
}
