package dev.cascade.analytics.bars;

import java.util.Arrays;

/**
 * Bars of one instrument at one resolution (a slot is a minute or an hour index), in rising slot order. Each
 * bar holds the trades' OHLC with times, taker buy and sell USD, coin volume and count, and the last open
 * interest, mark price and funding rate seen in it. Rows are stored row-major so that inserting or dropping a
 * bar moves two array ranges:
 *
 * <pre>
 *   d[i*D ..]: open  high  low  close  buyUsd  sellUsd  volumeCoin  oi   oiUsd  mark  funding  otherUsd
 *   t[i*T ..]: slot  openT highT lowT  closeT  oiT      markT       fundingT  trades  openId  closeId
 *   (D = 12 doubles, T = 11 longs per row; otherUsd is volume whose taker side the source did not say;
 *    openId and closeId are the venue's trade ids of the open and the close, NONE for candles)
 * </pre>
 *
 * Every field combines independently of order, so bars fed in any order, or merged from parts, are equal:
 * sums add; open is the earliest trade and close the latest, a tie in time broken by trade id (ids rise on
 * Binance and OKX, so two trades of one millisecond close at the later one; a candle, without id, opens
 * before and closes before a trade of its time), then by price (lower opens, higher closes); high and low keep the earliest time of their price; open interest, mark and funding keep the latest
 * observation (at the same microsecond, the larger value). Missing prices are NaN and missing times
 * {@link #NONE}. Nothing is allocated per event once the arrays have grown.
 */
public final class BarSeries {
    /** The time of a field that was never set. */
    public static final long NONE = Long.MIN_VALUE;

    private static final int OPEN = 0;
    private static final int HIGH = 1;
    private static final int LOW = 2;
    private static final int CLOSE = 3;
    private static final int BUY = 4;
    private static final int SELL = 5;
    private static final int COIN = 6;
    private static final int OI = 7;
    private static final int OI_USD = 8;
    private static final int MARK = 9;
    private static final int FUNDING = 10;
    private static final int OTHER = 11;
    private static final int D = 12;

    private static final int SLOT = 0;
    private static final int OPEN_T = 1;
    private static final int HIGH_T = 2;
    private static final int LOW_T = 3;
    private static final int CLOSE_T = 4;
    private static final int OI_T = 5;
    private static final int MARK_T = 6;
    private static final int FUNDING_T = 7;
    private static final int TRADES = 8;
    private static final int OPEN_ID = 9;
    private static final int CLOSE_ID = 10;
    private static final int T = 11;

    /** Length of the arrays of {@link #export} and {@link #ofRow}: the doubles and the longs of a bar. */
    public static final int DOUBLES = D;
    public static final int LONGS = T;
    /** Index of the bar's trade count among its longs; index 0 is its slot. */
    public static final int TRADE_COUNT = TRADES;

    private static final double[] EMPTY_D = new double[D];
    private static final long[] EMPTY_T = new long[T];

    static {
        Arrays.fill(EMPTY_D, Double.NaN);
        EMPTY_D[BUY] = 0;
        EMPTY_D[SELL] = 0;
        EMPTY_D[COIN] = 0;
        EMPTY_D[OTHER] = 0;
        Arrays.fill(EMPTY_T, NONE);
        EMPTY_T[TRADES] = 0;
    }

    private double[] d;
    private long[] t;
    private int size;
    /** The rows a retention lets it hold: growing stops there instead of doubling past it (unless asked for more). */
    private int rowsAtMost = Integer.MAX_VALUE;

    public BarSeries() {
        this(8);
    }

    BarSeries(int capacity) {
        d = new double[Math.max(1, capacity) * D];
        t = new long[Math.max(1, capacity) * T];
    }

    /**
     * Says how many rows this series will hold at most (a live run's day of minutes and the hour it waits before
     * evicting): doubling 1,620 minutes would make room for 2,048, a fifth of a day's state for nothing.
     */
    void growUpTo(int rows) {
        rowsAtMost = Math.max(1, rows);
    }

    /** Rows there is room for before the arrays grow. */
    int capacity() {
        return d.length / D;
    }

    // ---- writes (package-private: only MarketBars feeds bars) ----

