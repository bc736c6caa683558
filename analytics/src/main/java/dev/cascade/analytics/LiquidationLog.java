package dev.cascade.analytics;

import dev.cascade.model.Coin;
import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import java.util.Arrays;

/**
 * Every liquidation of the recent past as a primitive log (time, instrument, side, price, USD): what the heatmap
 * measures its hit-rate against, and what lists of liquidations read. Columns grow by doubling; nothing is
 * allocated per event. Entries older than the retention (counted back from the latest, aligned to its hour)
 * are dropped: read-outs skip them at once, and the columns are compacted when a quarter of them is stale or
 * when they are full, so that a day-long log is not shifted every hour. Merging appends; read-outs sort, so the
 * order of arrival never shows.
 */
public final class LiquidationLog implements MarketListener {
    private final long retentionMicros;
    private long[] time = new long[1024];
    private double[] price = new double[1024];
    private double[] usd = new double[1024];
    private boolean[] isLong = new boolean[1024];
    private Instrument[] instrument = new Instrument[1024];
    private int size;
    private boolean isSorted = true;
    private long lastMicros = Long.MIN_VALUE;
    private long cutoff = Long.MIN_VALUE;

    public LiquidationLog(long retentionMicros) {
        this.retentionMicros = retentionMicros;
    }

    @Override
    public void onLiquidation(Liquidation l) {
        add(l.instrument(), l.side(), l.price(), l.usd(), l.exchangeMicros());
    }

    private void add(Instrument i, Side side, double p, double u, long t) {
        if (!(u >= 0) || t < cutoff) {
            return;
        }
        if (size == time.length) {
            compact(true);
        }
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            price = Arrays.copyOf(price, n);
            usd = Arrays.copyOf(usd, n);
            isLong = Arrays.copyOf(isLong, n);
            instrument = Arrays.copyOf(instrument, n);
        }
        if (size > 0 && t < time[size - 1]) {
            isSorted = false;
        }
        time[size] = t;
        price[size] = p;
        usd[size] = u;
        isLong[size] = side == Side.LONG;
        instrument[size] = i;
        size++;
        if (t > lastMicros) {
            long hour = Math.floorDiv(t, Micros.PER_HOUR);
            boolean isNewHour = lastMicros == Long.MIN_VALUE || hour > Math.floorDiv(lastMicros, Micros.PER_HOUR);
            lastMicros = t;
            if (isNewHour) {
                evict(hour);
            }
        }
    }

    private void evict(long hour) {
        cutoff = hour * Micros.PER_HOUR - retentionMicros;
        compact(false);
    }

    /** Drops the entries before the cutoff, unless few are stale and {@code isForced} is false. */
    private void compact(boolean isForced) {
        int drop = firstKept();
        if (drop > 0 && (isForced || drop * 4 >= size)) {
            int keep = size - drop;
            System.arraycopy(time, drop, time, 0, keep);
            System.arraycopy(price, drop, price, 0, keep);
            System.arraycopy(usd, drop, usd, 0, keep);
            System.arraycopy(isLong, drop, isLong, 0, keep);
            System.arraycopy(instrument, drop, instrument, 0, keep);
            Arrays.fill(instrument, keep, size, null);
            size = keep;
        }
    }

    public void merge(LiquidationLog other) {
        for (int k = 0; k < other.size; k++) {
            add(other.instrument[k], other.isLong[k] ? Side.LONG : Side.SHORT, other.price[k], other.usd[k], other.time[k]);
        }
        if (lastMicros != Long.MIN_VALUE) {
            evict(Math.floorDiv(lastMicros, Micros.PER_HOUR));
        }
    }

    /** Index of the first entry at or after the cutoff (sorting first). */
    private int firstKept() {
        sort();
        return lowerBound(cutoff);
    }

    /** Index of the first entry at or after {@code micros}; the columns are sorted. */
    private int lowerBound(long micros) {
        int k = Arrays.binarySearch(time, 0, size, micros);
        if (k < 0) {
            return -k - 1;
        }
        while (k > 0 && time[k - 1] == micros) {
            k--;
        }
        return k;
    }

    /** Sorts by time, then instrument key, side, price and USD: a total order, so equal logs read out equally. */
    private void sort() {
        if (isSorted) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int k = 0; k < size; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Long.compare(time[a], time[b]);
            if (c == 0) {
                c = Integer.compare(instrument[a].key(), instrument[b].key());
            }
            if (c == 0) {
                c = Boolean.compare(isLong[a], isLong[b]);
            }
            if (c == 0) {
                c = Double.compare(price[a], price[b]);
            }
            return c != 0 ? c : Double.compare(usd[a], usd[b]);
        });
        long[] t = new long[time.length];
        double[] p = new double[time.length];
        double[] u = new double[time.length];
        boolean[] l = new boolean[time.length];
        Instrument[] i = new Instrument[time.length];
        for (int k = 0; k < size; k++) {
            int from = order[k];
            t[k] = time[from];
            p[k] = price[from];
            u[k] = usd[from];
            l[k] = isLong[from];
            i[k] = instrument[from];
        }
        time = t;
        price = p;
        usd = u;
        isLong = l;
        instrument = i;
        isSorted = true;
    }

    /** Receives the entries of a read-out. */
    public interface Visitor {
        void accept(Instrument instrument, Side side, double price, double usd, long timeMicros);
    }

    /** Visits the entries of {@code coin} (all coins when null) between two times (inclusive), oldest first. */
    public void forEach(Coin coin, long fromMicros, long toMicros, Visitor visitor) {
        sort();
        for (int k = lowerBound(Math.max(fromMicros, cutoff)); k < size && time[k] <= toMicros; k++) {
            if (coin == null || instrument[k].coin() == coin) {
                visitor.accept(instrument[k], isLong[k] ? Side.LONG : Side.SHORT, price[k], usd[k], time[k]);
            }
        }
    }

    /** Entries held within the retention. */
    public int size() {
        return size - firstKept();
    }
}
