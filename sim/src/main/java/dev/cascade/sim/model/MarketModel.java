package dev.cascade.sim.model;

import dev.cascade.analytics.risk.LiquidationPrice;
import dev.cascade.model.MarginBrackets;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A market in which liquidation cascades emerge. Each coin has a population of leveraged positions (leverage
 * tiers, sizes, entries spread around recent prices, a long/short mix), each with its liquidation price from its
 * venue's formula and maintenance brackets. Price follows an anchor path (the scenario's fundamentals and
 * shocks) plus a dislocation that order flow moves and that decays back:
 *
 * <pre>
 *   log price = log anchor(t) + d        d += impact x (taker buys - taker sells) / depth    d decays with tau
 *   every step: noise trades -> price -> positions whose liquidation price was reached are liquidated
 *               -> their forced orders are taker flow -> price moves further -> more positions reached (repeat)
 * </pre>
 *
 * A drop therefore liquidates longs whose forced sells push the price further: how far, and how much is
 * liquidated, depends on how the positions are placed, not on a script. Deterministic for a seed.
 */
public final class MarketModel {
    /** What the model emits; one call per event. Venue index into {@link #VENUES}. */
    public interface Output {
        void trade(String coin, Venue venue, boolean isBuy, double quantity, double price, long millis);

        void liquidation(String coin, Venue venue, boolean isLong, double quantity, double price, long millis);

        void openInterest(String coin, Venue venue, double quantity, double price, long millis);
    }

    /** The linear venues positions are spread over. */
    public static final Venue[] VENUES = {Venue.BINANCE_USDM, Venue.BYBIT_LINEAR, Venue.OKX_SWAP};

    /**
     * One coin's market. {@code depthUsd} is the net taker USD that moves price by 1 %; {@code reversionSeconds}
     * how fast a dislocation decays; the population is {@code openInterestUsd} of positions at the start,
     * {@code newPositionsPerSecond} more as it goes, each about {@code meanPositionUsd}, held about
     * {@code holdSeconds}; {@code leverages} and {@code leverageWeights} the tiers; {@code venueShares} per venue of
     * {@link #VENUES}; {@code tradesPerSecond} of noise of about {@code meanTradeUsd}.
     */
    public record CoinSetup(String coin, PricePath anchor, double volatility, double depthUsd, double reversionSeconds,
                            double openInterestUsd, double entrySpread, double longShare, double newPositionsPerSecond,
                            double meanPositionUsd, double holdSeconds, double[] leverages, double[] leverageWeights,
                            double[] venueShares, double tradesPerSecond, double meanTradeUsd) {
    }

    /** The anchor: log-linear between (second, price) points. */
    public record PricePath(double[] seconds, double[] prices) {
        public double at(double second) {
            if (second <= seconds[0]) {
                return prices[0];
            }
            for (int i = 1; i < seconds.length; i++) {
                if (second <= seconds[i]) {
                    double w = (second - seconds[i - 1]) / (seconds[i] - seconds[i - 1]);
                    return Math.exp(Math.log(prices[i - 1]) * (1 - w) + Math.log(prices[i]) * w);
                }
            }
            return prices[prices.length - 1];
        }
    }

    private static final int MAX_ROUNDS = 50;
    private static final double MAX_POSITION_USD = 3_000_000;

    private final List<Coin> coins = new ArrayList<>();
    private final double[] venueSizeFactors;
    /** Each coin draws from its own stream, so that one coin's setup never changes another's market. */
    private final SplittableRandom seeds;
    private final long startMillis;

    private final class Coin {
        final CoinSetup s;
        final PositionBook book = new PositionBook();
        double dislocation;
        double price;
        double openingBoost = 1;
        final SplittableRandom random;

        Coin(CoinSetup s, SplittableRandom random) {
            this.s = s;
            this.random = random;
            this.price = s.anchor().at(0);
        }
    }

    public MarketModel(long seed, long startMillis, List<CoinSetup> setups) {
        this(seed, startMillis, setups, new double[] {1, 1, 1});
    }

