package dev.cascade.sim.model;

import dev.cascade.analytics.risk.LiquidationPrice;
import dev.cascade.model.MarginBracket;
import dev.cascade.model.MarginBrackets;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A market in which liquidation cascades emerge. Each coin has a population of leveraged positions, many small
 * and a few large (sizes drawn from a truncated power law), leverage tiers capped by each venue's brackets,
 * entries spread around recent prices, a long/short mix that leans with recent momentum, some with stop-losses
 * before their liquidation price, each with its liquidation price from its venue's formula and maintenance
 * brackets. The open interest no day's move can reach (low leverage, hedged and basis positions) is carried as one
 * background quantity per coin that grows with the same inflows and sheds with the same flush. Price follows an
 * anchor path (the scenario's fundamentals and shocks) plus a dislocation that order flow moves and that decays
 * back:
 *
 * <pre>
 *   log price = log anchor(t) + d        d += impact x (taker buys - taker sells) / depth    d decays with tau
 *   every step: noise trades -> price -> positions whose liquidation price (or stop) was reached leave
 *               -> their forced orders are taker flow -> price moves further -> more positions reached (next step)
 *               -> new positions open (faster while open interest is below its day's level) -> old ones close
 * </pre>
 *
 * A drop therefore liquidates longs whose forced sells push the price further: how far, and how much is
 * liquidated, depends on how the positions are placed, not on a script. Deterministic for a seed.
 */
public final class MarketModel {
    /** What the model emits; one call per event, in time order per coin. */
    public interface Output {
        void trade(String coin, Venue venue, boolean isBuy, double quantity, double price, long millis);

        void liquidation(String coin, Venue venue, boolean isLong, double quantity, double price, long millis);

        void openInterest(String coin, Venue venue, double quantity, double price, long millis);
    }

    /** The linear venues positions are spread over. */
    public static final Venue[] VENUES = {Venue.BINANCE_USDM, Venue.BYBIT_LINEAR, Venue.OKX_SWAP};

    /**
     * One coin's market. {@code depthUsd} is the net taker USD that moves price by 1 %; {@code reversionSeconds}
     * how fast a dislocation decays; the population is {@code positions} leveraged positions at the start (as many
     * again open over each {@code holdSeconds}, the mean time one is held), each at least {@code minPositionUsd},
     * and {@code backgroundUsd} of open interest beyond reach; {@code leverages} and {@code leverageWeights} the
     * tiers; {@code venueShares} per venue of {@link #VENUES} (positions and trades alike); {@code tradesPerSecond}
     * of noise of about {@code meanTradeUsd}; {@code venueSizeFactors}, when given, in place of the crowd's.
     */
    public record CoinSetup(String coin, PricePath anchor, double volatility, double depthUsd, double reversionSeconds,
                            int positions, double backgroundUsd, double entrySpread, double longShare,
                            double minPositionUsd, double holdSeconds, double[] leverages, double[] leverageWeights,
                            double[] venueShares, double tradesPerSecond, double meanTradeUsd, double[] venueSizeFactors) {
        /** Without per-coin size factors: the crowd's. */
        public CoinSetup(String coin, PricePath anchor, double volatility, double depthUsd, double reversionSeconds,
                         int positions, double backgroundUsd, double entrySpread, double longShare, double minPositionUsd,
                         double holdSeconds, double[] leverages, double[] leverageWeights, double[] venueShares,
                         double tradesPerSecond, double meanTradeUsd) {
            this(coin, anchor, volatility, depthUsd, reversionSeconds, positions, backgroundUsd, entrySpread, longShare,
                    minPositionUsd, holdSeconds, leverages, leverageWeights, venueShares, tradesPerSecond, meanTradeUsd,
                    null);
        }
    }

    /**
     * How the crowd trades, for every coin: position sizes follow a power law of index {@code sizeTailIndex} from
     * each coin's minimum to {@code maxPositionUsd}, times the venue's {@code venueSizeFactors} (and at most
     * {@code maxPositionUsd} after it: a scenario's largest orders are its whales, placed by hand); {@code stopShare}
     * of positions carry a stop-loss between 40 % and 90 % of the way to their liquidation price; new positions
     * lean long by {@code leanMomentum} times the coin's log return over the last hour; the background sheds
     * {@code backgroundCoupling} times the share of the book that a step's flush took out.
     */
    public record Crowd(double sizeTailIndex, double maxPositionUsd, double stopShare, double leanMomentum,
                        double backgroundCoupling, double[] venueSizeFactors) {
        public Crowd {
            if (venueSizeFactors.length != VENUES.length) {
                throw new IllegalArgumentException("one size factor per venue of " + VENUES.length);
            }
            if (!(sizeTailIndex > 0) || !(maxPositionUsd > 0) || !(stopShare >= 0 && stopShare <= 1)) {
                throw new IllegalArgumentException("size tail index and largest position must be positive, stop share"
                        + " within 0..1");
            }
            venueSizeFactors = venueSizeFactors.clone();
        }

        /** A crowd of the defaults the seed scenario documents. */
        public static Crowd defaults() {
            return new Crowd(1.0, 3_000_000, 0.3, 10, 0.3, new double[] {1, 1, 1});
        }
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

    /** Funding moves 0.01 % per 8 hours for each 0.05 the longs' share of the book moves from its start. */
    private static final double FUNDING_PER_LEAN = 0.002;
    /** How far below the day's level open interest must be to reopen positions twice as fast. */
    private static final double REFILL = 0.5;
    private static final double DAY_SECONDS = 86_400;
    /** The share of a scenario's inflow of leverage that reaches the background (most of it is new leverage). */
    private static final double BACKGROUND_INFLOW = 0.05;
    /**
     * The most positions of one coin and side the venues' liquidation engines take over per step: a cascade runs over
     * minutes, not in one instant (what the engines have not reached waits for the next step).
     */
    private static final int ENGINE_PER_STEP = 25;
    /** Up to this share of a position's leverage tier is offset by margin added beyond the initial. */
    private static final double MARGIN_ADDED = 0.4;
    /** How far around the price new positions enter (resting orders filled over the last minutes). */
    private static final double NEW_ENTRY_SPREAD = 0.002;

    private final List<Coin> coins = new ArrayList<>();
    private final Crowd crowd;
    /** Each coin draws from its own stream, so that one coin's setup never changes another's market. */
    private final SplittableRandom seeds;
    private final long startMillis;
    /** Liquidation price over entry per venue, side and leverage, for positions within the first bracket. */
    private final double[][][] lpFactor = new double[VENUES.length][2][];
    /** The positions a step took out, in the order reached (position numbers of the coin's book). */
    private int[] exits = new int[64];
    private int exitCount;

    private final class Coin {
        final CoinSetup s;
        final PositionBook book;
        final SplittableRandom random;
        final double[] hourAgo = new double[60];
        double dislocation;
        double price;
        double openingBoost = 1;
        /** Coins of open interest beyond any day's reach, and the day's level of all open interest. */
        double background;
        double dayLevel;

        Coin(CoinSetup s, SplittableRandom random, long startMillis) {
            this.s = s;
            this.book = new PositionBook(startMillis);
            this.random = random;
            this.price = s.anchor().at(0);
            java.util.Arrays.fill(hourAgo, price);
            this.background = s.backgroundUsd() / price;
        }

        double openQuantity() {
            return book.openQuantity() + background;
        }
    }

    public MarketModel(long seed, long startMillis, List<CoinSetup> setups) {
        this(seed, startMillis, setups, Crowd.defaults());
    }

    public MarketModel(long seed, long startMillis, List<CoinSetup> setups, Crowd crowd) {
        this.crowd = crowd;
        this.seeds = new SplittableRandom(seed);
        this.startMillis = startMillis;
        for (CoinSetup s : setups) {
            Coin c = new Coin(s, seeds.split(), startMillis);
            coins.add(c);
            // the positions already open: entries spread around the start price, closing over the hold time; one
            // whose stop or liquidation the spread already passed is not there
            for (int tries = 0; c.book.size() < s.positions() && tries < 4 * s.positions(); tries++) {
                open(c, c.price * Math.exp(s.entrySpread() * c.random.nextGaussian()), startMillis);
            }
            c.dayLevel = c.openQuantity();
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
        long from = millis - stepMillis;
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
                out.trade(s.coin(), venue(c), isBuy, usd / c.price, c.price, from + k * stepMillis / (trades + 1));
            }
            c.dislocation = c.dislocation * Math.exp(-dt / s.reversionSeconds()) + impact(s, flow)
                    + s.volatility() * Math.sqrt(dt) * c.random.nextGaussian();
            c.price = s.anchor().at(second) * Math.exp(c.dislocation);
            double low = Math.min(before, c.price);
            double high = Math.max(before, c.price);
            // the cascade: what the step's range reached leaves; its forced orders move the price, which reaches more
            // positions in the next step (a venue's engine works through a cascade over seconds, not at once)
            double bookBefore = c.book.openQuantity();
            double out0 = 0;
            exitCount = 0;
            PositionBook book = c.book;
            book.trigger(low, high, ENGINE_PER_STEP, (b, i) -> {
                if (exitCount == exits.length) {
                    exits = java.util.Arrays.copyOf(exits, exitCount * 2);
                }
                exits[exitCount++] = i;
            });
            double forced = 0;
            for (int k = 0; k < exitCount; k++) {
                int i = exits[k];
                forced += (book.isLong(i) ? -book.quantity(i) : book.quantity(i)) * book.trigger(i);
            }
            c.dislocation += impact(s, forced);
            c.price = s.anchor().at(second) * Math.exp(c.dislocation);
            // what left, spread over the step in the order it was reached: liquidations are forced orders, stops
            // plain market orders
            for (int k = 0; k < exitCount; k++) {
                int i = exits[k];
                long at = from + (long) ((k + c.random.nextDouble()) * stepMillis / exitCount);
                Venue v = book.venue(i);
                if (!book.isStop(i)) {
                    out.liquidation(s.coin(), v, book.isLong(i), book.quantity(i), book.liquidationPrice(i), at);
                }
                out.trade(s.coin(), v, !book.isLong(i), book.quantity(i), book.trigger(i), at);
                out0 += book.quantity(i);
            }
            // the rest of the market de-levers alongside the book
            if (out0 > 0 && bookBefore > 0) {
                c.background *= Math.max(0, 1 - crowd.backgroundCoupling() * out0 / bookBefore);
            }
            // new positions at the new price (faster while open interest is below the day's level), positions
            // closed of their own accord, and the background opening and closing alike
            double deficit = Math.max(0, c.dayLevel - c.openQuantity()) / c.dayLevel;
            double rate = c.openingBoost * (1 + deficit / REFILL);
            int opened = poisson(c.random, s.positions() / s.holdSeconds() * rate * dt);
            for (int k = 0; k < opened; k++) {
                open(c, c.price * (1 + NEW_ENTRY_SPREAD * c.random.nextGaussian()), millis);
            }
            c.book.closeUntil(millis);
            double background0 = s.backgroundUsd() / s.anchor().at(0);
            double backgroundRate = 1 + (c.openingBoost - 1) * BACKGROUND_INFLOW + deficit / REFILL;
            c.background += (background0 * backgroundRate - c.background) * dt / s.holdSeconds();
            c.dayLevel += (c.openQuantity() - c.dayLevel) * dt / DAY_SECONDS;
            if (millis % 60_000 == 0) {
                c.hourAgo[(int) (millis / 60_000 % 60)] = c.price;
            }
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
                c.book.open(venue, isLong, quantity, liquidationPrice, liquidationPrice, false, Long.MAX_VALUE);
                return;
            }
        }
        throw new IllegalArgumentException(coin);
    }

    /**
     * The coin's funding rate per 8 hours, from the leveraged crowd's lean: the 0.01 % interest-rate baseline every
     * venue starts from at the lean the day began with, plus 0.01 % for each 0.05 by which the longs' share of the
     * book has grown since (the premium longs pay when they crowd one side), within the venues' common cap of
     * +-0.75 %. A flush that clears the longs therefore pulls funding down, as it does in the market.
     */
    public double fundingRate(String coin) {
        Coin c = coin(coin);
        double lean = c.book.longShare() - c.s.longShare();
        return Math.max(-0.0075, Math.min(0.0075, 0.0001 + FUNDING_PER_LEAN * lean));
    }

    /** Each venue's open interest in coins: the book's positions and the background (one side), at the price. */
    public void openInterest(long millis, Output out) {
        for (Coin c : coins) {
            double[] shares = c.s.venueShares();
            for (int v = 0; v < VENUES.length; v++) {
                out.openInterest(c.s.coin(), VENUES[v], c.openQuantity() * shares[v], c.price, millis);
            }
        }
    }

    /** How many leveraged positions a coin's book holds. */
    public long positions(String coin) {
        return coin(coin).book.size();
    }

    private Coin coin(String coin) {
        for (Coin c : coins) {
            if (c.s.coin().equals(coin)) {
                return c;
            }
        }
        throw new IllegalArgumentException(coin);
    }

    private double impact(CoinSetup s, double netUsd) {
        return 0.01 * netUsd / s.depthUsd();
    }

    /**
     * Opens one position at {@code entry}: side by the lean, venue by share, size from the power law (a few hundred
     * dollars to millions), leverage by tier within what the venue's bracket for that size allows.
     */
    private void open(Coin c, double entry, long millis) {
        CoinSetup s = c.s;
        double momentum = Math.log(c.price / c.hourAgo[(int) (millis / 60_000 % 60)]);
        double longShare = Math.max(0.05, Math.min(0.95, s.longShare() + crowd.leanMomentum() * momentum));
        boolean isLong = c.random.nextDouble() < longShare;
        int v = pick(c.random, s.venueShares());
        double[] factors = s.venueSizeFactors() != null ? s.venueSizeFactors() : crowd.venueSizeFactors();
        double usd = Math.min(crowd.maxPositionUsd(), factors[v] * size(c.random, s.minPositionUsd()));
        Venue venue = VENUES[v];
        MarginBrackets brackets = MarginBrackets.defaults(venue);
        MarginBracket first = brackets.brackets().get(0);
        double tier = Math.min(s.leverages()[pick(c.random, s.leverageWeights())], brackets.containing(usd).maxLeverage());
        // margin added on top of the tier's (or a cross-margin balance behind it): the leverage a liquidation price
        // reflects is below the tier, in tenths
        int tenths = Math.max(10, (int) Math.round(tier * (1 - MARGIN_ADDED * c.random.nextDouble()) * 10));
        double leverage = tenths / 10.0;
        double quantity = usd / entry;
        double lp;
        if (usd < first.cap() * 0.8) { // the first bracket: no maintenance amount, the price scales with the entry
            lp = entry * factor(v, isLong, tenths);
        } else {
            double wallet = LiquidationPrice.Position.initialMargin(false, entry, quantity, 1, leverage);
            lp = LiquidationPrice.of(new LiquidationPrice.Position(venue, false, isLong ? Side.LONG : Side.SHORT, entry,
                    quantity, 1, wallet), brackets).price();
        }
        double reach = lp > 0 ? lp : isLong ? 0 : Double.MAX_VALUE; // a 1x long is never liquidated
        boolean isStop = c.random.nextDouble() < crowd.stopShare() && lp > 0;
        double trigger = isStop ? entry + (reach - entry) * (0.4 + 0.5 * c.random.nextDouble()) : reach;
        long closes = millis + (long) (-Math.log(1 - c.random.nextDouble()) * s.holdSeconds() * 1000);
        if (isLong ? trigger >= c.price : trigger <= c.price) {
            return; // would be taken out already: no book holds it
        }
        c.book.open(venue, isLong, quantity, reach, trigger, isStop, closes);
    }

    /** A position's USD size: a power law of index alpha from {@code min} to the crowd's largest (inverse CDF). */
    private double size(SplittableRandom random, double min) {
        double alpha = crowd.sizeTailIndex();
        double tail = Math.pow(min / crowd.maxPositionUsd(), alpha);
        return min * Math.pow(1 - random.nextDouble() * (1 - tail), -1 / alpha);
    }

    /**
     * The liquidation price over the entry of a small isolated position at {@code tenths}/10 leverage (cached per
     * venue, side and tenth).
     */
    private double factor(int v, boolean isLong, int tenths) {
        double[] f = lpFactor[v][isLong ? 0 : 1];
        if (f == null || f.length <= tenths) {
            f = lpFactor[v][isLong ? 0 : 1] = java.util.Arrays.copyOf(f == null ? new double[0] : f, tenths + 1);
        }
        if (f[tenths] == 0) {
            double quantity = 1_000 / 100.0; // $1,000 at 100: within every venue's first bracket
            double wallet = LiquidationPrice.Position.initialMargin(false, 100, quantity, 1, tenths / 10.0);
            double lp = LiquidationPrice.of(new LiquidationPrice.Position(VENUES[v], false, isLong ? Side.LONG : Side.SHORT,
                    100, quantity, 1, wallet), MarginBrackets.defaults(VENUES[v])).price();
            f[tenths] = lp > 0 ? lp / 100 : -1;
        }
        return f[tenths] < 0 ? 0 : f[tenths];
    }

    private static Venue venue(Coin c) {
        return VENUES[pick(c.random, c.s.venueShares())];
    }

    /** An index drawn by weight. */
    private static int pick(SplittableRandom random, double[] weights) {
        double r = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            if (r < sum) {
                return i;
            }
        }
        return weights.length - 1;
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
