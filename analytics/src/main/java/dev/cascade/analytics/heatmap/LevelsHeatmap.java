package dev.cascade.analytics.heatmap;

import dev.cascade.analytics.LiquidationLog;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.analytics.price.RoundLevels;
import dev.cascade.analytics.risk.LiquidationPrice;
import dev.cascade.model.Coin;
import dev.cascade.model.Instrument;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The liquidation heatmap of a coin by the levels model (research/methods.md 1.2), replayed over the minute bars
 * of every venue:
 *
 * <pre>
 * for each minute m of the lookback:
 *   check   realized liquidations of m against the clusters of the levels so far      -> hit-rate
 *   place   each instrument's open-interest increase dOI (USD at the bar's VWAP), split by its taker buy share b:
 *           dOI x b x w_L at LP_long(VWAP, L) and dOI x (1-b) x w_L at LP_short(VWAP, L) for every tier L,
 *           LP by the venue's formula and maintenance brackets (not the naive 1/L)
 *   shrink  every level by the share of all open interest that closed: x (1 - |dOI < 0| / OI before), since
 *           the positions that close are drawn from all that are open, not only from those placed here
 *   consume long levels at or above the reference instrument's low, short levels at or below its high;
 *           a cluster whose peak, as first found, price runs through has been swept
 * </pre>
 *
 * Pure: a read-out of {@link MarketBars} and {@link LiquidationLog}, so it is as mergeable as they are.
 */
public final class LevelsHeatmap {
    private static final long WARM_UP = Micros.PER_HOUR;
    private static final double LEVELS_RANGE = 0.15;
    private static final double COVERAGE_RANGE = 0.10;

    private final HeatmapSettings settings;
    private final LevelBook longs;
    private final LevelBook shorts;
    private final List<Heatmap.Cluster> trackedLongs = new ArrayList<>();
    private final List<Heatmap.Cluster> trackedShorts = new ArrayList<>();
    /** Peaks of tracked clusters price has reached: their predicted USD is frozen there. */
    private final Set<Double> entered = new HashSet<>();
    /** Each instrument's open interest in USD at its latest update (the shrink's denominator). */
    private double[] oiUsd;

    private LevelsHeatmap(HeatmapSettings settings, double centre) {
        this.settings = settings;
        this.longs = new LevelBook(settings.bucketPct(), centre);
        this.shorts = new LevelBook(settings.bucketPct(), centre);
    }

    /**
     * The heatmap of {@code coin} over the lookback ending at {@code endMicros}, with a snapshot every
     * {@code snapshotMinutes} (0 for none); null when the coin has no minute bars with trades.
     */
    public static Heatmap build(MarketBars bars, LiquidationLog log, Coin coin, long endMicros, HeatmapSettings s,
                                int snapshotMinutes) {
        return build(bars, log, coin, endMicros, s, snapshotMinutes, new long[1]);
    }

    /**
     * As above; adds to {@code refused[0]} the levels left out for lying outside the books' span, which is
     * centred on the reference instrument's median minute close (see {@link LevelBook}).
     */
    public static Heatmap build(MarketBars bars, LiquidationLog log, Coin coin, long endMicros, HeatmapSettings s,
                                int snapshotMinutes, long[] refused) {
        List<InstrumentBars> group = Scope.ALL.select(bars, coin);
        InstrumentBars ref = Scope.reference(group);
        if (ref == null || ref.minutes().isEmpty()) {
            return null;
        }
        LevelsHeatmap h = new LevelsHeatmap(s, RoundLevels.referencePrice(ref.minutes()));
        Heatmap out = h.run(group, ref, log, coin, endMicros, snapshotMinutes);
        refused[0] += h.longs.refused() + h.shorts.refused();
        return out;
    }

