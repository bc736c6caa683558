package dev.cascade.analytics.dedupe;

import java.util.Arrays;

/**
 * A set of the most recent {@code capacity} 64-bit keys: open addressing with linear probing, and a FIFO
 * ring that evicts the oldest key when full, so memory stays fixed however long a feed runs. Allocation
 * free after construction.
 */
public final class RecentKeys {
    private static final long EMPTY = 0;

    private final long[] table;
    private final int mask;
    private final long[] ring;
    private int ringHead;
    private int size;

    /** @param capacity how many keys are remembered; rounded up to a power of two */
    public RecentKeys(int capacity) {
        int c = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        this.ring = new long[c];
        this.table = new long[c * 2];
        this.mask = table.length - 1;
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
        if (size == ring.length) {
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
