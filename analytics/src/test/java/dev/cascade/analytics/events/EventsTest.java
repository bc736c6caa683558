package dev.cascade.analytics.events;

import static dev.cascade.testkit.Events.liquidation;
import static dev.cascade.testkit.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.analytics.LiquidationTotals;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.model.Coin;
import dev.cascade.model.Instrument;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsTest {
    private static final long T0 = Micros.of(Instant.parse("2025-06-05T12:00:00Z"));

    private final Events events = new Events();
    private final Instrument binance = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument bybit = events.linear(Venue.BYBIT_LINEAR, "BTCUSDT", "BTC");

    private static long at(long minutes, long seconds) {
        return T0 + minutes * Micros.PER_MINUTE + seconds * Micros.PER_SECOND;
    }

    private void minute(LiquidationTotals totals, Instrument i, Side side, double usd, int minute) {
        totals.add(liquidation(i, side, usd / 100_000, 100_000, at(minute, 10)));
    }

    @Test
    void shouldFindRunsOfMinutesAboveTheThresholdPerVenueAndSide() {
        LiquidationTotals totals = new LiquidationTotals();
        minute(totals, binance, Side.LONG, 1_200_000, 0);
        minute(totals, binance, Side.LONG, 2_000_000, 1);
        minute(totals, binance, Side.LONG, 500_000, 2);
        minute(totals, binance, Side.LONG, 1_500_000, 3);   // one minute alone: not a burst
        minute(totals, binance, Side.LONG, 1_100_000, 5);
        minute(totals, binance, Side.LONG, 600_000, 6);
        minute(totals, binance, Side.LONG, 400_000, 6);     // two orders make the minute's $1,000,000
        minute(totals, binance, Side.SHORT, 3_000_000, 1);  // the other side does not join the longs
        minute(totals, bybit, Side.LONG, 1_000_000, 0);
        minute(totals, bybit, Side.LONG, 1_000_000, 1);
        List<Bursts.Burst> bursts = Bursts.find(totals, Bursts.Settings.DEFAULT);
        assertThat(bursts).hasSize(3);
        Bursts.Burst first = bursts.get(0);
        assertThat(first.venue()).isEqualTo(Venue.BINANCE_USDM);
        assertThat(first.side()).isEqualTo(Side.LONG);
        assertThat(first.startMicros()).isEqualTo(at(0, 0));
        assertThat(first.endMicros()).isEqualTo(at(2, 0));
        assertThat(first.minutes()).isEqualTo(2);
        assertThat(first.usd()).isCloseTo(3_200_000, within(1e-6));
        assertThat(first.peakUsd()).isCloseTo(2_000_000, within(1e-6));
        assertThat(first.peakMicros()).isEqualTo(at(1, 0));
        assertThat(bursts.get(1).venue()).isEqualTo(Venue.BYBIT_LINEAR);
        Bursts.Burst third = bursts.get(2);
        assertThat(third.startMicros()).isEqualTo(at(5, 0));
        assertThat(third.usd()).isCloseTo(2_100_000, within(1e-6));
        assertThat(third.count()).isEqualTo(3);
        assertThat(Bursts.find(totals, new Bursts.Settings(1_000_000, 1))).hasSize(5); // now minute 3 and the short
    }

    /** Price falls 3.3 % from minute 120 to 150, open interest by {@code oiDrop}, $1M of longs a minute in 125..129. */
    private List<FlushDetector.Flush> drop(double oiDrop) {
        return move(oiDrop, -0.033, Side.LONG);
    }

    /** Price moves by {@code priceMove} from minute 120 to 150, OI falls by {@code oiDrop}, $1M of {@code side} a minute. */
    private List<FlushDetector.Flush> move(double oiDrop, double priceMove, Side side) {
        MarketBars bars = new MarketBars();
        LiquidationTotals totals = new LiquidationTotals();
        for (int k = 0; k <= 200; k++) {
            double f = Math.min(Math.max(k - 120, 0), 30) / 30.0;
            bars.onTrade(trade(binance, TakerSide.SELL, 1, 100_000 * (1 + priceMove * f), k, at(k, 30)));
            double oi = 10e9 * (1 - oiDrop * f);
            bars.onOpenInterest(new OpenInterest().set(binance, oi / 100_000, oi, at(k, 40), at(k, 40)));
            if (k >= 125 && k < 130) {
                minute(totals, binance, side, 1_000_000, k);
            }
        }
        return FlushDetector.find(bars, totals, Coin.of("BTC"), FlushDetector.Settings.DEFAULT);
    }

    @Test
    void shouldCallALongSqueezeWithTheEvidenceOfItsStrongestWindow() {
        List<FlushDetector.Flush> found = drop(0.025);
        assertThat(found).extracting(FlushDetector.Flush::kind).containsExactly("long-squeeze");
        FlushDetector.Flush f = found.get(0);
        // the first window to trigger ends with minute 139 (price -2.09 %), the last with minute 187, when only the
        // liquidations of minutes 128 and 129 ($2M) are left in it
        assertThat(f.startMicros()).isEqualTo(at(80, 0));
        assertThat(f.detectedMicros()).isEqualTo(at(140, 0) - 1);
        assertThat(f.endMicros()).isEqualTo(at(188, 0) - 1);
        FlushDetector.Evidence e = f.evidence();
        assertThat(e.fromMicros()).isEqualTo(at(80, 0));
        assertThat(e.fromPrice()).isEqualTo(100_000);
        assertThat(e.toPrice()).isCloseTo(97_910, within(1e-6));
        assertThat(e.oiFromUsd()).isEqualTo(10e9);
        assertThat(e.oiToUsd()).isCloseTo(10e9 * (1 - 0.025 * 19 / 30), within(1e-3));
        assertThat(e.longUsd()).isCloseTo(5_000_000, within(1e-6));
        assertThat(e.longShare()).isEqualTo(1);
        assertThat(e.takerZ()).isNaN(); // less than a day of windows before it: the taker rule is not applied
        assertThat(e.takerNetUsd()).isNegative();
    }

    @Test
    void shouldCallALeverageFlushWhenOpenInterestCollapses() {
        assertThat(drop(0.06)).extracting(FlushDetector.Flush::kind).containsExactly("long-squeeze", "leverage-flush");
        assertThat(drop(0.005)).isEmpty(); // price fell and longs were liquidated, but positions were not closed
    }

    @Test
    void shouldNotCallAFlushWhatItsOwnEvidenceContradicts() {
        // open interest collapses as the price rises and shorts are liquidated: short covering, not a flush of longs
        assertThat(move(0.06, 0.033, Side.SHORT)).extracting(FlushDetector.Flush::kind).containsExactly("short-squeeze");
        // open interest collapses as the price falls, but the liquidations are shorts': no long flush either
        assertThat(move(0.06, -0.033, Side.SHORT)).isEmpty();
    }
}
