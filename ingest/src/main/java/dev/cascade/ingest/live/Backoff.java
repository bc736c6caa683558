package dev.cascade.ingest.live;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: exponential from a floor to a cap, with "equal jitter" (half the delay fixed, half random)
 * so that many connections dropped together do not come back together. Never below the floor, never above
 * the cap.
 */
public final class Backoff {
    private final long floorMillis;
    private final long capMillis;
    private final double multiplier;
    private final DoubleSupplier random;

    public Backoff(Duration floor, Duration cap, double multiplier, DoubleSupplier random) {
        if (floor.isNegative() || cap.compareTo(floor) < 0 || multiplier < 1) {
            throw new IllegalArgumentException("backoff needs 0 <= floor <= cap and multiplier >= 1");
        }
        this.floorMillis = floor.toMillis();
        this.capMillis = cap.toMillis();
        this.multiplier = multiplier;
        this.random = random;
    }

    public Backoff(Duration floor, Duration cap) {
        this(floor, cap, 2.0, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The delay before reconnect attempt {@code attempt} (0 for the first after a loss). */
    public long delayMillis(int attempt) {
        double base = Math.min(capMillis, floorMillis * Math.pow(multiplier, Math.min(attempt, 62)));
        long delay = (long) (base / 2 + random.getAsDouble() * base / 2);
        return Math.max(floorMillis, Math.min(capMillis, delay));
    }

    public long floorMillis() {
        return floorMillis;
    }

    public long capMillis() {
        return capMillis;
    }
}
