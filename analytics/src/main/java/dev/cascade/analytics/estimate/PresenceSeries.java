package dev.cascade.analytics.estimate;

import java.util.Arrays;

/**
 * One symbol's liquidation minutes, in rising minute order: which seconds had a liquidation (a 60-bit mask),
 * the USD and count reported per side, and, for a venue that publishes everything, the latest liquidation of
 * each second, which is what a one-per-second feed would have pushed. Every field combines independently of
 * order (masks OR, sums add, the latest of a second is the one with the greatest time, then USD).
 */
final class PresenceSeries {
    /** Estimates of the minutes already evicted, in {@link LiquidationEstimator}'s accumulator layout. */
    final double[] folded = new double[LiquidationEstimator.SLOTS];
    private final boolean isComplete;
    private long[] minute = new long[8];
    private long[] mask = new long[8];
    private double[] longUsd = new double[8];
    private double[] shortUsd = new double[8];
    private long[] longCount = new long[8];
    private long[] shortCount = new long[8];
    private Seconds[] seconds;
    /** Seconds of evicted minutes, reused for new ones: a live run allocates nothing once its window is full. */
    private Seconds[] spare = new Seconds[8];
    private int spares;
    private int size;

    PresenceSeries(boolean isComplete) {
        this.isComplete = isComplete;
        this.seconds = isComplete ? new Seconds[8] : null;
    }

    boolean isComplete() {
        return isComplete;
    }

    void add(long minuteIndex, int second, boolean isLong, double usd, long time) {
        int i = row(minuteIndex);
        mask[i] |= 1L << second;
        if (isLong) {
            longUsd[i] += usd;
            longCount[i]++;
        } else {
            shortUsd[i] += usd;
            shortCount[i]++;
        }
        if (isComplete) {
            if (seconds[i] == null) {
                seconds[i] = fresh();
            }
            seconds[i].offer(second, time, usd);
        }
    }

    void merge(PresenceSeries o) {
        for (int k = 0; k < folded.length; k++) {
            folded[k] += o.folded[k];
        }
        for (int j = 0; j < o.size; j++) {
            int i = row(o.minute[j]);
            mask[i] |= o.mask[j];
            longUsd[i] += o.longUsd[j];
            shortUsd[i] += o.shortUsd[j];
            longCount[i] += o.longCount[j];
            shortCount[i] += o.shortCount[j];
            if (isComplete && o.seconds[j] != null) {
                if (seconds[i] == null) {
                    seconds[i] = fresh();
                }
                Seconds s = o.seconds[j];
                for (int k = 0; k < s.n; k++) {
                    seconds[i].offer(s.second[k], s.time[k], s.usd[k]);
                }
            }
        }
    }

    /** Drops minutes before {@code minuteIndex}, handing each to {@code sink} first. */
    void evictBefore(long minuteIndex, MinuteSink sink) {
        int n = 0;
        while (n < size && minute[n] < minuteIndex) {
            sink.accept(this, n);
            n++;
        }
        if (n == 0) {
            return;
        }
        int keep = size - n;
        System.arraycopy(minute, n, minute, 0, keep);
        System.arraycopy(mask, n, mask, 0, keep);
        System.arraycopy(longUsd, n, longUsd, 0, keep);
        System.arraycopy(shortUsd, n, shortUsd, 0, keep);
        System.arraycopy(longCount, n, longCount, 0, keep);
        System.arraycopy(shortCount, n, shortCount, 0, keep);
        if (isComplete) {
            for (int r = 0; r < n; r++) {
                recycle(seconds[r]);
            }
            System.arraycopy(seconds, n, seconds, 0, keep);
            Arrays.fill(seconds, keep, size, null);
        }
        size = keep;
    }

    private Seconds fresh() {
        if (spares == 0) {
            return new Seconds();
        }
        Seconds s = spare[--spares];
        spare[spares] = null;
        return s;
    }

    private void recycle(Seconds s) {
        if (s == null) {
            return;
        }
        s.n = 0;
        if (spares == spare.length) {
            spare = Arrays.copyOf(spare, spares * 2);
        }
        spare[spares++] = s;
    }

    interface MinuteSink {
        void accept(PresenceSeries s, int row);
    }

    private int row(long m) {
        if (size > 0 && minute[size - 1] == m) {
            return size - 1;
        }
        int i = size > 0 && minute[size - 1] > m ? Arrays.binarySearch(minute, 0, size, m) : -(size + 1);
        if (i >= 0) {
            return i;
        }
        i = -i - 1;
        if (size == minute.length) {
            int c = size * 2;
            minute = Arrays.copyOf(minute, c);
            mask = Arrays.copyOf(mask, c);
            longUsd = Arrays.copyOf(longUsd, c);
            shortUsd = Arrays.copyOf(shortUsd, c);
            longCount = Arrays.copyOf(longCount, c);
            shortCount = Arrays.copyOf(shortCount, c);
            if (isComplete) {
                seconds = Arrays.copyOf(seconds, c);
            }
        }
        int tail = size - i;
        System.arraycopy(minute, i, minute, i + 1, tail);
        System.arraycopy(mask, i, mask, i + 1, tail);
        System.arraycopy(longUsd, i, longUsd, i + 1, tail);
        System.arraycopy(shortUsd, i, shortUsd, i + 1, tail);
        System.arraycopy(longCount, i, longCount, i + 1, tail);
        System.arraycopy(shortCount, i, shortCount, i + 1, tail);
        if (isComplete) {
            System.arraycopy(seconds, i, seconds, i + 1, tail);
            seconds[i] = null;
        }
        minute[i] = m;
        mask[i] = 0;
        longUsd[i] = 0;
        shortUsd[i] = 0;
        longCount[i] = 0;
        shortCount[i] = 0;
        size++;
        return i;
    }

    int size() {
        return size;
    }

    int indexAtOrAfter(long m) {
        int i = Arrays.binarySearch(minute, 0, size, m);
        return i >= 0 ? i : -i - 1;
    }

    long minute(int i) {
        return minute[i];
    }

    /** Seconds of the minute with at least one liquidation. */
    int secondsPresent(int i) {
        return Long.bitCount(mask[i]);
    }

    double longUsd(int i) {
        return longUsd[i];
    }

    double shortUsd(int i) {
        return shortUsd[i];
    }

    long longCount(int i) {
        return longCount[i];
    }

    long shortCount(int i) {
        return shortCount[i];
    }

    /** What a one-per-second feed would have reported for the minute: the sum of each second's latest. */
    double throttledUsd(int i) {
        Seconds s = seconds == null ? null : seconds[i];
        double sum = 0;
        for (int k = 0; s != null && k < s.n; k++) {
            sum += s.usd[k];
        }
        return sum;
    }

    /** The latest liquidation of each second of one minute (complete venues only); a handful per minute. */
    private static final class Seconds {
        private byte[] second = new byte[4];
        private long[] time = new long[4];
        private double[] usd = new double[4];
        private int n;

        void offer(int s, long t, double u) {
            for (int k = 0; k < n; k++) {
                if (second[k] == s) {
                    if (t > time[k] || (t == time[k] && u > usd[k])) {
                        time[k] = t;
                        usd[k] = u;
                    }
                    return;
                }
            }
            if (n == second.length) {
                second = Arrays.copyOf(second, n * 2);
                time = Arrays.copyOf(time, n * 2);
                usd = Arrays.copyOf(usd, n * 2);
            }
            second[n] = (byte) s;
            time[n] = t;
            usd[n] = u;
            n++;
        }
    }
}
