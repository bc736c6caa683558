package dev.cascade.analytics.dedupe;

import java.util.Arrays;

/**
 * A set of the most recent {@code capacity} 64-bit keys: open addressing with linear probing, and a FIFO
 * ring that evicts the oldest key when full, so memory stays bounded however long a feed runs. It may start
 * smaller and double up to its capacity, so that memory follows the keys added (one per instrument: most
 * instruments never need the whole capacity). Allocation free once grown.
 */
public final class RecentKeys {
    private static final long EMPTY = 0;

    private final int capacity;
    private long[] table;
    private int mask;
    private long[] ring;
    private int ringHead;
    private int size;

    /** @param capacity how many keys are remembered; rounded up to a power of two */
    public RecentKeys(int capacity) {
        this(capacity, capacity);
    }

    /** Starts with room for {@code initial} keys and doubles, as keys come, up to {@code capacity}. */
    public RecentKeys(int initial, int capacity) {
        this.capacity = powerOfTwo(capacity);
        allocate(Math.min(powerOfTwo(initial), this.capacity));
    }

    private static int powerOfTwo(int n) {
        return Integer.highestOneBit(Math.max(2, n - 1)) << 1;
    }

    private void allocate(int length) {
        ring = new long[length];
        table = new long[length * 2];
        mask = table.length - 1;
    }

    /** Doubles the ring (full, never yet wrapped: its keys are in order from 0) and re-inserts every key. */
    private void grow() {
        long[] old = ring;
        allocate(old.length * 2);
        System.arraycopy(old, 0, ring, 0, old.length);
        for (long key : old) {
            int i = slot(key);
            while (table[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            table[i] = key;
        }
        ringHead = old.length;
    }

    /** Adds the key; returns false when it was already present (a duplicate). */
    public boolean add(long key) {
        if (key == EMPTY) {
            key = 0x9E3779B97F4A7C15L; // the reserved empty marker stands for itself under another name
        }
        int i = slot(key);
        while (table[i] != EMPTY) {
            if (table[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        if (size == ring.length && ring.length < capacity) {
            grow();
            i = slot(key);
            while (table[i] != EMPTY) {
                i = (i + 1) & mask;
            }
        } else if (size == ring.length) {
            remove(ring[ringHead]);
            // the removal shifts entries back and may open a slot earlier in this key's probe run
            i = slot(key);
            while (table[i] != EMPTY) {
                i = (i + 1) & mask;
            }
        }
        table[i] = key;
        ring[ringHead] = key;
        ringHead = (ringHead + 1) % ring.length;
        size++;
        return true;
    }

    public boolean contains(long key) {
        if (key == EMPTY) {
            key = 0x9E3779B97F4A7C15L;
        }
        for (int i = slot(key); table[i] != EMPTY; i = (i + 1) & mask) {
            if (table[i] == key) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    public void clear() {
        Arrays.fill(table, EMPTY);
        size = 0;
        ringHead = 0;
    }

    /** Deletes with backward shift so that later keys of the same probe run stay reachable. */
    private void remove(long key) {
        int i = slot(key);
        while (table[i] != key) {
            if (table[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        size--;
        int hole = i;
        for (int j = (i + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(table[j]);
            // move table[j] into the hole if its home is not in (hole, j]
            boolean isBetween = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!isBetween) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = EMPTY;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
