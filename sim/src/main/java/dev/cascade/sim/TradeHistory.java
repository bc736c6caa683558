package dev.cascade.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} trades of one instrument with consecutive ids, kept so that REST can serve
 * {@code aggTrades?fromId=} the way Binance does, {@code history-trades?after=} the way OKX does and
 * {@code get_last_trades_by_instrument?start_seq=} the way Deribit does (with its liquidation flags): the source
 * of truth the client's gap recovery is checked against. Primitive ring buffers; thread-safe.
 */
final class TradeHistory {
    /** {@code flag}: what else the venue says of the trade (Deribit's liquidation flag), or null. */
    record Row(long id, double price, double quantity, long millis, boolean isBuyerMaker, String flag) {
    }

    private final long[] ids;
    private final double[] prices;
    private final double[] quantities;
    private final long[] millis;
    private final boolean[] makers;
    private final long[] sentNanos;
    private final String[] flags;
    private long nextId;
    private long count;

    TradeHistory(int capacity, long firstId) {
        ids = new long[capacity];
        prices = new double[capacity];
        quantities = new double[capacity];
        millis = new long[capacity];
        makers = new boolean[capacity];
        sentNanos = new long[capacity];
        flags = new String[capacity];
        nextId = firstId;
    }

    /** Records the next trade; returns its id. */
    synchronized long add(double price, double quantity, long time, boolean isBuyerMaker) {
        return add(price, quantity, time, isBuyerMaker, null);
    }

    /** Records the next trade with a flag (null for none); returns its id. */
    synchronized long add(double price, double quantity, long time, boolean isBuyerMaker, String flag) {
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
