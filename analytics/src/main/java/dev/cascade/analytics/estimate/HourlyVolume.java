package dev.cascade.analytics.estimate;

import java.util.Arrays;

/**
 * One instrument's trades and traded USD per hour, in rising hour order: how large a venue is in a coin, which
 * scales what a complete venue saw into an estimate for a throttled one. Sums add, so merging is exact; a trade adds to the
 * last hour or appends one, allocating only when the arrays grow.
 */
final class HourlyVolume {
    private long[] hour = new long[8];
    private double[] usd = new double[8];
    private long[] trades = new long[8];
    private int size;

    void add(long hourIndex, double tradeUsd) {
        int i = row(hourIndex);
        usd[i] += tradeUsd;
        trades[i]++;
    }

    void merge(HourlyVolume o) {
        for (int j = 0; j < o.size; j++) {
            int i = row(o.hour[j]);
            usd[i] += o.usd[j];
            trades[i] += o.trades[j];
        }
    }

    /** USD traded in the hours {@code fromHour} to {@code toHour}, inclusive. */
    double usdBetween(long fromHour, long toHour) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            if (hour[i] >= fromHour && hour[i] <= toHour) {
                sum += usd[i];
            }
        }
        return sum;
    }

    /** Trades in the hours {@code fromHour} to {@code toHour}, inclusive. */
    long tradesBetween(long fromHour, long toHour) {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            if (hour[i] >= fromHour && hour[i] <= toHour) {
                sum += trades[i];
            }
        }
        return sum;
    }

    /** Drops hours before {@code hourIndex}. */
    void evictBefore(long hourIndex) {
        int n = 0;
        while (n < size && hour[n] < hourIndex) {
            n++;
        }
        if (n > 0) {
            System.arraycopy(hour, n, hour, 0, size - n);
            System.arraycopy(usd, n, usd, 0, size - n);
            System.arraycopy(trades, n, trades, 0, size - n);
            size -= n;
        }
    }

    private int row(long h) {
        if (size > 0 && hour[size - 1] == h) {
            return size - 1;
        }
        int i = Arrays.binarySearch(hour, 0, size, h);
        if (i >= 0) {
            return i;
        }
        i = -i - 1;
        if (size == hour.length) {
            hour = Arrays.copyOf(hour, size * 2);
            usd = Arrays.copyOf(usd, size * 2);
            trades = Arrays.copyOf(trades, size * 2);
        }
        System.arraycopy(hour, i, hour, i + 1, size - i);
        System.arraycopy(usd, i, usd, i + 1, size - i);
        System.arraycopy(trades, i, trades, i + 1, size - i);
        hour[i] = h;
        usd[i] = 0;
        trades[i] = 0;
        size++;
        return i;
    }
}
