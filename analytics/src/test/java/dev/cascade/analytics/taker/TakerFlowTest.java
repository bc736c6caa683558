package dev.cascade.analytics.taker;

import static dev.cascade.testkit.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.analytics.bars.Resolution;
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

class TakerFlowTest {
    private static final long MAY30 = Micros.of(Instant.parse("2025-05-30T00:00:00Z"));
    private static final TakerFlow.Settings DAY_OF_HISTORY = new TakerFlow.Settings(7, 24, 2.5, 24, 1, 99, 24);

    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument btcBybit = events.linear(Venue.BYBIT_LINEAR, "BTCUSDT", "BTC");
    private long id;

    /** One trade of |net| USD at price 1 in the given hour: positive nets are taker buys. */
    private void hour(MarketBars bars, int hour, double net) {
        bars.onTrade(trade(btc, net > 0 ? TakerSide.BUY : TakerSide.SELL, Math.abs(net), 1, ++id,
                MAY30 + hour * Micros.PER_HOUR + 5 * Micros.PER_MINUTE));
    }

    private static double alternating(int hour) {
        return hour % 2 == 0 ? 10 : -10;
    }

    private List<TakerFlow.Bar> hourly(MarketBars bars) {
        return TakerFlow.bars(Scope.sum(Scope.ALL.select(bars, Coin.of("BTC")), Resolution.HOUR), Resolution.HOUR,
                DAY_OF_HISTORY);
    }

    @Test
    void shouldComputeNetShareCvdAndMovingAverage() {
        MarketBars bars = new MarketBars();
        for (int h = 0; h < 30; h++) {
            hour(bars, h, alternating(h));
        }
        hour(bars, 30, -100);
        hour(bars, 31, -90);
        List<TakerFlow.Bar> flow = hourly(bars);
        assertThat(flow).hasSize(32);
        TakerFlow.Bar b = flow.get(31);
        assertThat(b.startMicros()).isEqualTo(MAY30 + 31 * Micros.PER_HOUR);
        assertThat(b.netUsd()).isEqualTo(-90);
        assertThat(b.buyShare()).isEqualTo(0);
        assertThat(flow.get(0).buyShare()).isEqualTo(1);
        assertThat(b.cvdUsd()).isEqualTo(-190);
        assertThat(b.maUsd()).isCloseTo(-200 / 7.0, within(1e-9)); // hours 25..31
        assertThat(b.vsMaUsd()).isCloseTo(-90 + 200 / 7.0, within(1e-9));
        assertThat(flow.get(2).maUsd()).isCloseTo(10 / 3.0, within(1e-9)); // fewer bars than the MA: their mean
    }

    @Test
    void shouldScoreABarAgainstItsTrailingWindowOnly() {
        MarketBars bars = new MarketBars();
        for (int h = 0; h < 30; h++) {
            hour(bars, h, alternating(h));
        }
        hour(bars, 30, -100);
        hour(bars, 31, -90);
        List<TakerFlow.Bar> flow = hourly(bars);
        assertThat(flow.get(23).z()).isNaN(); // 23 bars of history: not yet
        // hours 6..29 alternate +-10: mean 0, sd 10
        assertThat(flow.get(30).z()).isCloseTo(-10, within(1e-9));
        assertThat(flow.get(30).percentile()).isEqualTo(0);
        // hours 7..30: twelve -10, eleven +10 and the -100: mean -110/24, sd sqrt(12300/24 - mean^2)
        double mean = -110 / 24.0;
        double sd = Math.sqrt(12_300 / 24.0 - mean * mean);
        assertThat(flow.get(31).z()).isCloseTo((-90 - mean) / sd, within(1e-9));
        assertThat(flow.get(31).percentile()).isCloseTo(100.0 / 24, within(1e-9)); // only -100 is lower
        assertThat(flow.get(31).extreme(DAY_OF_HISTORY)).isEqualTo(-1); // by z, though not by rank
    }

    @Test
    void shouldJoinExtremeBarsIntoEpisodesAndRankThemWithinTheirMonth() {
        MarketBars bars = new MarketBars();
        for (int h = 0; h < 100; h++) {
            double net = switch (h) {
                case 30 -> -100;
                case 31 -> -90;
                case 60, 90 -> -100;
                default -> alternating(h);
            };
            hour(bars, h, net);
        }
        List<TakerFlow.Episode> episodes = TakerFlow.episodes(hourly(bars), Resolution.HOUR, DAY_OF_HISTORY, "all", "BTC");
        assertThat(episodes).hasSize(3);
        TakerFlow.Episode may = episodes.get(0);
        assertThat(may.direction()).isEqualTo("sell");
        assertThat(may.startMicros()).isEqualTo(MAY30 + 30 * Micros.PER_HOUR);
        assertThat(may.endMicros()).isEqualTo(MAY30 + 32 * Micros.PER_HOUR);
        assertThat(may.bars()).isEqualTo(2);
        assertThat(may.netUsd()).isEqualTo(-190);
        assertThat(may.peak().netUsd()).isEqualTo(-100);
        assertThat(may.month()).isEqualTo("2025-05");
        assertThat(may.monthOrdinal()).isEqualTo(1);
        assertThat(episodes.get(1).month()).isEqualTo("2025-06"); // hour 60 is June 1st, 12:00
        assertThat(episodes.get(1).monthOrdinal()).isEqualTo(1);
        assertThat(episodes.get(2).monthOrdinal()).isEqualTo(2); // "the second such extreme this month"
    }

    @Test
    void shouldAddVenuesAndFillMinutesWithoutTradesWithZero() {
        MarketBars bars = new MarketBars();
        bars.onTrade(trade(btc, TakerSide.BUY, 3, 1, 1, MAY30));
        bars.onTrade(trade(btcBybit, TakerSide.SELL, 1, 1, 2, MAY30 + 1));
        bars.onTrade(trade(btc, TakerSide.SELL, 5, 1, 3, MAY30 + 3 * Micros.PER_MINUTE));
        List<TakerFlow.Bar> flow = TakerFlow.bars(Scope.sum(Scope.ALL.select(bars, Coin.of("BTC")), Resolution.MINUTE),
                Resolution.MINUTE, TakerFlow.Settings.DEFAULT);
        assertThat(flow).extracting(TakerFlow.Bar::netUsd).containsExactly(2.0, 0.0, 0.0, -5.0);
        assertThat(flow).extracting(TakerFlow.Bar::cvdUsd).containsExactly(2.0, 2.0, 2.0, -3.0);
        assertThat(flow.get(0).buyShare()).isEqualTo(0.75);
        assertThat(flow.get(1).buyShare()).isNaN();
        List<TakerFlow.Bar> binanceOnly = TakerFlow.bars(Scope.sum(Scope.of(Venue.BINANCE_USDM).select(bars,
                Coin.of("BTC")), Resolution.MINUTE), Resolution.MINUTE, TakerFlow.Settings.DEFAULT);
        assertThat(binanceOnly.get(0).netUsd()).isEqualTo(3);
    }
}
