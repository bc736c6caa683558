package dev.cascade.analytics.oi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.model.Coin;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenInterestStatsTest {
    private static final long T0 = Micros.of(Instant.parse("2025-06-05T12:00:00Z"));

    private final Events events = new Events();
    private final Instrument bybit = events.linear(Venue.BYBIT_LINEAR, "BTCUSDT", "BTC");
    private final Instrument okx = events.inverse(Venue.OKX_SWAP, "BTC-USD-SWAP", "BTC", 100);
    private final Instrument late = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");

    private static long at(long minutes) {
        return T0 + minutes * Micros.PER_MINUTE;
    }

    private void oi(MarketBars bars, Instrument i, double contracts, double usd, long time) {
        bars.onOpenInterest(new OpenInterest().set(i, contracts, usd, time, time));
    }

    @Test
    void shouldSumVenuesAndMeasureChangesOnInstrumentsKnownAtBothEnds() {
        MarketBars bars = new MarketBars();
        oi(bars, bybit, 50_000, 5.0e9, at(0));
        oi(bars, okx, 20_000_000, Double.NaN, at(0));       // inverse: contracts x $100 without a price
        oi(bars, bybit, 45_000, 4.5e9, at(90));
        oi(bars, okx, 19_000_000, Double.NaN, at(90));
        bars.onMarkPrice(new MarkPrice().set(okx, 100_000, Double.NaN, at(90), at(90)));
        oi(bars, late, 10_000, 1.0e9, at(100));            // started reporting within the window
        bars.onFundingRate(new FundingRate().set(bybit, 0.0001, 0, at(95), at(95)));
        bars.onFundingRate(new FundingRate().set(okx, -0.0002, 0, at(95), at(95)));

        OpenInterestStats s = OpenInterestStats.of(Scope.ALL.select(bars, Coin.of("BTC")), at(119),
                Map.of("2h", 2 * Micros.PER_HOUR));
        assertThat(s.usd()).isEqualTo(4.5e9 + 1.9e9 + 1.0e9);
        OpenInterestStats.Change c = s.changes().get("2h");
        assertThat(c.fromUsd()).isEqualTo(5.0e9 + 2.0e9); // the late instrument is left out of the change
        assertThat(c.toUsd()).isEqualTo(4.5e9 + 1.9e9);
        assertThat(c.changeUsd()).isEqualTo(-0.6e9);
        assertThat(c.changePct()).isCloseTo(-0.6 / 7 * 100, within(1e-9));
        // open-interest weighted: (0.0001 x 4.5e9 - 0.0002 x 1.9e9) / 6.4e9
        assertThat(s.fundingRate()).isCloseTo((0.0001 * 4.5e9 - 0.0002 * 1.9e9) / 6.4e9, within(1e-15));
        assertThat(s.markPrice()).isEqualTo(100_000);

        OpenInterestStats bybitOnly = OpenInterestStats.of(Scope.of(Venue.BYBIT_LINEAR).select(bars, Coin.of("BTC")),
                at(119), Map.of("1h", Micros.PER_HOUR));
        assertThat(bybitOnly.usd()).isEqualTo(4.5e9);
        assertThat(bybitOnly.changes().get("1h").changePct()).isCloseTo(-10, within(1e-9));
    }
}