    private Heatmap run(List<InstrumentBars> group, InstrumentBars ref, LiquidationLog log, Coin coin, long endMicros,
                        int snapshotMinutes) {
        long lastMinute = Math.floorDiv(endMicros, Micros.PER_MINUTE);
        long firstMinute = lastMinute - settings.lookbackMicros() / Micros.PER_MINUTE + 1;
        BarSeries refBars = ref.minutes();
        firstMinute = Math.max(firstMinute, refBars.slot(0));
        int n = group.size();
        int[] cursor = new int[n];
        double[] previousOi = new double[n];
        oiUsd = new double[n];
        for (int i = 0; i < n; i++) {
            cursor[i] = group.get(i).minutes().indexAtOrAfter(firstMinute);
            previousOi[i] = Double.NaN;
        }
        int refCursor = refBars.indexAtOrAfter(firstMinute);
        double price = Double.NaN;
        HitCounter hits = new HitCounter((firstMinute * Micros.PER_MINUTE) + WARM_UP);
        List<Heatmap.Swept> swept = new ArrayList<>();
        List<Heatmap.Snapshot> snapshots = new ArrayList<>();
        for (long m = firstMinute; m <= lastMinute; m++) {
            long start = m * Micros.PER_MINUTE;
            if (!Double.isNaN(price)) {
                check(log, coin, start, start + Micros.PER_MINUTE - 1, hits, price);
            }
            double before = 0;
            for (double v : oiUsd) {
                before += v;
            }
            double closed = 0;
            for (int i = 0; i < n; i++) {
                BarSeries b = group.get(i).minutes();
                if (cursor[i] < b.size() && b.slot(cursor[i]) == m) {
                    closed += place(group.get(i).instrument(), b, cursor[i], previousOi, i);
                    cursor[i]++;
                }
            }
            if (closed > 0 && before > 0) {
                double factor = Math.max(0, 1 - closed / before);
                longs.scaleBy(factor);
                shorts.scaleBy(factor);
            }
            if (refCursor < refBars.size() && refBars.slot(refCursor) == m) {
                if (refBars.hasTrades(refCursor)) {
                    consume(refBars.low(refCursor), refBars.high(refCursor), start, swept);
                    price = refBars.close(refCursor);
                }
                refCursor++;
            }
            if (snapshotMinutes > 0 && !Double.isNaN(price) && (m - firstMinute + 1) % snapshotMinutes == 0) {
                snapshots.add(new Heatmap.Snapshot(start + Micros.PER_MINUTE, price, levels(price)));
            }
        }
        List<Heatmap.Cluster> clusters = new ArrayList<>(clusters(longs, Side.LONG));
        clusters.addAll(clusters(shorts, Side.SHORT));
        return new Heatmap(coin.name(), ref.instrument().toString(), firstMinute * Micros.PER_MINUTE, endMicros, price,
                settings.bucketPct(), Double.isNaN(price) ? List.of() : levels(price), clusters, swept,
                hits.result(), snapshots);
    }

    /** Places an instrument's new positions of one minute; returns the USD of positions closed (dOI < 0). */
    private double place(Instrument instrument, BarSeries b, int j, double[] previousOi, int i) {
        double oi = b.openInterest(j);
        if (Double.isNaN(oi)) {
            return 0;
        }
        double previous = previousOi[i];
        previousOi[i] = oi;
        double entry = b.hasTrades(j) && b.volumeCoin(j) > 0 ? b.volumeUsd(j) / b.volumeCoin(j)
                : !Double.isNaN(b.mark(j)) ? b.mark(j) : Double.NaN;
        if (Double.isNaN(entry)) {
            return 0;
        }
        double usd = instrument.notionalUsd(oi, entry);
        oiUsd[i] = Double.isNaN(usd) ? 0 : usd;
        if (Double.isNaN(previous)) {
            return 0;
        }
        double delta = instrument.notionalUsd(oi - previous, entry);
        if (!(delta > 0)) {
            return Double.isNaN(delta) ? 0 : -delta;
        }
        double taker = b.buyUsd(j) + b.sellUsd(j);
        double buyShare = taker > 0 ? b.buyUsd(j) / taker : 0.5;
        for (int t = 0; t < settings.leverages().length; t++) {
            double w = settings.weights()[t];
            double l = settings.leverages()[t];
            longs.add(longs.bucketOf(liquidationPrice(instrument, Side.LONG, entry, l)), delta * buyShare * w);
            shorts.add(shorts.bucketOf(liquidationPrice(instrument, Side.SHORT, entry, l)), delta * (1 - buyShare) * w);
        }
        return 0;
    }