    /**
     * With {@code venueSizeFactors}: how much larger than a coin's mean a position is on each of {@link #VENUES}
     * (where the larger traders are).
     */
    public MarketModel(long seed, long startMillis, List<CoinSetup> setups, double[] venueSizeFactors) {
        if (venueSizeFactors.length != VENUES.length) {
            throw new IllegalArgumentException("one size factor per venue of " + VENUES.length);
        }
        this.venueSizeFactors = venueSizeFactors.clone();
        this.seeds = new SplittableRandom(seed);
        this.startMillis = startMillis;
        for (CoinSetup s : setups) {
            Coin c = new Coin(s, seeds.split());
            coins.add(c);
            // the positions already open: entries spread around the start price, closing over the hold time
            double placed = 0;
            while (placed < s.openInterestUsd()) {
                double entry = c.price * Math.exp(s.entrySpread() * c.random.nextGaussian());
                placed += open(c, entry, startMillis);
            }
        }
    }

    /** The current price of a coin. */
    public double price(String coin) {
        for (Coin c : coins) {
            if (c.s.coin().equals(coin)) {
                return c.price;
            }
        }
        throw new IllegalArgumentException(coin);
    }

    /** Advances one step of {@code stepMillis} ending at {@code millis}, emitting what happened. */
    public void step(long millis, long stepMillis, Output out) {
        double dt = stepMillis / 1000.0;
        double second = (millis - startMillis) / 1000.0;
        for (Coin c : coins) {
            CoinSetup s = c.s;
            double before = c.price;
            // noise: takers on both sides, leaning with the anchor's drift
            double drift = Math.log(s.anchor().at(second) / s.anchor().at(second - dt));
            double flow = 0;
            int trades = poisson(c.random, s.tradesPerSecond() * dt);
            for (int k = 0; k < trades; k++) {
                boolean isBuy = c.random.nextDouble() < 0.5 + Math.max(-0.3, Math.min(0.3, drift * 1_500));
                double usd = s.meanTradeUsd() * Math.exp(c.random.nextGaussian() - 0.5);
                flow += isBuy ? usd : -usd;
                out.trade(s.coin(), venue(c), isBuy, usd / c.price, c.price, millis - stepMillis + k * stepMillis / (trades + 1));
            }
            c.dislocation = c.dislocation * Math.exp(-dt / s.reversionSeconds()) + impact(s, flow)
                    + s.volatility() * Math.sqrt(dt) * c.random.nextGaussian();
            c.price = s.anchor().at(second) * Math.exp(c.dislocation);
            double low = Math.min(before, c.price);
            double high = Math.max(before, c.price);
            // the cascade: forced orders move the price, which reaches more positions, within the step
            for (int round = 0; round < MAX_ROUNDS; round++) {
                double[] forced = new double[1];
                Coin coin = c;
                c.book.liquidate(low, high, p -> {
                    double at = p.liquidationPrice;
                    out.liquidation(coin.s.coin(), p.venue, p.isLong, p.quantity, at, millis);
                    out.trade(coin.s.coin(), p.venue, !p.isLong, p.quantity, at, millis);
                    forced[0] += p.isLong ? -p.quantity * at : p.quantity * at;
                });
                if (forced[0] == 0) {
                    break;
                }
                c.dislocation += impact(s, forced[0]);
                c.price = s.anchor().at(second) * Math.exp(c.dislocation);
                low = Math.min(low, c.price);
                high = Math.max(high, c.price);
            }
            // new positions at the new price, and positions closed of their own accord
            int opened = poisson(c.random, s.newPositionsPerSecond() * c.openingBoost * dt);
            for (int k = 0; k < opened; k++) {
                open(c, c.price * (1 + 0.0005 * c.random.nextGaussian()), millis);
            }
            c.book.closeUntil(millis);
        }
    }

