package dev.cascade.ingest;

import dev.cascade.model.MarketListener;
import java.util.List;

/**
 * Replays several sources as one stream in time order: a k-way merge on each source's next item time (ties
 * go to the source listed first). Within a source, items keep the file's order, so an archive whose rows are
 * out of order stays so; the aggregators do not depend on order.
 */
public final class TimeMerge {
    /** Called every {@link #PROGRESS_EVERY} items so that a caller can show progress. */
    public interface Progress {
        void update(long items);
    }

    public static final int PROGRESS_EVERY = 1 << 16;
    /** Up to this many sources each read ahead on a thread of their own (a thread and a ring each: not for hundreds). */
    static final int MAX_READ_AHEAD = 4;

    private TimeMerge() {
    }

    /** Reads every source to its end into {@code out}; returns the number of items read. */
    public static long run(List<FrameSource> sources, MarketListener out, Progress progress) {
        int n = sources.size();
        FrameSource[] src = sources.toArray(new FrameSource[0]);
        long items = 0;
        if (n <= MAX_READ_AHEAD) {
            for (FrameSource s : src) {
                s.readAhead();
            }
        }
        if (n == 1) { // the common case needs no heap
            FrameSource s = src[0];
            while (s.advance()) {
                s.emit(out);
                if ((++items & (PROGRESS_EVERY - 1)) == 0) {
                    progress.update(items);
                }
            }
            return items;
        }
        int[] heap = new int[n];
        long[] time = new long[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (src[i].advance()) {
                time[i] = src[i].time();
                heap[size] = i;
                siftUp(heap, time, size++);
            }
        }
        while (size > 0) {
            int i = heap[0];
            src[i].emit(out);
            if ((++items & (PROGRESS_EVERY - 1)) == 0) {
                progress.update(items);
            }
            if (src[i].advance()) {
                time[i] = src[i].time();
            } else {
                heap[0] = heap[--size];
            }
            siftDown(heap, time, 0, size);
        }
        return items;
    }

    private static boolean isBefore(long[] time, int a, int b) {
        return time[a] < time[b] || (time[a] == time[b] && a < b);
    }

    private static void siftUp(int[] heap, long[] time, int k) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!isBefore(time, heap[k], heap[parent])) {
                return;
            }
            int t = heap[k];
            heap[k] = heap[parent];
            heap[parent] = t;
            k = parent;
        }
    }

    private static void siftDown(int[] heap, long[] time, int k, int size) {
        while (true) {
            int left = 2 * k + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && isBefore(time, heap[left + 1], heap[left]) ? left + 1 : left;
            if (!isBefore(time, heap[child], heap[k])) {
                return;
            }
            int t = heap[k];
            heap[k] = heap[child];
            heap[child] = t;
            k = child;
        }
    }
}
