package dev.cascade.sim.model;

import dev.cascade.model.Venue;
import java.util.Arrays;

/**
 * The open leveraged positions of one coin: longs ordered by the price that takes them out from the highest (the
 * first to go when price falls), shorts from the lowest, and all by the minute they close of their own accord.
 * What takes a position out is its liquidation price, or a stop-loss placed before it (a trader who closes in a
 * panic rather than be liquidated). A position leaves once: triggered or closed, whichever comes first (the other
 * queue skips it).
 *
 * <p>A day's book holds over a million positions, so they live in columns (primitive arrays indexed by a
 * position number, renumbered in order when a quarter of them are gone) and the queues are heaps of those
 * numbers: no object per position for the collector to copy, which had cost more than the market itself.
 */
final class PositionBook {
    private static final byte LONG = 1;
    private static final byte STOP = 2;
    private static final byte GONE = 4;

    /** Receives what leaves the book at its trigger: a liquidation, or a stop (a voluntary market close). */
    interface Exit {
        void triggered(PositionBook book, int position);
    }

    private double[] quantity = new double[1 << 12];
    private double[] liquidationPrice = new double[1 << 12];
    private double[] trigger = new double[1 << 12];
    private byte[] venue = new byte[1 << 12];
    private byte[] flags = new byte[1 << 12];
    private int count;
    private final Heap longs = new Heap(true);
    private final Heap shorts = new Heap(false);
    /** Position numbers by the minute they close in, from the first: a voluntary close needs no finer time. */
    private int[][] byMinute = new int[64][];
    private int[] byMinuteSize = new int[64];
    private final long firstMinute;
    private long closedUntilMinute;
    private double openQuantity;
    private double longQuantity;
    private long open;

    /** A book for positions that close no earlier than {@code startMillis}. */
    PositionBook(long startMillis) {
        this.firstMinute = Math.floorDiv(startMillis, 60_000L);
        this.closedUntilMinute = firstMinute - 1;
    }

    /** Opens a position; {@code closesAtMillis} of {@link Long#MAX_VALUE} never closes of its own accord. */
    void open(Venue v, boolean isLong, double coins, double liquidation, double triggerPrice, boolean isStop,
              long closesAtMillis) {
        if (count == quantity.length && open < count / 4 * 3) {
            compact();
        }
        if (count == quantity.length) {
            int n = count * 2;
            quantity = Arrays.copyOf(quantity, n);
            liquidationPrice = Arrays.copyOf(liquidationPrice, n);
            trigger = Arrays.copyOf(trigger, n);
            venue = Arrays.copyOf(venue, n);
            flags = Arrays.copyOf(flags, n);
        }
        int i = count++;
        quantity[i] = coins;
        liquidationPrice[i] = liquidation;
        trigger[i] = triggerPrice;
        venue[i] = (byte) v.ordinal();
        flags[i] = (byte) ((isLong ? LONG : 0) | (isStop ? STOP : 0));
        (isLong ? longs : shorts).add(i);
        if (closesAtMillis != Long.MAX_VALUE) {
            closeIn(Math.max(closedUntilMinute + 1, Math.floorDiv(closesAtMillis, 60_000L)), i);
        }
        openQuantity += coins;
        open++;
        if (isLong) {
            longQuantity += coins;
        }
    }

