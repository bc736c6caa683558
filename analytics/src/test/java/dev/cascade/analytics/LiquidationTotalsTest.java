package dev.cascade.analytics;

import static dev.cascade.testkit.Events.liquidation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiquidationTotalsTest {
    private static final long T0 = Micros.of(Instant.parse("2025-06-05T14:00:00Z"));

    private final Events events = new Events();
    private final Instrument btcUsdt = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument ethUsdt = events.linear(Venue.BINANCE_USDM, "ETHUSDT", "ETH");
    private final Instrument btcUsd = events.inverse(Venue.BYBIT_INVERSE, "BTCUSD", "BTC", 1);
    private final Instrument ethSwap = events.inverse(Venue.OKX_SWAP, "ETH-USD-SWAP", "ETH", 10);

    private static long at(long minutes, long seconds) {
        return T0 + minutes * Micros.PER_MINUTE + seconds * Micros.PER_SECOND;
    }

    private List<Liquidation> day() {
        return List.of(
                liquidation(btcUsdt, Side.LONG, 2, 103_000, at(0, 5)),          // 206,000
                liquidation(ethUsdt, Side.LONG, 100, 2_400, at(0, 40)),         // 240,000
                liquidation(btcUsd, Side.LONG, 8_000_000, 102_400, at(65, 0)),  // 8,000,000
                liquidation(ethSwap, Side.SHORT, 1_000, 2_450, at(130, 10)),    // 10,000
                liquidation(btcUsdt, Side.SHORT, 1, 104_000, at(600, 59)));     // 104,000
    }

    @Test
    void shouldSplitTheWholeInputBySideCoinExchangeAndVenue() {
        LiquidationTotals totals = new LiquidationTotals();
        day().forEach(totals::add);
        LiquidationSummary s = totals.total();
        assertThat(s.total()).isEqualTo(new SideTotals(8_446_000, 114_000, 3, 2));
        assertThat(s.total().longShare()).isEqualTo(8_446_000.0 / 8_560_000.0);
        assertThat(s.byCoin()).containsExactly(
                java.util.Map.entry("BTC", new SideTotals(8_206_000, 104_000, 2, 1)),
                java.util.Map.entry("ETH", new SideTotals(240_000, 10_000, 1, 1)));
        assertThat(s.byExchange()).containsExactly(
                java.util.Map.entry("bybit", new SideTotals(8_000_000, 0, 1, 0)),
                java.util.Map.entry("binance", new SideTotals(446_000, 104_000, 2, 1)),
                java.util.Map.entry("okx", new SideTotals(0, 10_000, 0, 1)));
        assertThat(s.byVenue()).containsKeys("bybit-inverse", "binance-usdm", "okx-swap");
        assertThat(s.fromMicros()).isEqualTo(at(0, 5));
        assertThat(s.toMicros()).isEqualTo(at(600, 59));
    }

    @Test
    void shouldFindTheLargestSingleOrder() {
        LiquidationTotals totals = new LiquidationTotals();
        day().forEach(totals::add);
        LargestLiquidation largest = totals.total().largest();
        assertThat(largest).isEqualTo(new LargestLiquidation(Venue.BYBIT_INVERSE, "BTCUSD", "BTC", Side.LONG,
                8_000_000, 102_400, 8_000_000, at(65, 0)));
    }

    @Test
    void shouldSumRollingWindowsOfWholeMinutesEndingAtTheGivenTime() {
        LiquidationTotals totals = new LiquidationTotals();
        day().forEach(totals::add);
        long end = at(130, 30);
        // 1h: minutes 71..130 -> only the OKX short at 130:10
        assertThat(totals.window(end, Micros.PER_HOUR).total()).isEqualTo(new SideTotals(0, 10_000, 0, 1));
        // 4h: minutes -109..130 -> everything up to 130:10
        LiquidationSummary fourHours = totals.window(end, 4 * Micros.PER_HOUR);
        assertThat(fourHours.total()).isEqualTo(new SideTotals(8_446_000, 10_000, 3, 1));
        assertThat(fourHours.largest().symbol()).isEqualTo("BTCUSD");
        assertThat(fourHours.fromMicros()).isEqualTo(at(-109, 0));
        // the minute 65 boundary: a 66-minute window ending in minute 130 starts at minute 65
        assertThat(totals.window(end, 66 * Micros.PER_MINUTE).total().longCount()).isEqualTo(1);
        assertThat(totals.window(end, 65 * Micros.PER_MINUTE).total().longCount()).isZero();
        assertThat(totals.window(at(700, 0), Micros.PER_HOUR).largest()).isNull();
    }

    @Test
    void shouldGiveTheSameTotalsInAnyOrder() {
        List<Liquidation> shuffled = new ArrayList<>(manyEvents(3000, 7));
        LiquidationTotals inOrder = new LiquidationTotals();
        shuffled.forEach(inOrder::add);
        Collections.shuffle(shuffled, new Random(11));
        LiquidationTotals anyOrder = new LiquidationTotals();
        shuffled.forEach(anyOrder::add);
        assertSameSummaries(anyOrder, inOrder);
    }

    @Test
    void shouldMergePartitionsIntoWhatOneInstanceCounts() {
        List<Liquidation> all = manyEvents(3000, 3);
        LiquidationTotals one = new LiquidationTotals();
        LiquidationTotals left = new LiquidationTotals();
        LiquidationTotals right = new LiquidationTotals();
        Random random = new Random(5);
        for (Liquidation l : all) {
            one.add(l);
            (random.nextBoolean() ? left : right).add(l);
        }
        left.merge(right);
        assertSameSummaries(left, one);
        assertThat(left.count()).isEqualTo(3000);
    }

    @Test
    void shouldDrawPerMinuteBarsPerVenueAndSide() {
        LiquidationTotals totals = new LiquidationTotals();
        day().forEach(totals::add);
        totals.add(liquidation(btcUsdt, Side.SHORT, 0.5, 103_000, at(0, 59)));
        List<MinuteBar> binance = totals.minuteBars(Venue.BINANCE_USDM);
        assertThat(binance).containsExactly(
                new MinuteBar(at(0, 0), 446_000, 51_500, 2, 1),
                new MinuteBar(at(600, 0), 0, 104_000, 0, 1));
        assertThat(totals.minuteBars(Venue.BYBIT_INVERSE)).containsExactly(new MinuteBar(at(65, 0), 8_000_000, 0, 1, 0));
        assertThat(totals.minuteBars(Venue.BINANCE_COINM)).isEmpty();
    }

    @Test
    void shouldForgetOldMinutesButNotTheWholeInput() {
        LiquidationTotals totals = new LiquidationTotals();
        day().forEach(totals::add);
        totals.evictBefore(at(100, 0));
        assertThat(totals.window(at(600, 59), 24 * Micros.PER_HOUR).total().count()).isEqualTo(2);
        assertThat(totals.total().total().count()).isEqualTo(5);
    }

    private List<Liquidation> manyEvents(int n, long seed) {
        Random r = new Random(seed);
        Instrument[] instruments = {btcUsdt, ethUsdt, btcUsd, ethSwap};
        List<Liquidation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(liquidation(instruments[r.nextInt(4)], r.nextBoolean() ? Side.LONG : Side.SHORT,
                    1 + r.nextInt(1000), 100 + r.nextInt(100_000), at(r.nextInt(1440), r.nextInt(60))));
        }
        return out;
    }

    private static void assertSameSummaries(LiquidationTotals actual, LiquidationTotals expected) {
        assertClose(actual.total(), expected.total());
        long end = expected.lastMicros();
        for (long hours : new long[] {1, 4, 12, 24}) {
            assertClose(actual.window(end, hours * Micros.PER_HOUR), expected.window(end, hours * Micros.PER_HOUR));
        }
        for (Venue v : Venue.values()) {
            List<MinuteBar> a = actual.minuteBars(v);
            List<MinuteBar> e = expected.minuteBars(v);
            assertThat(a).hasSameSizeAs(e);
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.get(i).minuteMicros()).isEqualTo(e.get(i).minuteMicros());
                assertThat(a.get(i).longCount()).isEqualTo(e.get(i).longCount());
                assertThat(a.get(i).usd()).isCloseTo(e.get(i).usd(), org.assertj.core.data.Percentage.withPercentage(1e-9));
            }
        }
    }

    /** Sums in a different order differ in the last bits; counts and the largest order must be exact. */
    private static void assertClose(LiquidationSummary a, LiquidationSummary e) {
        assertThat(a.total().count()).isEqualTo(e.total().count());
        assertThat(a.total().longCount()).isEqualTo(e.total().longCount());
        assertThat(a.total().usd()).isCloseTo(e.total().usd(), org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(a.largest()).isEqualTo(e.largest());
        assertThat(a.byCoin().keySet()).containsExactlyInAnyOrderElementsOf(e.byCoin().keySet());
        e.byCoin().forEach((coin, t) -> assertThat(a.byCoin().get(coin).count()).isEqualTo(t.count()));
        assertThat(a.byExchange().keySet()).containsExactlyInAnyOrderElementsOf(e.byExchange().keySet());
    }
}
