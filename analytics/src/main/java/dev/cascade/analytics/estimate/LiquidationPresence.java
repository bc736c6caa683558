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
        for (int key : keys) {
            PresenceSeries s = byKey[key];
            Instrument instrument = instruments[key];
            double[] acc = new double[LiquidationEstimator.SLOTS];
            if (withFolded) {
                System.arraycopy(s.folded, 0, acc, 0, acc.length);
            }
            for (int i = s.indexAtOrAfter(fromMinute); i < s.size() && s.minute(i) <= toMinute; i++) {
                LiquidationEstimator.accumulate(s, i, acc);
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
                (long) all[LiquidationEstimator.SATURATED]);
    }

    private static void add(double[] into, double[] from) {
        for (int k = 0; k < into.length; k++) {
            into[k] += from[k];
        }
    }
}