    /** A trade; {@code side} is +1 for a taker buy, -1 for a taker sell, 0 when unknown. */
    void trade(long slot, double price, double usd, double coin, int side, long time, long id) {
        int i = row(slot);
        int a = i * D;
        int b = i * T;
        tradePrice(a, b, price, time, id, price, time, price, time, price, time, id);
        d[a + (side > 0 ? BUY : side < 0 ? SELL : OTHER)] += usd;
        d[a + COIN] += coin;
        t[b + TRADES]++;
    }

    /** A candle: open at its open time, close at its close time, high and low at its open time (unknown within). */
    void candle(long slot, double open, double high, double low, double close, long openTime, long closeTime,
                double buyUsd, double sellUsd, double coin, long trades) {
        int i = row(slot);
        int a = i * D;
        int b = i * T;
        tradePrice(a, b, open, openTime, NONE, high, openTime, low, openTime, close, closeTime, NONE);
        d[a + BUY] += buyUsd;
        d[a + SELL] += sellUsd;
        d[a + COIN] += coin;
        t[b + TRADES] += trades;
    }

    void openInterest(long slot, double contracts, double usd, long time) {
        int i = row(slot);
        int a = i * D;
        int b = i * T;
        if (isLater(time, contracts, t[b + OI_T], d[a + OI])) {
            d[a + OI] = contracts;
            d[a + OI_USD] = usd;
            t[b + OI_T] = time;
        }
    }

    void mark(long slot, double price, long time) {
        latest(row(slot), MARK, MARK_T, price, time);
    }

    void funding(long slot, double rate, long time) {
        latest(row(slot), FUNDING, FUNDING_T, rate, time);
    }

    private void latest(int i, int field, int timeField, double value, long time) {
        if (isLater(time, value, t[i * T + timeField], d[i * D + field])) {
            d[i * D + field] = value;
            t[i * T + timeField] = time;
        }
    }

    private static boolean isLater(long time, double value, long thanTime, double thanValue) {
        return thanTime == NONE || time > thanTime || (time == thanTime && value > thanValue);
    }

    private void tradePrice(int a, int b, double open, long openT, long openId, double high, long highT, double low,
                            long lowT, double close, long closeT, long closeId) {
        // (time, id, price): a total order, so that bars fed in any order or merged from parts agree
        if (t[b + OPEN_T] == NONE || openT < t[b + OPEN_T] || (openT == t[b + OPEN_T] && (openId < t[b + OPEN_ID]
                || openId == t[b + OPEN_ID] && open < d[a + OPEN]))) {
            d[a + OPEN] = open;
            t[b + OPEN_T] = openT;
            t[b + OPEN_ID] = openId;
        }
        if (t[b + CLOSE_T] == NONE || closeT > t[b + CLOSE_T] || (closeT == t[b + CLOSE_T] && (closeId > t[b + CLOSE_ID]
                || closeId == t[b + CLOSE_ID] && close > d[a + CLOSE]))) {
            d[a + CLOSE] = close;
            t[b + CLOSE_T] = closeT;
            t[b + CLOSE_ID] = closeId;
        }
        if (t[b + HIGH_T] == NONE || high > d[a + HIGH] || (high == d[a + HIGH] && highT < t[b + HIGH_T])) {
            d[a + HIGH] = high;
            t[b + HIGH_T] = highT;
        }
        if (t[b + LOW_T] == NONE || low < d[a + LOW] || (low == d[a + LOW] && lowT < t[b + LOW_T])) {
            d[a + LOW] = low;
            t[b + LOW_T] = lowT;
        }
    }

    /** Folds row {@code j} of {@code from} into the bar at {@code slot}. */
    void combine(long slot, BarSeries from, int j) {
        int i = row(slot);
        int a = i * D;
        int b = i * T;
        int fa = j * D;
        int fb = j * T;
        double[] fd = from.d;
        long[] ft = from.t;
        if (ft[fb + OPEN_T] != NONE) {
            tradePrice(a, b, fd[fa + OPEN], ft[fb + OPEN_T], ft[fb + OPEN_ID], fd[fa + HIGH], ft[fb + HIGH_T],
                    fd[fa + LOW], ft[fb + LOW_T], fd[fa + CLOSE], ft[fb + CLOSE_T], ft[fb + CLOSE_ID]);
        }
        d[a + BUY] += fd[fa + BUY];
        d[a + SELL] += fd[fa + SELL];
        d[a + COIN] += fd[fa + COIN];
        d[a + OTHER] += fd[fa + OTHER];
        t[b + TRADES] += ft[fb + TRADES];
        if (ft[fb + OI_T] != NONE && isLater(ft[fb + OI_T], fd[fa + OI], t[b + OI_T], d[a + OI])) {
            d[a + OI] = fd[fa + OI];
            d[a + OI_USD] = fd[fa + OI_USD];
            t[b + OI_T] = ft[fb + OI_T];
        }
        if (ft[fb + MARK_T] != NONE) {
            latest(i, MARK, MARK_T, fd[fa + MARK], ft[fb + MARK_T]);
        }
        if (ft[fb + FUNDING_T] != NONE) {
            latest(i, FUNDING, FUNDING_T, fd[fa + FUNDING], ft[fb + FUNDING_T]);
        }
    }