    private double liquidationPrice(Instrument instrument, Side side, double entry, double leverage) {
        boolean isInverse = instrument.isInverse();
        double size = isInverse ? instrument.contractSize() : 1;
        double qty = isInverse ? settings.representativeUsd() / size : settings.representativeUsd() / entry;
        double wallet = LiquidationPrice.Position.initialMargin(isInverse, entry, qty, size, leverage);
        double lp = LiquidationPrice.of(new LiquidationPrice.Position(instrument.venue(), isInverse, side, entry, qty,
                size, wallet), settings.brackets().apply(instrument.venue())).price();
        // a level that cannot be reached (an inverse short at 1x) is placed far away, where price never goes
        return lp > 0 ? lp : entry * 100;
    }

    private void consume(double low, double high, long minuteStart, List<Heatmap.Swept> swept) {
        sweep(longs, Side.LONG, longs.bucketOf(low), true, minuteStart, swept);
        sweep(shorts, Side.SHORT, shorts.bucketOf(high), false, minuteStart, swept);
    }

    private void sweep(LevelBook book, Side side, int bucket, boolean isFromUp, long minuteStart, List<Heatmap.Swept> out) {
        List<Heatmap.Cluster> tracked = side == Side.LONG ? trackedLongs : trackedShorts;
        track(tracked, clusters(book, side), entered);
        if (book.isEmpty() || (isFromUp ? bucket > book.high() : bucket < book.low())) {
            return;
        }
        if (book.consume(bucket, isFromUp) <= 0) {
            return;
        }
        List<Heatmap.Cluster> after = clusters(book, side);
        for (Iterator<Heatmap.Cluster> it = tracked.iterator(); it.hasNext(); ) {
            Heatmap.Cluster c = it.next();
            int peak = book.bucketOf(c.price());
            boolean isEntered = isFromUp ? bucket <= book.bucketOf(c.highPrice()) : bucket >= book.bucketOf(c.lowPrice());
            boolean isGone = after.stream().noneMatch(x -> x.price() >= c.lowPrice() && x.price() <= c.highPrice());
            // through its peak, or eaten away from its edge until nothing of it stands out any more
            if ((isFromUp ? peak >= bucket : peak <= bucket) || isEntered && isGone) {
                out.add(new Heatmap.Swept(minuteStart, c, c.usd()));
                it.remove();
                entered.remove(c.price());
            } else if (isEntered) {
                entered.add(c.price()); // what it held as price reached it is what it predicted
            }
        }
    }

    /**
     * Keeps each cluster where it was first found: a cluster that price eats into minute by minute
     * keeps shifting its recomputed peak just ahead of the price, so it is the first-found peak that price must
     * run through to sweep it (or eat into until nothing of it stands out). A tracked cluster with no current cluster in its band has dissolved (its positions
     * closed) and is forgotten.
     */
    private static void track(List<Heatmap.Cluster> tracked, List<Heatmap.Cluster> now, Set<Double> entered) {
        tracked.removeIf(t -> {
            boolean isDissolved = now.stream().noneMatch(c -> c.price() >= t.lowPrice() && c.price() <= t.highPrice());
            if (isDissolved) {
                entered.remove(t.price());
            }
            return isDissolved;
        });
        for (Heatmap.Cluster c : now) {
            boolean isKnown = false;
            for (int k = 0; k < tracked.size(); k++) {
                Heatmap.Cluster t = tracked.get(k);
                if (c.price() >= t.lowPrice() && c.price() <= t.highPrice()) {
                    isKnown = true;
                    // the same cluster: its place as first found, what it holds now (until price reaches it)
                    if (!entered.contains(t.price())) {
                        tracked.set(k, new Heatmap.Cluster(t.side(), t.price(), t.lowPrice(), t.highPrice(), c.usd(),
                                c.share()));
                    }
                }
            }
            if (!isKnown) {
                tracked.add(c);
            }
        }
    }

