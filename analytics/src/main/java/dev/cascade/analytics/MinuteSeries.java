package dev.cascade.analytics;

import dev.cascade.model.Instrument;
import java.util.Arrays;

/**
 * Per-minute sums of one series (one venue, coin and side): USD, count and the largest order of each
 * minute, in rising minute order. Appending to the current or a later minute is O(1); an out-of-order
 * minute is inserted in place. Primitive arrays, grown by doubling: nothing allocated per event.
 */
final class MinuteSeries {
    private long[] minute = new long[16];
    private double[] usd = new double[16];
    private long[] count = new long[16];
    private double[] maxUsd = new double[16];
    private double[] maxPrice = new double[16];
    private double[] maxQuantity = new double[16];
    private long[] maxTime = new long[16];
    private Instrument[] maxInstrument = new Instrument[16];
    private int size;

    void add(long minuteIndex, double amount, Instrument instrument, double price, double quantity, long time) {
        int i;
        if (size > 0 && minute[size - 1] == minuteIndex) {
            i = size - 1;
        } else if (size == 0 || minute[size - 1] < minuteIndex) {
            i = insertAt(size, minuteIndex);
        } else {
            i = Arrays.binarySearch(minute, 0, size, minuteIndex);
            if (i < 0) {
                i = insertAt(-i - 1, minuteIndex);
            }
        }
        usd[i] += amount;
        count[i]++;
        if (isLarger(amount, time, maxUsd[i], maxTime[i], maxInstrument[i] != null)) {
            maxUsd[i] = amount;
            maxPrice[i] = price;
            maxQuantity[i] = quantity;
            maxTime[i] = time;
            maxInstrument[i] = instrument;
        }
    }

    /** The larger of two orders; equal sizes go to the earlier, so merges are deterministic. */
    static boolean isLarger(double usd, long time, double thanUsd, long thanTime, boolean hasThan) {
        return !hasThan || usd > thanUsd || (usd == thanUsd && time < thanTime);
    }

    private int insertAt(int i, long minuteIndex) {
        if (size == minute.length) {
            int n = size * 2;
            minute = Arrays.copyOf(minute, n);
            usd = Arrays.copyOf(usd, n);
            count = Arrays.copyOf(count, n);
            maxUsd = Arrays.copyOf(maxUsd, n);
            maxPrice = Arrays.copyOf(maxPrice, n);
            maxQuantity = Arrays.copyOf(maxQuantity, n);
            maxTime = Arrays.copyOf(maxTime, n);
            maxInstrument = Arrays.copyOf(maxInstrument, n);
        }
        int tail = size - i;
        if (tail > 0) {
            System.arraycopy(minute, i, minute, i + 1, tail);
            System.arraycopy(usd, i, usd, i + 1, tail);
            System.arraycopy(count, i, count, i + 1, tail);
            System.arraycopy(maxUsd, i, maxUsd, i + 1, tail);
            System.arraycopy(maxPrice, i, maxPrice, i + 1, tail);
            System.arraycopy(maxQuantity, i, maxQuantity, i + 1, tail);
            System.arraycopy(maxTime, i, maxTime, i + 1, tail);
            System.arraycopy(maxInstrument, i, maxInstrument, i + 1, tail);
        }
        minute[i] = minuteIndex;
        usd[i] = 0;
        count[i] = 0;
        maxUsd[i] = 0;
        maxPrice[i] = 0;
        maxQuantity[i] = 0;
        maxTime[i] = 0;
        maxInstrument[i] = null;
        size++;
        return i;
    }

    /** Folds the minutes in [from, to] (minute indexes, inclusive) into {@code into}. */
    void sum(long from, long to, Accumulator into) {
        int i = Arrays.binarySearch(minute, 0, size, from);
        if (i < 0) {
            i = -i - 1;
        }
        for (; i < size && minute[i] <= to; i++) {
            into.add(usd[i], count[i], maxUsd[i], maxPrice[i], maxQuantity[i], maxTime[i], maxInstrument[i]);
        }
    }

    void merge(MinuteSeries other) {
        for (int j = 0; j < other.size; j++) {
            int i = Arrays.binarySearch(minute, 0, size, other.minute[j]);
            if (i < 0) {
                i = insertAt(-i - 1, other.minute[j]);
            }
            usd[i] += other.usd[j];
            count[i] += other.count[j];
            if (other.maxInstrument[j] != null
                    && isLarger(other.maxUsd[j], other.maxTime[j], maxUsd[i], maxTime[i], maxInstrument[i] != null)) {
                maxUsd[i] = other.maxUsd[j];
                maxPrice[i] = other.maxPrice[j];
                maxQuantity[i] = other.maxQuantity[j];
                maxTime[i] = other.maxTime[j];
                maxInstrument[i] = other.maxInstrument[j];
            }
        }
    }

    /** Drops minutes before {@code minuteIndex}. */
    void evictBefore(long minuteIndex) {
        int i = Arrays.binarySearch(minute, 0, size, minuteIndex);
        int keepFrom = i < 0 ? -i - 1 : i;
        if (keepFrom == 0) {
            return;
        }
        int keep = size - keepFrom;
        System.arraycopy(minute, keepFrom, minute, 0, keep);
        System.arraycopy(usd, keepFrom, usd, 0, keep);
        System.arraycopy(count, keepFrom, count, 0, keep);
        System.arraycopy(maxUsd, keepFrom, maxUsd, 0, keep);
        System.arraycopy(maxPrice, keepFrom, maxPrice, 0, keep);
        System.arraycopy(maxQuantity, keepFrom, maxQuantity, 0, keep);
        System.arraycopy(maxTime, keepFrom, maxTime, 0, keep);
        System.arraycopy(maxInstrument, keepFrom, maxInstrument, 0, keep);
        Arrays.fill(maxInstrument, keep, size, null);
        size = keep;
    }

    int size() {
        return size;
    }

    long minuteAt(int i) {
        return minute[i];
    }

    double usdAt(int i) {
        return usd[i];
    }

    long countAt(int i) {
        return count[i];
    }

    /** Receives the minutes of a range. */
    interface Accumulator {
        void add(double usd, long count, double maxUsd, double maxPrice, double maxQuantity, long maxTime,
                 Instrument maxInstrument);
    }
}
