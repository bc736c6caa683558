package dev.cascade.analytics.dedupe;

import dev.cascade.model.Trade;
import java.util.Arrays;

/**
 * Recognises a trade seen before by its venue trade id (DESIGN.md). Ids mostly rise per instrument (Binance
 * aggregate ids are consecutive), so the common case costs a comparison: an id above every id seen is new.
 * The last {@value #RECENT} rising ids of each instrument are kept in order for a binary search, and ids that
 * arrive out of order (archives with interleaved rows, backfills) go to the instrument's set of its last
 * {@code lateCapacity} such ids. Both start small and double up to their size, so that memory follows the trades
 * seen, not the instruments: a flood of made-up symbols with a trade each costs little each.
 *
 * <p>Every horizon is the instrument's own, counted in its own trades: whether a trade is a repeat depends on
 * that instrument's trades only, in their order, never on how busy the others are. The Flink job keys its
 * deduplicator by instrument and keeps the same three things per key (Dedupe), so the two agree trade for trade.
 */
public final class TradeDeduplicator {
    public static final int RECENT = 2048;
    /** Out-of-order ids remembered per instrument by default. */
    public static final int LATE = 1 << 16;
    private static final int FIRST_RING = 8;

    private long[] maxId = new long[64];
    private boolean[] hasSeen = new boolean[64];
    /** Per instrument, ids in rising order in a circular buffer of RECENT. */
    private long[][] recent = new long[64][];
    private int[] recentHead = new int[64];
    private int[] recentSize = new int[64];
    /** Per instrument, its last out-of-order ids; made on its first one. */
    private RecentKeys[] late = new RecentKeys[64];
    private final int lateCapacity;

    public TradeDeduplicator(int lateCapacity) {
        this.lateCapacity = lateCapacity;
    }

    public TradeDeduplicator() {
        this(LATE);
    }

    /** True the first time this trade id is seen for its instrument, false for a repeat. */
    public boolean isNew(Trade t) {
        return isNew(t.instrument().id(), t.id());
    }

    public boolean isNew(int instrument, long id) {
        if (instrument >= maxId.length) {
            grow(instrument);
        }
        if (!hasSeen[instrument] || id > maxId[instrument]) {
            hasSeen[instrument] = true;
            maxId[instrument] = id;
            append(instrument, id);
            return true;
        }
        if (containsRecent(instrument, id)) {
            return false;
        }
        RecentKeys ids = late[instrument];
        if (ids == null) {
            ids = new RecentKeys(FIRST_RING, lateCapacity);
            late[instrument] = ids;
        }
        return ids.add(id);
    }

    private void append(int instrument, long id) {
        long[] ring = recent[instrument];
        int size = recentSize[instrument];
        int head = recentHead[instrument];
        if (ring == null || size == ring.length && ring.length < RECENT) {
            long[] grown = new long[ring == null ? FIRST_RING : ring.length * 2];
            for (int k = 0; k < size; k++) {
                grown[k] = ring[(head + k) % ring.length];
            }
            ring = grown;
            recent[instrument] = ring;
            head = 0;
            recentHead[instrument] = 0;
        }
        if (size < ring.length) {
            ring[(head + size) % ring.length] = id;
            recentSize[instrument] = size + 1;
        } else {
            ring[head] = id;
            recentHead[instrument] = (head + 1) % ring.length;
        }
    }

    private boolean containsRecent(int instrument, long id) {
        long[] ring = recent[instrument];
        int size = recentSize[instrument];
        int head = recentHead[instrument];
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = ring[(head + mid) % ring.length];
            if (v < id) {
                lo = mid + 1;
            } else if (v > id) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private void grow(int instrument) {
        int n = Math.max(instrument + 1, maxId.length * 2);
        maxId = Arrays.copyOf(maxId, n);
        hasSeen = Arrays.copyOf(hasSeen, n);
        recent = Arrays.copyOf(recent, n);
        recentHead = Arrays.copyOf(recentHead, n);
        recentSize = Arrays.copyOf(recentSize, n);
        late = Arrays.copyOf(late, n);
    }
}