    /**
     * Copies bar {@code i}'s raw fields into {@code dOut} ({@link #DOUBLES} long) and {@code tOut} ({@link #LONGS}
     * long, the slot first): what the store keeps, and {@link #ofRow} takes back.
     */
    public void export(int i, double[] dOut, long[] tOut) {
        System.arraycopy(d, i * D, dOut, 0, D);
        System.arraycopy(t, i * T, tOut, 0, T);
    }

    /**
     * Turns {@code d}/{@code t}, a later version of the exported bar {@code dBefore}/{@code tBefore} (the same minute
     * counted again with more events), into what it adds to it: its sums less the earlier ones. Prices, times and
     * states stay: combining them again changes nothing, so the earlier bar combined with the result is the later.
     */
    public static void lessSums(double[] d, long[] t, double[] dBefore, long[] tBefore) {
        d[BUY] -= dBefore[BUY];
        d[SELL] -= dBefore[SELL];
        d[COIN] -= dBefore[COIN];
        d[OTHER] -= dBefore[OTHER];
        t[TRADES] -= tBefore[TRADES];
    }

    /** A series of the one bar {@link #export} wrote. */
    public static BarSeries ofRow(double[] dIn, long[] tIn) {
        if (dIn.length != D || tIn.length != T) {
            throw new IllegalArgumentException("a bar is " + D + " doubles and " + T + " longs");
        }
        BarSeries s = new BarSeries(1);
        System.arraycopy(dIn, 0, s.d, 0, D);
        System.arraycopy(tIn, 0, s.t, 0, T);
        s.size = 1;
        return s;
    }

    /** Adds every bar of {@code other} (same resolution); read-outs use it on their own copies. */
    public void mergeAll(BarSeries other) {
        for (int j = 0; j < other.size; j++) {
            combine(other.slot(j), other, j);
        }
    }

    /**
     * Moves the bars before {@code beforeSlot} into {@code coarser}, whose slots are {@code factor} of ours
     * (60 minutes to an hour), then drops them here.
     */
    void rollInto(BarSeries coarser, int factor, long beforeSlot) {
        int n = indexAtOrAfter(beforeSlot);
        for (int j = 0; j < n; j++) {
            coarser.combine(Math.floorDiv(slot(j), factor), this, j);
        }
        dropFirst(n);
    }

    /** Drops the bars before {@code slot}. */
    void evictBefore(long slot) {
        dropFirst(indexAtOrAfter(slot));
    }

    private void dropFirst(int n) {
        if (n == 0) {
            return;
        }
        int keep = size - n;
        System.arraycopy(d, n * D, d, 0, keep * D);
        System.arraycopy(t, n * T, t, 0, keep * T);
        size = keep;
    }

    /** The row of {@code slot}, inserted empty if absent: O(1) for the current or a later slot. */
    private int row(long slot) {
        if (size > 0) {
            long last = t[(size - 1) * T];
            if (last == slot) {
                return size - 1;
            }
            if (last > slot) {
                int i = search(slot);
                return i >= 0 ? i : insert(-i - 1, slot);
            }
        }
        return insert(size, slot);
    }

    private int insert(int i, long slot) {
        if ((size + 1) * D > d.length) {
            int rows = d.length / D;
            int n = Math.max(size + 1, rows < rowsAtMost ? Math.min(rows * 2, rowsAtMost) : rows * 2);
            d = Arrays.copyOf(d, n * D);
            t = Arrays.copyOf(t, n * T);
        }
        if (i < size) {
            System.arraycopy(d, i * D, d, (i + 1) * D, (size - i) * D);
            System.arraycopy(t, i * T, t, (i + 1) * T, (size - i) * T);
        }
        System.arraycopy(EMPTY_D, 0, d, i * D, D);
        System.arraycopy(EMPTY_T, 0, t, i * T, T);
        t[i * T + SLOT] = slot;
        size++;
        return i;
    }

