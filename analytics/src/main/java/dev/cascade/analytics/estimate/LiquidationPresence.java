package dev.cascade.analytics.estimate;

import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The state behind estimated liquidation totals: per symbol and minute, the seconds that had a liquidation and
 * the USD reported per side ({@link PresenceSeries}). Read out by {@link #estimate} through the
 * {@link LiquidationEstimator}, for the whole input or a window, split like the reported totals.
 *
 * <p>Pure and mergeable like the other aggregators. Minutes older than the retention (counted back from the
 * latest liquidation, aligned to its hour) are folded into per-symbol whole-input sums and dropped; merging
 * parts stays exact as long as parts that share a symbol-minute both still hold it, which holds for parts split
 * by symbol (as a keyed stream does) or that lag each other by less than the retention.
 */
public final class LiquidationPresence implements MarketListener {
    /** The fewest complete-venue liquidations a calibration ratio rests on. */
    static final int MIN_REFERENCE = 30;
    private final long retentionMinutes;
    private PresenceSeries[] byKey = new PresenceSeries[64];
    private Instrument[] instruments = new Instrument[64];
    private final List<Integer> keys = new ArrayList<>();
    private long lastMicros = Long.MIN_VALUE;
    private long lastHour = Long.MIN_VALUE;
    private long cutoff = Long.MIN_VALUE;

    public LiquidationPresence(long retentionMicros) {
        this.retentionMinutes = retentionMicros / Micros.PER_HOUR * 60;
    }

    @Override
    public void onLiquidation(Liquidation l) {
        add(l);
    }

    public void add(Liquidation l) {
        long time = l.exchangeMicros();
        double usd = l.usd();
        if (!(usd >= 0)) {
            return;
        }
        long minute = Math.floorDiv(time, Micros.PER_MINUTE);
        advance(time);
        PresenceSeries s = series(l.instrument());
        int second = (int) (Math.floorMod(time, Micros.PER_MINUTE) / Micros.PER_SECOND);
        if (minute >= cutoff) {
            s.add(minute, second, l.side() == Side.LONG, usd, time);
        } else {
            // too old to hold: fold its minute alone (its own seconds only) into the whole-input sums
            PresenceSeries late = new PresenceSeries(s.isComplete());
            late.add(minute, second, l.side() == Side.LONG, usd, time);
            LiquidationEstimator.accumulate(late, 0, s.folded);
        }
    }

    private void advance(long time) {
        if (time <= lastMicros) {
            return;
        }
        lastMicros = time;
        long hour = Math.floorDiv(time, Micros.PER_HOUR);
        if (hour > lastHour) {
            lastHour = hour;
            evict();
        }
    }

    private void evict() {
        cutoff = lastHour * 60 - retentionMinutes;
        for (int key : keys) {
            PresenceSeries s = byKey[key];
            s.evictBefore(cutoff, (series, row) -> LiquidationEstimator.accumulate(series, row, series.folded));
        }
    }

    private PresenceSeries series(Instrument instrument) {
        int key = instrument.key();
        if (key >= byKey.length) {
            int n = Math.max(byKey.length * 2, key + 1);
            byKey = Arrays.copyOf(byKey, n);
            instruments = Arrays.copyOf(instruments, n);
        }
        PresenceSeries s = byKey[key];
        if (s == null) {
            s = new PresenceSeries(instrument.venue().isLiquidationFeedComplete());
            byKey[key] = s;
            instruments[key] = instrument;
            keys.add(key);
        }
        return s;
    }

    public void merge(LiquidationPresence other) {
        for (int key : other.keys) {
            series(other.instruments[key]).merge(other.byKey[key]);
        }
        if (other.lastMicros > lastMicros) {
            lastMicros = other.lastMicros;
            lastHour = Math.max(lastHour, other.lastHour);
        }
        evict();
    }

    // ---- read-out ----

    /** Estimates over the whole input (every minute ever added), by presence alone. */
    public EstimateSummary estimate() {
        return estimate(null);
    }

    /**
     * Estimates over the whole input; with {@code trades} (null for none), the complete venues calibrate the
     * throttled ones ({@link LiquidationEstimator}).
     */
    public EstimateSummary estimate(TradeCounts trades) {
        return estimate(Long.MIN_VALUE, Long.MAX_VALUE, true, trades);
    }

    /** Estimates over the minutes {@code fromMicros} to {@code toMicros} (inclusive, whole minutes), by presence. */
    public EstimateSummary estimate(long fromMicros, long toMicros) {
        return estimate(fromMicros, toMicros, null);
    }

    /** Estimates over the minutes {@code fromMicros} to {@code toMicros}, calibrated with {@code trades}. */
    public EstimateSummary estimate(long fromMicros, long toMicros, TradeCounts trades) {
        return estimate(Math.floorDiv(fromMicros, Micros.PER_MINUTE), Math.floorDiv(toMicros, Micros.PER_MINUTE), false,
                trades);
    }

    private EstimateSummary estimate(long fromMinute, long toMinute, boolean withFolded, TradeCounts trades) {
        double[] all = new double[LiquidationEstimator.SLOTS];
        Map<String, double[]> byCoin = new LinkedHashMap<>();
        Map<String, double[]> byExchange = new LinkedHashMap<>();
        Map<String, double[]> byVenue = new LinkedHashMap<>();
        Map<String, Map<Long, double[]>> complete = completeMinutes(fromMinute, toMinute);
        for (int key : keys) {
            PresenceSeries s = byKey[key];
            Instrument instrument = instruments[key];
            double[] acc = new double[LiquidationEstimator.SLOTS];
            if (withFolded) {
                System.arraycopy(s.folded, 0, acc, 0, acc.length);
            }
            Map<Long, double[]> reference = s.isComplete() || trades == null ? null
                    : complete.get(instrument.coin().name());
            double[] ratios = reference == null ? null : ratios(s, instrument, reference, fromMinute, toMinute, trades);
            boolean isCalibrated = ratios != null && Double.isFinite(ratios[0]);
            for (int i = s.indexAtOrAfter(fromMinute); i < s.size() && s.minute(i) <= toMinute; i++) {
                double[] seen = isCalibrated ? reference.get(s.minute(i)) : null;
                LiquidationEstimator.accumulate(s, i, acc, seen == null ? null : calibration(seen, ratios));
            }
            if (isCalibrated) {
                for (Map.Entry<Long, double[]> e : reference.entrySet()) {
                    if (row(s, e.getKey()) < 0) {
                        LiquidationEstimator.accumulateUnseen(acc, calibration(e.getValue(), ratios));
                    }
                }
            }
            add(all, acc);
            add(byCoin.computeIfAbsent(instrument.coin().name(), k -> new double[acc.length]), acc);
            add(byExchange.computeIfAbsent(instrument.exchange().id(), k -> new double[acc.length]), acc);
            add(byVenue.computeIfAbsent(instrument.venue().id(), k -> new double[acc.length]), acc);
        }
        Function<Map<String, double[]>, Map<String, Estimate>> split = m -> {
            Map<String, Estimate> out = new LinkedHashMap<>();
            m.entrySet().stream()
                    .filter(e -> Estimate.both(e.getValue()).reportedUsd() > 0)
                    .sorted(Comparator.comparing((Map.Entry<String, double[]> e) -> -Estimate.both(e.getValue()).usd())
                            .thenComparing(Map.Entry::getKey))
                    .forEach(e -> out.put(e.getKey(), Estimate.both(e.getValue())));
            return out;
        };
        return new EstimateSummary(Estimate.both(all), Estimate.side(all, 0), Estimate.side(all, 1), split.apply(byCoin),
                split.apply(byExchange), split.apply(byVenue), EstimateSummary.Check.of(all),
                (long) all[LiquidationEstimator.SATURATED], (long) all[LiquidationEstimator.CALIBRATED]);
    }

    /**
     * Per coin and minute of the window, what venues that publish everything saw: {count, USD, seconds with a
     * liquidation, USD a one-per-second feed would have pushed, long count, long USD}.
     */
    private Map<String, Map<Long, double[]>> completeMinutes(long fromMinute, long toMinute) {
        Map<String, Map<Long, double[]>> out = new java.util.HashMap<>();
        for (int key : keys) {
            PresenceSeries s = byKey[key];
            if (!s.isComplete()) {
                continue;
            }
            Map<Long, double[]> minutes = out.computeIfAbsent(instruments[key].coin().name(), k -> new java.util.TreeMap<>());
            for (int i = s.indexAtOrAfter(fromMinute); i < s.size() && s.minute(i) <= toMinute; i++) {
                double[] m = minutes.computeIfAbsent(s.minute(i), k -> new double[6]);
                m[0] += s.longCount(i) + s.shortCount(i);
                m[1] += s.longUsd(i) + s.shortUsd(i);
                m[2] = Math.max(m[2], s.secondsPresent(i)); // of the coin's busiest complete symbol
                m[3] += s.throttledUsd(i);
                m[4] += s.longCount(i);
                m[5] += s.longUsd(i);
            }
        }
        return out;
    }

    private static LiquidationEstimator.Calibration calibration(double[] seen, double[] ratios) {
        return new LiquidationEstimator.Calibration(seen[0], seen[1], seen[4], seen[5], ratios[0], ratios[1]);
    }

    /** The row of {@code minute} in {@code s}, or -1. */
    private static int row(PresenceSeries s, long minute) {
        int i = s.indexAtOrAfter(minute);
        return i < s.size() && s.minute(i) == minute ? i : -1;
    }

    /**
     * How a throttled symbol compares with the complete venues on its coin over the window: {count ratio, USD
     * ratio}. Positions scale with the venues' trades in the coin (research/methods.md section 6: the ratio to a
     * fully reporting venue, scaled by its share of the trading); USD with that times the ratio of mean liquidation sizes,
     * the throttled feed's pushes being a size-neutral sample of its liquidations. NaN when the complete venues
     * saw fewer than {@link #MIN_REFERENCE} liquidations, or either side traded nothing.
     */
    private double[] ratios(PresenceSeries s, Instrument instrument, Map<Long, double[]> reference, long fromMinute,
                            long toMinute, TradeCounts trades) {
        long from = fromMinute == Long.MIN_VALUE ? Long.MIN_VALUE : fromMinute * Micros.PER_MINUTE;
        long to = toMinute == Long.MAX_VALUE ? Long.MAX_VALUE : (toMinute + 1) * Micros.PER_MINUTE - 1;
        // trades, not USD: how many traders a venue has, which its larger traders' size would overstate
        double own = trades.trades(instrument, from, to);
        double complete = 0;
        for (int key : keys) {
            Instrument i = instruments[key];
            if (i.coin().equals(instrument.coin()) && i.venue().isLiquidationFeedComplete()) {
                complete += trades.trades(i, from, to);
            }
        }
        double seenCount = 0;
        double seenUsd = 0;
        for (double[] b : reference.values()) {
            seenCount += b[0];
            seenUsd += b[1];
        }
        double receivedCount = 0;
        double receivedUsd = 0;
        for (int i = s.indexAtOrAfter(fromMinute); i < s.size() && s.minute(i) <= toMinute; i++) {
            receivedCount += s.longCount(i) + s.shortCount(i);
            receivedUsd += s.longUsd(i) + s.shortUsd(i);
        }
        if (seenCount < MIN_REFERENCE || own <= 0 || complete <= 0 || receivedCount <= 0 || seenUsd <= 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double count = own / complete;
        return new double[] {count, count * (receivedUsd / receivedCount) / (seenUsd / seenCount)};
    }

    private static void add(double[] into, double[] from) {
        for (int k = 0; k < into.length; k++) {
            into[k] += from[k];
        }
    }
}
