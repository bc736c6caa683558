package dev.cascade.analytics;

import static dev.cascade.testkit.Events.liquidation;
import static dev.cascade.testkit.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.analytics.figures.EventFigures;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.analytics.price.RoundLevels;
import dev.cascade.model.Instrument;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Hostile input meets a documented cap and degrades a figure with a counted reason, never the process. */
class BoundsTest {
    private static final long T0 = Micros.of(Instant.parse("2025-06-05T13:00:00Z"));

    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private long id;

    private static long at(long minutes) {
        return T0 + minutes * Micros.PER_MINUTE + 30 * Micros.PER_SECOND;
    }

    @Test
    void shouldKeepTheStepAndBoundTheCrossingsWhenOneTradePrintsAtOneDollar() {
        MarketState state = new MarketState(MarketState.Retention.REPLAY);
        for (int m = 0; m < 180; m++) { // three hours between $105,300 and $105,500: no level crossed
            state.onTrade(trade(btc, TakerSide.BUY, 0.5, 105_300 + (m % 3) * 100, ++id, at(m)));
        }
        state.onTrade(trade(btc, TakerSide.SELL, 0.001, 1.0, ++id, at(180)));

        Figures f = Figures.of(state, FigureSettings.DEFAULT);

        // the step still follows the market ($1,000), not the print ($0.01); the fall through 105 levels reports
        // the nearest 20 and counts the other 85
        assertThat(f.events().crossings()).hasSize(RoundLevels.MAX_LEVELS_PER_MOVE);
        assertThat(f.events().crossings()).allSatisfy(c -> assertThat(c.step()).isEqualTo(1000.0));
        assertThat(f.events().crossings().get(0).crossing().level()).isEqualTo(105_000.0);
        assertThat(f.events().crossings().get(19).crossing().level()).isEqualTo(86_000.0);
        assertThat(f.degraded()).containsEntry("crossings-capped", 85L);
    }

    @Test
    void shouldBoundTheCrossingsOfPricesBeyondAnyMarket() {
        MarketBars bars = new MarketBars();
        double[] closes = {100, 1e300, 100, 1e-300, 100, 101.5};
        for (int m = 0; m < closes.length; m++) {
            bars.onTrade(trade(btc, TakerSide.BUY, 1, closes[m], ++id, at(m)));
        }
        RoundLevels.Result r = RoundLevels.evaluate(bars.of(btc).minutes(), RoundLevels.step(100));

        // 1e300 is on no level; 1e-300 is a fall through 100 levels to zero (20 reported), 100 the rise through
        // 99 of them (20 reported), and 101.5 a rise through 100, which fell, and 101
        assertThat(r.crossings()).hasSize(20 + 20 + 2);
        assertThat(r.skipped()).isEqualTo(1 + 80 + 79);
        assertThat(r.crossings().get(0).level()).isEqualTo(100.0);
        assertThat(r.crossings().get(40).kind()).isEqualTo("recovered");
        assertThat(r.crossings().get(40).level()).isEqualTo(100.0);
        assertThat(r.crossings().get(41).kind()).isEqualTo("above");
        assertThat(r.crossings().get(41).level()).isEqualTo(101.0);
    }

    @Test
    void shouldFollowAtMostTheCapOfInstrumentsAndCountTheRest() {
        MarketState state = new MarketState(MarketState.Retention.REPLAY);
        int symbols = 20_000;
        for (int i = 0; i < symbols; i++) {
            Instrument made = events.linear(Venue.BINANCE_USDM, "Z" + i + "QUSDT", "Z" + i + "Q");
            long t = T0 + i * (Micros.PER_HOUR / symbols);
            state.onTrade(trade(made, TakerSide.BUY, 10, 1 + i % 100, ++id, t));
            state.onLiquidation(liquidation(made, Side.LONG, 5, 1 + i % 100, t + 1));
        }

        assertThat(state.instrumentsFollowed()).isEqualTo(MarketState.MAX_INSTRUMENTS);
        assertThat(state.bars().instruments()).hasSize(MarketState.MAX_INSTRUMENTS);
        assertThat(state.counts().trades()).isEqualTo(MarketState.MAX_INSTRUMENTS);
        assertThat(state.counts().rejectsByReason()).containsEntry("too-many-instruments", 2L * (symbols - 10_000));

        Figures f = Figures.of(state, FigureSettings.DEFAULT);
        assertThat(f.price().byCoin()).hasSize(MarketState.MAX_INSTRUMENTS).containsKey("Z9999Q")
                .doesNotContainKey("Z10000Q");
        assertThat(f.liquidations().reported().byCoin()).hasSize(MarketState.MAX_INSTRUMENTS);
        assertThat(f.liquidations().reported().total().count()).isEqualTo(MarketState.MAX_INSTRUMENTS);
        // an instrument followed before the cap was met still counts afterwards
        state.onTrade(trade(btc, TakerSide.BUY, 1, 105_000, ++id, T0 + Micros.PER_HOUR));
        assertThat(state.counts().rejectsByReason()).containsEntry("too-many-instruments", 2L * (symbols - 10_000) + 1);
    }

    @Test
    void shouldListAtMostTheCapOfEventsOfAKind() {
        MarketState state = new MarketState(MarketState.Retention.REPLAY);
        // a burst every three minutes for three days: 1,440 bursts
        for (int m = 0; m < 3 * 1440; m++) {
            if (m % 3 != 2) {
                state.onLiquidation(liquidation(btc, Side.LONG, 20, 100_000, at(m)));
            }
        }
        EventFigures e = Figures.of(state, FigureSettings.DEFAULT).events();
        assertThat(e.bursts()).hasSize(EventFigures.MAX_PER_KIND);
        assertThat(e.bursts().get(EventFigures.MAX_PER_KIND - 1).startMicros()).isEqualTo(at(3 * 1440 - 3) - 30 * Micros.PER_SECOND);
        assertThat(Figures.of(state, FigureSettings.DEFAULT).degraded()).containsEntry("events-capped", 440L);
    }
}
