package dev.cascade.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last {@code capacity} trades of one instrument with consecutive ids, kept so that REST can serve
 * {@code aggTrades?fromId=} the way Binance does, {@code history-trades?after=} the way OKX does and
 * {@code get_last_trades_by_instrument?start_seq=} the way Deribit does (with its liquidation flags): the source
 * of truth the client's gap recovery is checked against. Primitive ring buffers, grown by doubling up to
 * {@code capacity} (a quiet instrument of a market of a thousand keeps a few KB, not 6 MB); thread-safe.
 */
final class TradeHistory {
    /** {@code flag}: what else the venue says of the trade (Deribit's liquidation flag), or null. */
    record Row(long id, double price, double quantity, long millis, boolean isBuyerMaker, String flag) {
    }

    private static final int FIRST_SIZE = 1024;

    private final int capacity;
    private long[] ids;
    private double[] prices;
    private double[] quantities;
    private long[] millis;
    private boolean[] makers;
    private long[] sentNanos;
    private String[] flags;
    private long nextId;
    private long count;

    TradeHistory(int capacity, long firstId) {
        this.capacity = capacity;
        resize(Math.min(capacity, FIRST_SIZE));
        nextId = firstId;
    }

    /** Before the ring first wraps its slots are in order, so growing it is a copy. */
    private void resize(int size) {
        ids = ids == null ? new long[size] : Arrays.copyOf(ids, size);
        prices = prices == null ? new double[size] : Arrays.copyOf(prices, size);
        quantities = quantities == null ? new double[size] : Arrays.copyOf(quantities, size);
        millis = millis == null ? new long[size] : Arrays.copyOf(millis, size);
        makers = makers == null ? new boolean[size] : Arrays.copyOf(makers, size);
        sentNanos = sentNanos == null ? new long[size] : Arrays.copyOf(sentNanos, size);
        flags = flags == null ? new String[size] : Arrays.copyOf(flags, size);
    }

    /** Records the next trade; returns its id. */
    synchronized long add(double price, double quantity, long time, boolean isBuyerMaker) {
        return add(price, quantity, time, isBuyerMaker, null);
    }

    /** Records the next trade with a flag (null for none); returns its id. */
    synchronized long add(double price, double quantity, long time, boolean isBuyerMaker, String flag) {
        if (count == ids.length && ids.length < capacity) {
            resize(Math.min(capacity, ids.length * 2));
        }
        int slot = (int) (count % ids.length);
        long id = nextId++;
        ids[slot] = id;
        prices[slot] = price;
        quantities[slot] = quantity;
        millis[slot] = time;
        makers[slot] = isBuyerMaker;
        sentNanos[slot] = System.nanoTime();
        flags[slot] = flag;
        count++;
        return id;
    }

    /** Up to {@code limit} trades from {@code fromId} on, as far as they are still kept. */
    synchronized List<Row> from(long fromId, int limit) {
        List<Row> rows = new ArrayList<>();
        long oldest = nextId - Math.min(count, ids.length);
        for (long id = Math.max(fromId, oldest); id < nextId && rows.size() < limit; id++) {
            int slot = (int) ((count - (nextId - id)) % ids.length);
            rows.add(new Row(ids[slot], prices[slot], quantities[slot], millis[slot], makers[slot], flags[slot]));
        }
        return rows;
    }

    /** Up to {@code limit} trades older than {@code beforeId}, newest first, as far as they are still kept. */
    synchronized List<Row> olderThan(long beforeId, int limit) {
        List<Row> rows = new ArrayList<>();
        long oldest = nextId - Math.min(count, ids.length);
        for (long id = Math.min(beforeId, nextId) - 1; id >= oldest && rows.size() < limit; id--) {
            int slot = (int) ((count - (nextId - id)) % ids.length);
            rows.add(new Row(ids[slot], prices[slot], quantities[slot], millis[slot], makers[slot], flags[slot]));
        }
        return rows;
    }

    /** When (System.nanoTime) the trade was made and published; 0 when it is no longer kept. */
    synchronized long sentNanos(long id) {
        if (id >= nextId || id < nextId - Math.min(count, ids.length)) {
            return 0;
        }
        return sentNanos[(int) ((count - (nextId - id)) % ids.length)];
    }

    /** The id the next trade will get. */
    synchronized long nextId() {
        return nextId;
    }

    synchronized long firstId() {
        return nextId - count;
    }
}
