package dev.cascade.analytics.bars;

import dev.cascade.model.Micros;

/**
 * A period of whole minutes ending at a time, as every rolling figure uses it (and {@code LiquidationTotals}
 * too): the 1h window at 12:34:56 covers the minutes 11:35 to 12:34, from 11:35:00 to 12:34:56.
 */
public record Window(long fromMicros, long toMicros) {
    /** The window of {@code lengthMicros} (whole minutes, at least one) whose last minute contains {@code end}. */
    public static Window ending(long endMicros, long lengthMicros) {
        long lastMinute = Math.floorDiv(endMicros, Micros.PER_MINUTE);
        long minutes = Math.max(1, lengthMicros / Micros.PER_MINUTE);
        return new Window((lastMinute - minutes + 1) * Micros.PER_MINUTE, endMicros);
    }

    /** The window of the same length just before this one. */
    public Window previous() {
        long length = lengthMicros();
        return new Window(fromMicros - length, fromMicros - 1);
    }

    /** The length in whole minutes. */
    public long lengthMicros() {
        return (Math.floorDiv(toMicros, Micros.PER_MINUTE) + 1) * Micros.PER_MINUTE - fromMicros;
    }

    public boolean contains(long micros) {
        return micros >= fromMicros && micros <= toMicros;
    }
}