    /**
     * Renumbers the open positions 0, 1, ... in their order and forgets the ones gone. A day opens several times
     * as many positions as are ever open at once, so the columns stay about twice the open book rather than grow
     * with every position the day opened (the seed day's held 110 MB). Numbers keep their order and the heaps
     * their keys, so what leaves, and when, is as before.
     */
    private void compact() {
        int[] to = new int[count];
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (isGone(i)) {
                to[i] = -1;
                continue;
            }
            quantity[k] = quantity[i];
            liquidationPrice[k] = liquidationPrice[i];
            trigger[k] = trigger[i];
            venue[k] = venue[i];
            flags[k] = flags[i];
            to[i] = k++;
        }
        count = k;
        longs.renumber(to);
        shorts.renumber(to);
        for (int slot = (int) (closedUntilMinute + 1 - firstMinute); slot < byMinute.length; slot++) {
            int[] list = byMinute[slot];
            int kept = 0;
            for (int j = 0; list != null && j < byMinuteSize[slot]; j++) {
                if (to[list[j]] >= 0) {
                    list[kept++] = to[list[j]];
                }
            }
            byMinuteSize[slot] = kept;
        }
    }

    private void closeIn(long minute, int i) {
        int slot = (int) (minute - firstMinute);
        if (slot >= byMinute.length) {
            int n = Math.max(byMinute.length * 2, slot + 1);
            byMinute = Arrays.copyOf(byMinute, n);
            byMinuteSize = Arrays.copyOf(byMinuteSize, n);
        }
        int[] list = byMinute[slot];
        if (list == null) {
            list = byMinute[slot] = new int[4]; // a minute of a quiet coin closes a position or two
        } else if (byMinuteSize[slot] == list.length) {
            list = byMinute[slot] = Arrays.copyOf(list, list.length * 2);
        }
        list[byMinuteSize[slot]++] = i;
    }

    /**
     * Takes out the positions whose trigger {@code low} to {@code high} reached, most exposed first, at most
     * {@code max} of each side: the rest wait for the next call, as positions queue for a venue's liquidation engine.
     */
    void trigger(double low, double high, int max, Exit exit) {
        int n = 0;
        while (n < max && !longs.isEmpty() && (isGone(longs.peek()) || trigger[longs.peek()] >= low)) {
            int i = longs.poll();
            if (!isGone(i)) {
                leave(i);
                exit.triggered(this, i);
                n++;
            }
        }
        n = 0;
        while (n < max && !shorts.isEmpty() && (isGone(shorts.peek()) || trigger[shorts.peek()] <= high)) {
            int i = shorts.poll();
            if (!isGone(i)) {
                leave(i);
                exit.triggered(this, i);
                n++;
            }
        }
    }

    /**
     * Closes the positions whose minute has ended by {@code millis} (voluntary closes: open interest that leaves
     * quietly). Call it with rising times.
     */
    void closeUntil(long millis) {
        long last = Math.floorDiv(millis, 60_000L) - 1;
        for (long minute = closedUntilMinute + 1; minute <= last; minute++) {
            int slot = (int) (minute - firstMinute);
            if (slot >= byMinute.length) {
                break;
            }
            int[] due = byMinute[slot];
            for (int k = 0; due != null && k < byMinuteSize[slot]; k++) {
                if (!isGone(due[k])) {
                    leave(due[k]);
                }
            }
            byMinute[slot] = null;
        }
        closedUntilMinute = Math.max(closedUntilMinute, last);
    }

    private boolean isGone(int i) {
        return (flags[i] & GONE) != 0;
    }

    private void leave(int i) {
        flags[i] |= GONE;
        openQuantity -= quantity[i];
        open--;
        if (isLong(i)) {
            longQuantity -= quantity[i];
        }
    }

    Venue venue(int i) {
        return Venue.values()[venue[i]];
    }

    boolean isLong(int i) {
        return (flags[i] & LONG) != 0;
    }

    boolean isStop(int i) {
        return (flags[i] & STOP) != 0;
    }

    double quantity(int i) {
        return quantity[i];
    }

    double liquidationPrice(int i) {
        return liquidationPrice[i];
    }

    double trigger(int i) {
        return trigger[i];
    }

    /**
     * The longs' share of the open positions' coins, 0..1; one half when nothing is open. (The book pairs no
     * counterparties: it holds the leveraged traders' side of each position, so longs and shorts need not
     * balance.)
     */
    double longShare() {
        return openQuantity > 0 ? Math.min(1, Math.max(0, longQuantity / openQuantity)) : 0.5;
    }

    /** Coins of open positions, one side counted (as venues count open interest). */
    double openQuantity() {
        return Math.max(0, openQuantity);
    }

    /** How many positions the columns have room for (they grow by doubling, after renumbering if that frees a quarter). */
    int capacity() {
        return quantity.length;
    }

    /** How many positions are open. */
    long size() {
        return open;
    }

    /** A binary heap of position numbers by trigger: the highest first for longs, the lowest for shorts. */
    private final class Heap {
        private final boolean isMax;
        private int[] a = new int[1 << 12];
        private int n;

        Heap(boolean isMax) {
            this.isMax = isMax;
        }

        boolean isEmpty() {
            return n == 0;
        }

        int peek() {
            return a[0];
        }

        private boolean before(int x, int y) {
            return isMax ? trigger[x] > trigger[y] : trigger[x] < trigger[y];
        }

        void add(int x) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            int k = n++;
            while (k > 0) {
                int parent = (k - 1) >>> 1;
                if (!before(x, a[parent])) {
                    break;
                }
                a[k] = a[parent];
                k = parent;
            }
            a[k] = x;
        }

        /** Keeps the positions still numbered in {@code to}, under their new numbers, and orders them again. */
        void renumber(int[] to) {
            int kept = 0;
            for (int j = 0; j < n; j++) {
                if (to[a[j]] >= 0) {
                    a[kept++] = to[a[j]];
                }
            }
            n = kept;
            for (int k = (n >>> 1) - 1; k >= 0; k--) {
                siftDown(k, a[k]);
            }
        }

        int poll() {
            int top = a[0];
            int x = a[--n];
            if (n > 0) {
                siftDown(0, x);
            }
            return top;
        }

        /** Places {@code x} at {@code k} or below, where it belongs among the first {@code n}. */
        private void siftDown(int k, int x) {
            int half = n >>> 1;
            while (k < half) {
                int child = 2 * k + 1;
                if (child + 1 < n && before(a[child + 1], a[child])) {
                    child++;
                }
                if (!before(a[child], x)) {
                    break;
                }
                a[k] = a[child];
                k = child;
            }
            a[k] = x;
        }
    }
}
