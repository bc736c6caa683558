package dev.cascade.app;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a live run reads its figures out, and who waits for one. The pipeline thread reads out every
 * {@link #EVERY_MILLIS}, or at its next turn when someone asks ({@link #await}: the API's refresh, the demo's
 * end). A waiter never fails: a pipeline that is behind reads out when it gets there, the waiter goes on with the
 * figures published last, and the wait is counted ({@code cascade_readout_waits_total}).
 */
final class Readouts {
    /** How often the full read-out (heatmaps, events, ...) is made again; the screen's totals every turn. */
    static final long EVERY_MILLIS = 5_000;

    private long nextMillis; // the pipeline thread's
    private volatile long lastMillis;
    private volatile boolean isWanted;
    private volatile boolean isClosed;
    /** Read-outs made; waiters are woken on it. */
    private final AtomicLong made = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();

    /** On the pipeline thread: whether this turn reads out (its time has come, or one was asked for). */
    boolean isDue(long nowMillis) {
        if (isWanted) {
            isWanted = false;
            nextMillis = 0;
        }
        return nowMillis >= nextMillis;
    }

    /** On the pipeline thread, once a read-out is made and published: wakes whoever waits for it. */
    void made(long nowMillis) {
        nextMillis = nowMillis + EVERY_MILLIS;
        lastMillis = nowMillis;
        synchronized (made) {
            made.incrementAndGet();
            made.notifyAll();
        }
    }

    /** Asks for a read-out at the pipeline's next turn; waits for it at most {@code waitMillis}: whether it came. */
    boolean await(long waitMillis) {
        long before = made.get();
        isWanted = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        synchronized (made) {
            while (made.get() == before && !isClosed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    waits.incrementAndGet();
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(made, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return made.get() != before;
    }

    /** No read-out will come any more: waiters return at once. */
    void close() {
        isClosed = true;
        synchronized (made) {
            made.notifyAll();
        }
    }

    /** Waits that ended before their read-out came. */
    AtomicLong waits() {
        return waits;
    }

    /** Wall time since the last read-out, 0 before the first. */
    double ageSeconds(long nowMillis) {
        long last = lastMillis;
        return last == 0 ? 0 : (nowMillis - last) / 1000.0;
    }
}
