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

    /** Estimates over the whole input (every minute ever added). */
    public EstimateSummary estimate() {
        return estimate(Long.MIN_VALUE, Long.MAX_VALUE, true);
    }

    /** Estimates over the minutes {@code fromMicros} to {@code toMicros} (inclusive, whole minutes). */
    public EstimateSummary estimate(long fromMicros, long toMicros) {
        return estimate(Math.floorDiv(fromMicros, Micros.PER_MINUTE), Math.floorDiv(toMicros, Micros.PER_MINUTE), false);
    }

    private EstimateSummary estimate(long fromMinute, long toMinute, boolean withFolded) {
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
            Map<Long, double[]> reference = s.isComplete() ? null : complete.get(instrument.coin().name());
            double[] ratios = reference == null ? null : ratios(s, fromMinute, toMinute, reference);
            for (int i = s.indexAtOrAfter(fromMinute); i < s.size() && s.minute(i) <= toMinute; i++) {
                double[] seen = reference == null ? null : reference.get(s.minute(i));
                LiquidationEstimator.accumulate(s, i, acc, seen == null ? null
                        : new LiquidationEstimator.Calibration(seen[0], seen[1], ratios[0], ratios[1]));
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

    /** Per coin and minute, the liquidations venues that publish everything saw: {count, USD}; totals at key MIN. */
    private Map<String, Map<Long, double[]>> completeMinutes(long fromMinute, long toMinute) {
        Map<String, Map<Long, double[]>> out = new java.util.HashMap<>();
        for (int key : keys) {
            PresenceSeries s = byKey[key];
            if (!s.isComplete()) {
                continue;
            }
            Map<Long, double[]> minutes = out.computeIfAbsent(instruments[key].coin().name(), k -> new java.util.HashMap<>());
            double[] total = minutes.computeIfAbsent(Long.MIN_VALUE, k -> new double[2]);
            for (int i = s.indexAtOrAfter(fromMinute); i < s.size() && s.minute(i) <= toMinute; i++) {
                double[] m = minutes.computeIfAbsent(s.minute(i), k -> new double[2]);
                double count = s.longCount(i) + s.shortCount(i);
                double usd = s.longUsd(i) + s.shortUsd(i);
                m[0] += count;
                m[1] += usd;
                total[0] += count;
                total[1] += usd;
            }
        }
        return out;
    }

    /**
     * How a throttled symbol compares with the complete venues on its coin over the window's minutes where its own
     * feed was not saturated: {count ratio, USD ratio}, NaN where the complete venues saw fewer than
     * {@link #MIN_REFERENCE} liquidations there.
     */
    private static double[] ratios(PresenceSeries s, long fromMinute, long toMinute, Map<Long, double[]> reference) {
        double[] total = reference.get(Long.MIN_VALUE);
        double count = 0;
        double usd = 0;
        double referenceCount = total[0];
        double referenceUsd = total[1];
        for (int i = s.indexAtOrAfter(fromMinute); i < s.size() && s.minute(i) <= toMinute; i++) {
            int k = s.secondsPresent(i);
            if (k >= LiquidationEstimator.SATURATION) {
                double[] seen = reference.get(s.minute(i));
                if (seen != null) {
                    referenceCount -= seen[0];
                    referenceUsd -= seen[1];
                }
            } else {
                double m = LiquidationEstimator.multiplier(k);
                count += (s.longCount(i) + s.shortCount(i)) * m;
                usd += (s.longUsd(i) + s.shortUsd(i)) * m;
            }
        }
        return referenceCount < MIN_REFERENCE || count <= 0 ? new double[] {Double.NaN, Double.NaN}
                : new double[] {count / referenceCount, usd / referenceUsd};
    }

    private static void add(double[] into, double[] from) {
        for (int k = 0; k < into.length; k++) {
            into[k] += from[k];
        }
    }
}
