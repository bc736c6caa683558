package dev.cascade.analytics;

import static dev.cascade.testkit.Events.liquidation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Coin;
import dev.cascade.model.Exchange;
import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiquidationHoursTest {
    private static final long T0 = Micros.of(Instant.parse("2025-06-05T14:00:00Z"));

    private final Events events = new Events();
    private final Instrument btcUsdt = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument ethUsdt = events.linear(Venue.BINANCE_USDM, "ETHUSDT", "ETH");
    private final Instrument btcUsd = events.inverse(Venue.BYBIT_INVERSE, "BTCUSD", "BTC", 1);

    record Row(String hour, Exchange exchange, double longUsd, double shortUsd, long longs, long shorts) {
    }

    private static List<Row> rows(LiquidationHours h, Coin coin) {
        List<Row> out = new ArrayList<>();
        h.forEach(coin, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, (t, x, l, s, ln, sn) ->
                out.add(new Row(Micros.iso(t), x, l, s, ln, sn)));
        return out;
    }

    private List<Liquidation> month() {
        return List.of(
                liquidation(btcUsdt, Side.LONG, 2, 100_000, T0 - 20 * Micros.PER_DAY),           // 200,000
                liquidation(btcUsdt, Side.SHORT, 1, 100_000, T0 - 20 * Micros.PER_DAY + 60_000_000),  // 100,000
                liquidation(ethUsdt, Side.LONG, 10, 2_500, T0 - 20 * Micros.PER_DAY + 120_000_000),   // 25,000
                liquidation(btcUsd, Side.LONG, 8_000_000, 102_400, T0 + 5 * Micros.PER_MINUTE),       // 8,000,000
                liquidation(btcUsdt, Side.LONG, 1, 104_000, T0 + 59 * Micros.PER_MINUTE));           // 104,000
    }

    @Test
    void shouldSumEachHourByExchangeAndSideForWeeks() {
        LiquidationHours h = new LiquidationHours(35 * Micros.PER_DAY);
        month().forEach(h::onLiquidation);
        assertThat(rows(h, Coin.of("BTC"))).containsExactly(
                new Row("2025-05-16T14:00:00Z", Exchange.BINANCE, 200_000, 100_000, 1, 1),
                new Row("2025-06-05T14:00:00Z", Exchange.BINANCE, 104_000, 0, 1, 0),
                new Row("2025-06-05T14:00:00Z", Exchange.BYBIT, 8_000_000, 0, 1, 0));
        assertThat(rows(h, null).get(0)).as("every coin summed")
                .isEqualTo(new Row("2025-05-16T14:00:00Z", Exchange.BINANCE, 225_000, 100_000, 2, 1));
        assertThat(Micros.iso(h.firstMicros())).isEqualTo("2025-05-16T14:00:00Z");
    }

    @Test
    void shouldDropHoursPastTheRetentionWhateverTheOrder() {
        LiquidationHours inOrder = new LiquidationHours(7 * Micros.PER_DAY);
        month().forEach(inOrder::onLiquidation);
        LiquidationHours reversed = new LiquidationHours(7 * Micros.PER_DAY);
        List<Liquidation> backwards = new ArrayList<>(month());
        java.util.Collections.reverse(backwards);
        backwards.forEach(reversed::onLiquidation);
        assertThat(rows(inOrder, null)).hasSize(2).isEqualTo(rows(reversed, null));
        assertThat(Micros.iso(inOrder.firstMicros())).isEqualTo("2025-06-05T14:00:00Z");
    }

    @Test
    void shouldMergeToTheSameHoursAsOneInstance() {
        LiquidationHours whole = new LiquidationHours(35 * Micros.PER_DAY);
        LiquidationHours a = new LiquidationHours(35 * Micros.PER_DAY);
        LiquidationHours b = new LiquidationHours(35 * Micros.PER_DAY);
        List<Liquidation> all = month();
        for (int i = 0; i < all.size(); i++) {
            whole.onLiquidation(all.get(i));
            (i % 2 == 0 ? a : b).onLiquidation(all.get(i));
        }
        a.merge(b);
        assertThat(rows(a, null)).isEqualTo(rows(whole, null));
    }
}