    /** Multiplies the rate at which a coin's new positions open (a scenario's inflow of leverage), from now on. */
    public void boostOpenings(String coin, double factor) {
        for (Coin c : coins) {
            if (c.s.coin().equals(coin)) {
                c.openingBoost = factor;
                return;
            }
        }
        throw new IllegalArgumentException(coin);
    }

    /**
     * Places a position by hand (a scenario's whale): held until price reaches {@code liquidationPrice}, on any
     * venue, inverse ones included.
     */
    public void place(String coin, Venue venue, boolean isLong, double quantity, double liquidationPrice) {
        for (Coin c : coins) {
            if (c.s.coin().equals(coin)) {
                c.book.open(new PositionBook.Position(venue, isLong, quantity, c.price, liquidationPrice, Long.MAX_VALUE));
                return;
            }
        }
        throw new IllegalArgumentException(coin);
    }

    /**
     * The coin's funding rate per 8 hours, from the leveraged crowd's lean: the 0.01 % interest-rate baseline
     * every venue starts from, plus 0.01 % for each tenth by which longs outweigh shorts (the premium longs pay
     * when they crowd one side), within the venues' common cap of +-0.75 %. A flush that clears the longs
     * therefore pulls funding down, as it does in the market.
     */
    public double fundingRate(String coin) {
        for (Coin c : coins) {
            if (c.s.coin().equals(coin)) {
                double lean = 2 * c.book.longShare() - 1; // -1 all shorts .. +1 all longs
                return Math.max(-0.0075, Math.min(0.0075, 0.0001 + 0.001 * lean));
            }
        }
        throw new IllegalArgumentException(coin);
    }

    /** Each venue's open interest in coins of the model's positions (one side), at the coin's price. */
    public void openInterest(long millis, Output out) {
        for (Coin c : coins) {
            double[] shares = c.s.venueShares();
            for (int v = 0; v < VENUES.length; v++) {
                out.openInterest(c.s.coin(), VENUES[v], c.book.openQuantity() * shares[v], c.price, millis);
            }
        }
    }

    private double impact(CoinSetup s, double netUsd) {
        return 0.01 * netUsd / s.depthUsd();
    }

    /** Opens one position at {@code entry}; returns its notional. */
    private double open(Coin c, double entry, long millis) {
        CoinSetup s = c.s;
        boolean isLong = c.random.nextDouble() < s.longShare();
        double leverage = pick(c.random, s.leverages(), s.leverageWeights());
        int venue = (int) pick(c.random, new double[] {0, 1, 2}, s.venueShares());
        // lognormal sizes, the largest capped: a scenario's biggest orders are its whales, placed by hand
        double usd = Math.min(MAX_POSITION_USD, venueSizeFactors[venue] * s.meanPositionUsd()
                * Math.exp(1.2 * c.random.nextGaussian() - 0.72));
        double quantity = usd / entry;
        double wallet = LiquidationPrice.Position.initialMargin(false, entry, quantity, 1, leverage);
        double lp = LiquidationPrice.of(new LiquidationPrice.Position(VENUES[venue], false, isLong ? Side.LONG : Side.SHORT,
                entry, quantity, 1, wallet), MarginBrackets.defaults(VENUES[venue])).price();
        long closes = millis + (long) (-Math.log(1 - c.random.nextDouble()) * s.holdSeconds() * 1000);
        double reach = lp > 0 ? lp : isLong ? 0 : Double.MAX_VALUE; // a 1x long is never liquidated
        if (isLong ? reach >= c.price : reach <= c.price) {
            return usd; // would be liquidated already: no book holds it
        }
        c.book.open(new PositionBook.Position(VENUES[venue], isLong, quantity, entry, reach, closes));
        return usd;
    }

    private static Venue venue(Coin c) {
        return VENUES[(int) pick(c.random, new double[] {0, 1, 2}, c.s.venueShares())];
    }

    private static double pick(SplittableRandom random, double[] values, double[] weights) {
        double r = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i];
            if (r < sum) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static int poisson(SplittableRandom random, double lambda) {
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