    private int search(long slot) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = t[mid * T];
            if (s < slot) {
                lo = mid + 1;
            } else if (s > slot) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    // ---- read-out ----

    /** A new series of coarser bars: every {@code factor} slots of this one make one (5 minutes, an hour). */
    public BarSeries resample(int factor) {
        BarSeries out = new BarSeries(Math.max(1, size / factor + 1));
        for (int j = 0; j < size; j++) {
            out.combine(Math.floorDiv(slot(j), factor), this, j);
        }
        return out;
    }

    /** A copy of this series with {@code other}'s bars added. */
    public BarSeries plus(BarSeries other) {
        BarSeries out = copy();
        out.mergeAll(other);
        return out;
    }

    public BarSeries copy() {
        BarSeries c = new BarSeries(Math.max(1, size));
        System.arraycopy(d, 0, c.d, 0, size * D);
        System.arraycopy(t, 0, c.t, 0, size * T);
        c.size = size;
        return c;
    }

    /** The index of the first bar at or after {@code slot} ({@link #size()} if none). */
    public int indexAtOrAfter(long slot) {
        int i = search(slot);
        return i >= 0 ? i : -i - 1;
    }

    /** The index of the bar at {@code slot}, or -1. */
    public int indexOf(long slot) {
        int i = search(slot);
        return Math.max(-1, i);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long slot(int i) {
        return t[i * T + SLOT];
    }

    /** Whether bar {@code i} has a trade (its OHLC are set). */
    public boolean hasTrades(int i) {
        return t[i * T + OPEN_T] != NONE;
    }

    public double open(int i) {
        return d[i * D + OPEN];
    }

    public long openTime(int i) {
        return t[i * T + OPEN_T];
    }

    public double high(int i) {
        return d[i * D + HIGH];
    }

    public long highTime(int i) {
        return t[i * T + HIGH_T];
    }

    public double low(int i) {
        return d[i * D + LOW];
    }

    public long lowTime(int i) {
        return t[i * T + LOW_T];
    }

    public double close(int i) {
        return d[i * D + CLOSE];
    }

    public long closeTime(int i) {
        return t[i * T + CLOSE_T];
    }

    /** USD bought by takers. */
    public double buyUsd(int i) {
        return d[i * D + BUY];
    }

    /** USD sold by takers. */
    public double sellUsd(int i) {
        return d[i * D + SELL];
    }

    /** All USD traded, taker side known or not. */
    public double volumeUsd(int i) {
        return d[i * D + BUY] + d[i * D + SELL] + d[i * D + OTHER];
    }

    /** Traded quantity in coins: with {@link #volumeUsd} it gives the VWAP. */
    public double volumeCoin(int i) {
        return d[i * D + COIN];
    }

    public long trades(int i) {
        return t[i * T + TRADES];
    }

    /** The last open interest of the bar in contracts, NaN if none. */
    public double openInterest(int i) {
        return d[i * D + OI];
    }

    /** The venue's USD figure for that open interest, NaN if it gave none. */
    public double openInterestUsd(int i) {
        return d[i * D + OI_USD];
    }

    public long openInterestTime(int i) {
        return t[i * T + OI_T];
    }

    public double mark(int i) {
        return d[i * D + MARK];
    }

    public long markTime(int i) {
        return t[i * T + MARK_T];
    }

    public double funding(int i) {
        return d[i * D + FUNDING];
    }

    public long fundingTime(int i) {
        return t[i * T + FUNDING_T];
    }

    /** Whether both series hold exactly the same bars (for tests; sums compared within a relative 1e-9). */
    public boolean isSameAs(BarSeries o) {
        if (o.size != size) {
            return false;
        }
        if (!Arrays.equals(t, 0, size * T, o.t, 0, size * T)) {
            return false;
        }
        for (int k = 0; k < size * D; k++) {
            double x = d[k];
            double y = o.d[k];
            boolean isSame = (Double.isNaN(x) && Double.isNaN(y)) || x == y
                    || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
            if (!isSame) {
                return false;
            }
        }
        return true;
    }
}
