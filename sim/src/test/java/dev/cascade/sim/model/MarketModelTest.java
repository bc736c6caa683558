package dev.cascade.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cascades emerge from the positions: forced selling deepens a drop; the same seed gives the same market. */
class MarketModelTest {
    private static final long T0 = 1_749_081_600_000L;

    /** A coin whose anchor falls 2 % over ten minutes after an hour, then holds. */
    private static MarketModel.CoinSetup btc(double depthUsd) {
        return new MarketModel.CoinSetup("BTC", new MarketModel.PricePath(new double[] {0, 3_600, 4_200, 7_200},
                new double[] {100_000, 100_000, 98_000, 98_000}), 0.0, depthUsd, 600, 40_000, 1e9, 0.01, 0.6, 2_000,
                6 * 3_600, new double[] {5, 10, 25, 50, 100}, new double[] {0.15, 0.3, 0.25, 0.2, 0.1},
                new double[] {0.5, 0.3, 0.2}, 5, 20_000);
    }

    /** Everything one run emits, with the lowest price and the liquidated USD by side. */
    private static final class Tape implements MarketModel.Output {
        final List<String> lines = new ArrayList<>();
        final List<Double> liquidatedUsd = new ArrayList<>();
        /** Open interest in coins (all venues) by the minute it was published. */
        final java.util.TreeMap<Long, Double> openInterest = new java.util.TreeMap<>();
        double longUsd;
        double shortUsd;
        double low = Double.MAX_VALUE;

        @Override
        public void trade(String coin, Venue venue, boolean isBuy, double quantity, double price, long millis) {
            lines.add("t " + venue.id() + " " + isBuy + " " + quantity + " " + price + " " + millis);
            low = Math.min(low, price);
        }

        @Override
        public void liquidation(String coin, Venue venue, boolean isLong, double quantity, double price, long millis) {
            lines.add("l " + venue.id() + " " + isLong + " " + quantity + " " + price + " " + millis);
            liquidatedUsd.add(quantity * price);
            if (isLong) {
                longUsd += quantity * price;
            } else {
                shortUsd += quantity * price;
            }
        }

        @Override
        public void openInterest(String coin, Venue venue, double quantity, double price, long millis) {
            lines.add("o " + venue.id() + " " + quantity + " " + millis);
            openInterest.merge(millis, quantity, Double::sum);
        }
    }

    private static Tape run(long seed, double depthUsd) {
        MarketModel m = new MarketModel(seed, T0, List.of(btc(depthUsd)));
        Tape tape = new Tape();
        for (long t = T0 + 1_000; t <= T0 + 7_200_000; t += 1_000) {
            m.step(t, 1_000, tape);
            if (t % 60_000 == 0) {
                m.openInterest(t, tape);
            }
        }
        return tape;
    }

    @Test
    void shouldGiveTheSameMarketForTheSameSeed() {
        assertThat(run(7, 50e6).lines).isEqualTo(run(7, 50e6).lines);
        assertThat(run(8, 50e6).lines).isNotEqualTo(run(7, 50e6).lines);
    }

    @Test
    void shouldDeepenADropThroughForcedSelling() {
        Tape deep = run(7, 1e12);   // flow moves nothing: the price follows the anchor
        Tape thin = run(7, 100e6);  // $100M of net selling moves it 1 %
        assertThat(deep.low).isCloseTo(98_000, org.assertj.core.api.Assertions.within(1.0)); // the anchor's low
        // the forced sells of liquidated longs took the price below the anchor's 98,000 (the engines take 25 a
        // step, so the cascade runs over minutes and the reversion works against it meanwhile)
        assertThat(thin.low).isLessThan(deep.low * 0.995);
        assertThat(thin.longUsd).isGreaterThan(deep.longUsd * 1.2);
        assertThat(thin.longUsd / (thin.longUsd + thin.shortUsd)).isGreaterThan(0.8);
    }

    /**
     * A market, not a few whales: the drop liquidates hundreds of positions, most of them small (the power law's
     * median is twice its $2,000 minimum) and a few large; open interest falls in the flush and recovers after.
     */
    @Test
    void shouldLiquidateAPopulationAndLetOpenInterestFallAndRecover() {
        Tape tape = run(7, 100e6);
        List<Double> sizes = new ArrayList<>(tape.liquidatedUsd);
        java.util.Collections.sort(sizes);
        assertThat(sizes).hasSizeGreaterThan(500);
        assertThat(sizes.get(sizes.size() / 2)).as("median").isBetween(2_000.0, 10_000.0);
        // notional at the liquidation price, below the entry's $2,000 by at most the distance to liquidation
        assertThat(sizes.get(0)).as("smallest").isGreaterThanOrEqualTo(2_000 * 0.7);
        assertThat(sizes.get(sizes.size() - 1)).as("largest").isGreaterThan(100_000);
        double before = tape.openInterest.get(T0 + 3_600_000);  // the drop starts
        double flushed = tape.openInterest.get(T0 + 4_200_000); // it ends
        double later = tape.openInterest.get(T0 + 7_200_000);
        assertThat(flushed).as("falls in the flush").isLessThan(before * 0.995);
        assertThat(later).as("recovers slowly").isGreaterThan(flushed);
    }

    @Test
    void fundingFollowsTheCrowdsLeanAndFallsWhenAFlushClearsTheLongs() {
        MarketModel m = new MarketModel(7, T0, List.of(btc(100e6)));
        // at the lean the day starts with, the 0.01 % baseline
        assertThat(m.fundingRate("BTC")).isCloseTo(0.0001, org.assertj.core.api.Assertions.within(0.00005));
        Tape tape = new Tape();
        double beforeDrop = 0;
        for (long t = T0 + 1_000; t <= T0 + 7_200_000; t += 1_000) {
            m.step(t, 1_000, tape);
            if (t == T0 + 3_600_000) {
                beforeDrop = m.fundingRate("BTC");
            }
        }
        assertThat(beforeDrop).isBetween(0.0, 0.0002);
        // the flush liquidated longs and nothing else: the lean, and funding with it, is lower after
        assertThat(tape.longUsd).isPositive();
        assertThat(m.fundingRate("BTC")).isLessThan(beforeDrop);
    }
}
