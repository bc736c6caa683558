package dev.cascade.analytics;

import dev.cascade.model.Coin;
import dev.cascade.model.Exchange;
import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Reported liquidation totals: for the whole input, and over rolling windows that end at any time (1h, 4h,
 * 12h, 24h in the output), split by side, coin, exchange and venue, with the largest single order, plus the
 * per-minute chart per venue and side (the "liquidation incremental chart").
 *
 * <pre>
 *   add(liquidation) ──┬─> whole-input sums per coin / exchange / venue and side, largest order
 *                      └─> MinuteSeries per (venue, coin, side): USD, count, largest per minute
 *                                 └─> window(end, length) and minuteBars(venue) sum minutes at read-out
 * </pre>
 *
 * Pure and mergeable: time comes from the events (their exchange time), {@link #merge} adds another
 * instance's state, and {@code add} allocates nothing once an instrument's series exists. Windows are made
 * of whole minutes: the 1h window at 12:34:56 covers 11:35:00 to 12:34:56. Minutes of the per-minute series
 * older than {@link #evictBefore} are dropped; whole-input sums are never.
 */
public final class LiquidationTotals implements MarketListener {
    private static final Venue[] VENUES = Venue.values();
    private static final Exchange[] EXCHANGES = Exchange.values();
    private static final int SIDES = 2;

    private double[] coinUsd = new double[64 * SIDES];
    private long[] coinCount = new long[64 * SIDES];
    private final double[] exchangeUsd = new double[EXCHANGES.length * SIDES];
    private final long[] exchangeCount = new long[EXCHANGES.length * SIDES];
    private final double[] venueUsd = new double[VENUES.length * SIDES];
    private final long[] venueCount = new long[VENUES.length * SIDES];
    private MinuteSeries[] series = new MinuteSeries[64 * VENUES.length * SIDES];

    private Instrument largestInstrument;
    private Side largestSide;
    private double largestUsd;
    private double largestPrice;
    private double largestQuantity;
    private long largestTime;

    private long firstMicros = Long.MAX_VALUE;
    private long lastMicros = Long.MIN_VALUE;
    private long count;

    /** As a pipeline stage: counts every liquidation it is given. */
    @Override
    public void onLiquidation(Liquidation l) {
        add(l);
    }

    /** Counts one liquidation at its exchange time. */
    public void add(Liquidation l) {
        Instrument instrument = l.instrument();
        int side = l.side().ordinal();
        int coin = instrument.coin().id();
        int venue = instrument.venue().ordinal();
        double usd = l.usd();
        long time = l.exchangeMicros();
        if (coin >= coinUsd.length / SIDES) {
            growCoins(coin);
        }
        coinUsd[coin * SIDES + side] += usd;
        coinCount[coin * SIDES + side]++;
        exchangeUsd[instrument.exchange().ordinal() * SIDES + side] += usd;
        exchangeCount[instrument.exchange().ordinal() * SIDES + side]++;
        venueUsd[venue * SIDES + side] += usd;
        venueCount[venue * SIDES + side]++;
        if (MinuteSeries.isLarger(usd, time, largestUsd, largestTime, largestInstrument != null)) {
            largestInstrument = instrument;
            largestSide = l.side();
            largestUsd = usd;
            largestPrice = l.price();
            largestQuantity = l.quantity();
            largestTime = time;
        }
        seriesFor(coin, venue, side).add(Math.floorDiv(time, Micros.PER_MINUTE), usd, instrument, l.price(),
                l.quantity(), time);
        firstMicros = Math.min(firstMicros, time);
        lastMicros = Math.max(lastMicros, time);
        count++;
    }

    /** Adds everything another instance counted (e.g. another partition of the same input). */
    public void merge(LiquidationTotals other) {
        if (other.coinUsd.length > coinUsd.length) {
            growCoins(other.coinUsd.length / SIDES - 1);
        }
        for (int i = 0; i < other.coinUsd.length; i++) {
            coinUsd[i] += other.coinUsd[i];
            coinCount[i] += other.coinCount[i];
        }
        for (int i = 0; i < exchangeUsd.length; i++) {
            exchangeUsd[i] += other.exchangeUsd[i];
            exchangeCount[i] += other.exchangeCount[i];
        }
        for (int i = 0; i < venueUsd.length; i++) {
            venueUsd[i] += other.venueUsd[i];
            venueCount[i] += other.venueCount[i];
        }
        if (other.largestInstrument != null && MinuteSeries.isLarger(other.largestUsd, other.largestTime, largestUsd,
                largestTime, largestInstrument != null)) {
            largestInstrument = other.largestInstrument;
            largestSide = other.largestSide;
            largestUsd = other.largestUsd;
            largestPrice = other.largestPrice;
            largestQuantity = other.largestQuantity;
            largestTime = other.largestTime;
        }
        for (int key = 0; key < other.series.length; key++) {
            MinuteSeries s = other.series[key];
            if (s != null) {
                seriesFor(key / (VENUES.length * SIDES), (key / SIDES) % VENUES.length, key % SIDES).merge(s);
            }
        }
        firstMicros = Math.min(firstMicros, other.firstMicros);
        lastMicros = Math.max(lastMicros, other.lastMicros);
        count += other.count;
    }

    /** How many liquidations were counted. */
    public long count() {
        return count;
    }

    /** Exchange time of the earliest liquidation, or Long.MAX_VALUE if none. */
    public long firstMicros() {
        return firstMicros;
    }

    /** Exchange time of the latest liquidation, or Long.MIN_VALUE if none. */
    public long lastMicros() {
        return lastMicros;
    }

    /** Totals over everything added. */
    public LiquidationSummary total() {
        Map<String, SideTotals> byCoin = new LinkedHashMap<>();
        for (int c = 0; c < coinUsd.length / SIDES; c++) {
            if (coinCount[c * SIDES] + coinCount[c * SIDES + 1] > 0) {
                byCoin.put(Coin.byId(c).name(), totals(coinUsd, coinCount, c));
            }
        }
        Map<String, SideTotals> byExchange = new LinkedHashMap<>();
        for (Exchange e : EXCHANGES) {
            SideTotals t = totals(exchangeUsd, exchangeCount, e.ordinal());
            if (t.count() > 0) {
                byExchange.put(e.id(), t);
            }
        }
        Map<String, SideTotals> byVenue = new LinkedHashMap<>();
        SideTotals all = SideTotals.ZERO;
        for (Venue v : VENUES) {
            SideTotals t = totals(venueUsd, venueCount, v.ordinal());
            if (t.count() > 0) {
                byVenue.put(v.id(), t);
                all = all.plus(t);
            }
        }
        LargestLiquidation largest = largestInstrument == null ? null : new LargestLiquidation(
                largestInstrument.venue(), largestInstrument.symbol(), largestInstrument.coin().name(), largestSide,
                largestUsd, largestPrice, largestQuantity, largestTime);
        return new LiquidationSummary(count == 0 ? 0 : firstMicros, count == 0 ? 0 : lastMicros, all, largest,
                byUsd(byCoin), byUsd(byExchange), byUsd(byVenue));
    }

    /**
     * Totals over the window of {@code lengthMicros} (whole minutes) that ends at {@code endMicros}: the
     * minutes from {@code floor(end) - length + 1 min} to the minute containing {@code end}.
     */
    public LiquidationSummary window(long endMicros, long lengthMicros) {
        long lastMinute = Math.floorDiv(endMicros, Micros.PER_MINUTE);
        long firstMinute = lastMinute - Math.max(1, lengthMicros / Micros.PER_MINUTE) + 1;
        WindowSums sums = new WindowSums();
        for (int key = 0; key < series.length; key++) {
            MinuteSeries s = series[key];
            if (s == null) {
                continue;
            }
            sums.begin(key / (VENUES.length * SIDES), VENUES[(key / SIDES) % VENUES.length], key % SIDES);
            s.sum(firstMinute, lastMinute, sums);
        }
        return sums.summary(firstMinute * Micros.PER_MINUTE, endMicros);
    }

    /** The per-minute chart of one venue: USD and counts per side for every minute with a liquidation. */
    public List<MinuteBar> minuteBars(Venue venue) {
        return minuteBars(key -> (key / SIDES) % VENUES.length == venue.ordinal());
    }

    /** The per-minute chart of one coin over every venue. */
    public List<MinuteBar> minuteBars(Coin coin) {
        return minuteBars(key -> key / (VENUES.length * SIDES) == coin.id());
    }

    private List<MinuteBar> minuteBars(IntPredicate isSelected) {
        TreeMap<Long, double[]> minutes = new TreeMap<>();
        for (int key = 0; key < series.length; key++) {
            MinuteSeries s = series[key];
            if (s == null || !isSelected.test(key)) {
                continue;
            }
            int side = key % SIDES;
            for (int i = 0; i < s.size(); i++) {
                double[] bar = minutes.computeIfAbsent(s.minuteAt(i), m -> new double[4]);
                bar[side] += s.usdAt(i);
                bar[2 + side] += s.countAt(i);
            }
        }
        List<MinuteBar> bars = new ArrayList<>(minutes.size());
        minutes.forEach((m, b) -> bars.add(new MinuteBar(m * Micros.PER_MINUTE, b[Side.LONG.ordinal()],
                b[Side.SHORT.ordinal()], (long) b[2 + Side.LONG.ordinal()], (long) b[2 + Side.SHORT.ordinal()])));
        return bars;
    }

    /** Drops per-minute detail before {@code micros} (windows cannot reach it); whole-input sums stay. */
    public void evictBefore(long micros) {
        long minute = Math.floorDiv(micros, Micros.PER_MINUTE);
        for (MinuteSeries s : series) {
            if (s != null) {
                s.evictBefore(minute);
            }
        }
    }

    private MinuteSeries seriesFor(int coin, int venue, int side) {
        int key = (coin * VENUES.length + venue) * SIDES + side;
        if (key >= series.length) {
            series = Arrays.copyOf(series, Math.max(series.length * 2, key + 1));
        }
        MinuteSeries s = series[key];
        if (s == null) {
            s = new MinuteSeries();
            series[key] = s;
        }
        return s;
    }

    private void growCoins(int coin) {
        int n = Math.max(coinUsd.length * 2, (coin + 1) * SIDES);
        coinUsd = Arrays.copyOf(coinUsd, n);
        coinCount = Arrays.copyOf(coinCount, n);
    }

    private static SideTotals totals(double[] usd, long[] count, int index) {
        int l = index * SIDES + Side.LONG.ordinal();
        int s = index * SIDES + Side.SHORT.ordinal();
        return new SideTotals(usd[l], usd[s], count[l], count[s]);
    }

    static Map<String, SideTotals> byUsd(Map<String, SideTotals> m) {
        Map<String, SideTotals> sorted = new LinkedHashMap<>();
        m.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, SideTotals> e) -> -e.getValue().usd())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Folds minute cells of a window into per-coin, per-exchange and per-venue totals (read-out only). */
    private static final class WindowSums implements MinuteSeries.Accumulator {
        private final Map<String, SideTotals> byCoin = new LinkedHashMap<>();
        private final Map<String, SideTotals> byExchange = new LinkedHashMap<>();
        private final Map<String, SideTotals> byVenue = new LinkedHashMap<>();
        private SideTotals all = SideTotals.ZERO;
        private String coin;
        private Venue venue;
        private int side;
        private LargestLiquidation largest;

        void begin(int coinId, Venue venue, int side) {
            this.coin = Coin.byId(coinId).name();
            this.venue = venue;
            this.side = side;
        }

        @Override
        public void add(double usd, long count, double maxUsd, double maxPrice, double maxQuantity, long maxTime,
                        Instrument maxInstrument) {
            SideTotals t = side == Side.LONG.ordinal() ? new SideTotals(usd, 0, count, 0) : new SideTotals(0, usd, 0, count);
            byCoin.merge(coin, t, SideTotals::plus);
            byExchange.merge(venue.exchange().id(), t, SideTotals::plus);
            byVenue.merge(venue.id(), t, SideTotals::plus);
            all = all.plus(t);
            if (maxInstrument != null && (largest == null
                    || MinuteSeries.isLarger(maxUsd, maxTime, largest.usd(), largest.timeMicros(), true))) {
                largest = new LargestLiquidation(venue, maxInstrument.symbol(), coin, Side.values()[side], maxUsd,
                        maxPrice, maxQuantity, maxTime);
            }
        }

        LiquidationSummary summary(long from, long to) {
            return new LiquidationSummary(from, to, all, largest, byUsd(byCoin), byUsd(byExchange), byUsd(byVenue));
        }
    }
}