    /**
     * Peaks of the band sums (each bucket with its {@code r} neighbours on both sides) holding at least the
     * minimum share of the side's total; overlapping bands keep the larger.
     */
    private List<Heatmap.Cluster> clusters(LevelBook book, Side side) {
        List<Heatmap.Cluster> out = new ArrayList<>();
        double total = book.total();
        if (book.isEmpty() || !(total > 0)) {
            return out;
        }
        int r = settings.clusterRadius();
        int lo = book.low();
        int hi = book.high();
        double[] band = new double[hi - lo + 1];
        double running = 0;
        for (int k = lo - r; k <= hi + r; k++) {
            running += book.at(k + r) - book.at(k - r - 1);
            if (k >= lo && k <= hi) {
                band[k - lo] = running;
            }
        }
        int lastPeak = -band.length - 2 * r - 1;
        for (int k = 0; k < band.length; k++) {
            double v = band[k];
            if (v < settings.clusterMinShare() * total) {
                continue;
            }
            // a peak beats its neighbours' bands; on a plateau, the bucket holding most itself
            boolean isPeak = true;
            for (int d = 1; d <= r && isPeak; d++) {
                isPeak = isAbove(v, book.at(lo + k), k - d, band, book, lo, false)
                        && isAbove(v, book.at(lo + k), k + d, band, book, lo, true);
            }
            if (!isPeak || k - lastPeak <= 2 * r) {
                continue;
            }
            lastPeak = k;
            int bucket = lo + k;
            out.add(new Heatmap.Cluster(side, book.midOf(bucket), book.priceOf(bucket - r), book.priceOf(bucket + r + 1),
                    v, v / total));
        }
        return out;
    }

    private static boolean isAbove(double v, double own, int j, double[] band, LevelBook book, int lo, boolean isRight) {
        if (j < 0 || j >= band.length) {
            return true;
        }
        double other = book.at(lo + j);
        return band[j] < v || band[j] == v && (other < own || other == own && isRight);
    }

    private void check(LiquidationLog log, Coin coin, long from, long to, HitCounter hits, double price) {
        if (from < hits.fromMicros) {
            return;
        }
        List<List<Heatmap.Cluster>> bySide = new ArrayList<>(2); // computed once, if the minute had any
        log.forEach(coin, from, to, (instrument, side, p, usd, time) -> {
            if (bySide.isEmpty()) {
                bySide.add(clusters(longs, Side.LONG));
                bySide.add(clusters(shorts, Side.SHORT));
                hits.coverage(coverage(bySide.get(0), price) + coverage(bySide.get(1), price));
            }
            boolean isInside = false;
            for (Heatmap.Cluster c : bySide.get(side.ordinal())) {
                isInside |= c.contains(p);
            }
            hits.add(side, usd, isInside);
        });
    }

    /** The share of [price - 10 %, price + 10 %] that the clusters' bands cover, in percent. */
    private static double coverage(List<Heatmap.Cluster> clusters, double price) {
        double lo = price * (1 - COVERAGE_RANGE);
        double hi = price * (1 + COVERAGE_RANGE);
        double covered = 0;
        for (Heatmap.Cluster c : clusters) {
            covered += Math.max(0, Math.min(hi, c.highPrice()) - Math.max(lo, c.lowPrice()));
        }
        return covered / (hi - lo) * 100;
    }

    /** The non-empty buckets within 15 % of price, lowest first. */
    private List<Heatmap.Level> levels(double price) {
        List<Heatmap.Level> out = new ArrayList<>();
        int from = longs.bucketOf(price * (1 - LEVELS_RANGE));
        int to = longs.bucketOf(price * (1 + LEVELS_RANGE));
        for (int k = from; k <= to; k++) {
            double l = longs.at(k);
            double s = shorts.at(k);
            if (l > 0 || s > 0) {
                out.add(new Heatmap.Level(longs.priceOf(k), l, s));
            }
        }
        return out;
    }

    /** Counts realized liquidations inside and outside the clusters, after the warm-up. */
    private static final class HitCounter {
        final long fromMicros;
        final double[] realized = new double[2];
        final double[] inside = new double[2];
        double coverageSum;
        long checks;

        HitCounter(long fromMicros) {
            this.fromMicros = fromMicros;
        }

        void add(Side side, double usd, boolean isInside) {
            realized[side.ordinal()] += usd;
            if (isInside) {
                inside[side.ordinal()] += usd;
            }
        }

        void coverage(double pct) {
            coverageSum += pct;
            checks++;
        }

        Heatmap.HitRate result() {
            return new Heatmap.HitRate(realized[0] + realized[1], inside[0] + inside[1], realized[0], inside[0],
                    realized[1], inside[1], checks > 0 ? coverageSum / checks : Double.NaN, checks);
        }
    }
}
