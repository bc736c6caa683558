package dev.cascade.analytics.price;

import static dev.cascade.testkit.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.model.Coin;
import dev.cascade.model.Instrument;
import dev.cascade.model.Micros;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceStatsTest {
    private static final long T0 = Micros.of(Instant.parse("2025-06-05T00:00:00Z"));

    private final Events events = new Events();
    private final Instrument binance = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument okx = events.linear(Venue.OKX_SWAP, "BTC-USDT-SWAP", "BTC");
    private long id;

    private static long at(long minutes) {
        return T0 + minutes * Micros.PER_MINUTE;
    }

    private void trade(MarketBars bars, Instrument i, double qty, double price, long time) {
        bars.onTrade(Events.trade(i, TakerSide.BUY, qty, price, ++id, time));
    }

    private List<InstrumentBars> btc(MarketBars bars) {
        return Scope.ALL.select(bars, Coin.of("BTC"));
    }

    @Test
    void shouldTakePricesFromTheMostTradedInstrumentAndVwapFromAll() {
        MarketBars bars = new MarketBars();
        trade(bars, binance, 2, 106_000, at(0));
        trade(bars, binance, 1, 102_400, at(100));
        trade(bars, binance, 3, 103_500, at(200));
        trade(bars, okx, 1, 101_000, at(150)); // a lower print on the smaller venue: not "the" low
        PriceStats s = PriceStats.whole(btc(bars));
        assertThat(s.reference()).isEqualTo("binance-usdm:BTCUSDT");
        assertThat(s.first()).isEqualTo(106_000);
        assertThat(s.firstMicros()).isEqualTo(at(0));
        assertThat(s.last()).isEqualTo(103_500);
        assertThat(s.high()).isEqualTo(106_000);
        assertThat(s.low()).isEqualTo(102_400);
        assertThat(s.lowMicros()).isEqualTo(at(100));
        assertThat(s.changePct()).isCloseTo((103_500.0 / 106_000 - 1) * 100, within(1e-12));
        // (212,000 + 102,400 + 310,500 + 101,000) / 7 coins
        assertThat(s.vwap()).isCloseTo(725_900 / 7.0, within(1e-9));
        assertThat(s.volumeUsd()).isEqualTo(725_900);
        assertThat(s.trades()).isEqualTo(4);
        PriceStats window = PriceStats.window(btc(bars), at(90), at(160));
        assertThat(window.first()).isEqualTo(102_400);
        assertThat(window.last()).isEqualTo(102_400);
        assertThat(window.volumeUsd()).isEqualTo(203_400);
    }

    @Test
    void shouldCompareTheLastDaysVolumeWithTheDayBeforeOnlyWhenItIsCovered() {
        MarketBars bars = new MarketBars();
        trade(bars, binance, 1, 100_000, at(10));              // the previous day
        trade(bars, binance, 1.34, 100_000, at(24 * 60 + 10)); // the last day
        long end = at(48 * 60 - 1);
        PriceStats.VolumeChange v = PriceStats.volume24h(btc(bars), end);
        assertThat(v.lastDayUsd()).isCloseTo(134_000, within(1e-6));
        assertThat(v.previousDayUsd()).isEqualTo(100_000);
        assertThat(v.changePct()).isCloseTo(34, within(1e-9));
        PriceStats.VolumeChange early = PriceStats.volume24h(btc(bars), end - 2 * Micros.PER_HOUR);
        assertThat(early.isPreviousCovered()).isFalse(); // the data start two hours into that earlier day
        assertThat(early.changePct()).isNaN();
    }

    @Test
    void shouldGiveTheSameVolumeChangeFromHourBarsAsFromMinutes() {
        // a live run keeps 26 hours of minutes: the earlier day starts inside an hour it holds only as an hour bar
        MarketBars live = new MarketBars(MarketBars.Retention.LIVE);
        MarketBars replay = new MarketBars(MarketBars.Retention.REPLAY);
        for (int m = 0; m < 48 * 60 + 37; m += 7) {
            double qty = 1 + (m % 13) / 10.0;
            trade(live, binance, qty, 100_000 + m, at(m));
            id--;
            trade(replay, binance, qty, 100_000 + m, at(m));
        }
        long end = at(48 * 60 + 36) + 30 * Micros.PER_SECOND; // the earlier day then starts at minute 37 of hour 0
        assertThat(btc(live).get(0).minutes().openTime(0)).as("the first hour rolled up").isGreaterThan(at(60));
        PriceStats.VolumeChange fromHours = PriceStats.volume24h(btc(live), end);
        PriceStats.VolumeChange fromMinutes = PriceStats.volume24h(btc(replay), end);
        // the same to the last bits the two orders of adding up leave (an hour bar sums its trades as they come)
        assertThat(fromHours.lastDayUsd()).isEqualTo(fromMinutes.lastDayUsd());
        assertThat(fromHours.previousDayUsd()).isCloseTo(fromMinutes.previousDayUsd(), within(1e-6));
        assertThat(fromHours.isPreviousCovered()).isTrue();
        assertThat(fromMinutes.isPreviousCovered()).isTrue();
        // the earlier day's first hour counts for its 23 minutes inside the day: trades at minutes 42, 49 and 56
        // are in, and so are 23/60 of that hour's 9 trades (minutes 0 to 56)
        double hour = 0;
        double inDay = 0;
        for (int m = 0; m < 60; m += 7) {
            hour += (1 + (m % 13) / 10.0) * (100_000 + m);
        }
        for (int m = 63; m < 24 * 60 + 37; m += 7) {
            inDay += (1 + (m % 13) / 10.0) * (100_000 + m);
        }
        assertThat(fromMinutes.previousDayUsd()).isCloseTo(hour * 23 / 60 + inDay, within(1e-3));
    }

    @Test
    void shouldPickStepsOfOnePercentRoundedDown() {
        assertThat(RoundLevels.step(103_000)).isEqualTo(1000);
        assertThat(RoundLevels.step(2_400)).isEqualTo(20);
        assertThat(RoundLevels.step(150)).isEqualTo(1);
        assertThat(RoundLevels.step(0.22)).isCloseTo(0.002, within(1e-15));
        assertThat(RoundLevels.step(60_000)).isEqualTo(500);
    }

    @Test
    void shouldReportFellBelowAndRecoveredOnceDespiteHovering() {
        MarketBars bars = new MarketBars();
        double[] closes = {103_600, 103_200, 102_950, 103_050, 102_980, 102_400, 102_950, 103_150, 103_500};
        for (int m = 0; m < closes.length; m++) {
            trade(bars, binance, 1, closes[m], at(m) + 30 * Micros.PER_SECOND);
        }
        BarSeries minutes = bars.of(binance).minutes();
        List<RoundLevels.Crossing> c = RoundLevels.find(minutes, 1000);
        // 102,950 is only $50 below 103,000 (hysteresis $100): the fall counts at 102,400; 103,050 does not
        // "recover"; 103,150 does
        assertThat(c).extracting(RoundLevels.Crossing::kind, RoundLevels.Crossing::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("below", 103_000.0),
                        org.assertj.core.groups.Tuple.tuple("recovered", 103_000.0));
        assertThat(c.get(0).timeMicros()).isEqualTo(at(5) + 30 * Micros.PER_SECOND);
        assertThat(c.get(1).close()).isEqualTo(103_150);
    }

    @Test
    void shouldFindAWickRecoveredWithinMinutesButNotASlideThatStays() {
        MarketBars bars = new MarketBars();
        // minute: close (and low); the wick reaches 102,300 in minute 4 and is back above half of the move by 6
        double[][] minutes = {{103_400, 103_350}, {103_500, 103_450}, {103_300, 103_200}, {103_000, 102_800},
            {102_600, 102_300}, {102_700, 102_500}, {103_100, 102_900}, {103_300, 103_100}};
        for (int m = 0; m < minutes.length; m++) {
            trade(bars, binance, 1, minutes[m][1], at(m) + 10 * Micros.PER_SECOND);
            trade(bars, binance, 1, minutes[m][0], at(m) + 50 * Micros.PER_SECOND);
        }
        List<Wicks.Wick> wicks = Wicks.find(bars.of(binance).minutes(), Wicks.Settings.DEFAULT);
        assertThat(wicks).hasSize(1);
        Wicks.Wick w = wicks.get(0);
        assertThat(w.isDown()).isTrue();
        assertThat(w.fromPrice()).isEqualTo(103_500);
        assertThat(w.extremePrice()).isEqualTo(102_300);
        assertThat(w.extremeMicros()).isEqualTo(at(4) + 10 * Micros.PER_SECOND);
        assertThat(w.recoveredPrice()).isEqualTo(103_100); // first close >= 102,300 + 600
        assertThat(w.depthPct()).isCloseTo(1200 / 1035.0, within(1e-9));

        MarketBars slide = new MarketBars();
        for (int m = 0; m < 30; m++) {
            trade(slide, binance, 1, 103_500 - 100 * m, at(m));
        }
        assertThat(Wicks.find(slide.of(binance).minutes(), Wicks.Settings.DEFAULT)).isEmpty();
    }
}
