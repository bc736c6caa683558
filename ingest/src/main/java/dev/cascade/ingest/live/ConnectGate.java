package dev.cascade.ingest.live;

import java.time.Duration;

/**
 * Spaces connection attempts to one venue (OKX allows three per second per IP): each attempt reserves the
 * next free slot.
 */
public final class ConnectGate {
    private final long spacingNanos;
    private long nextFree;

    public ConnectGate(Duration spacing) {
        this.spacingNanos = spacing.toNanos();
    }

    /** Milliseconds to wait before connecting, having reserved the slot. */
    public synchronized long reserveMillis() {
        long now = System.nanoTime();
        long slot = Math.max(now, nextFree);
        nextFree = slot + spacingNanos;
        return (slot - now) / 1_000_000;
    }
}
