package dev.cascade.model;

import java.time.Instant;

/** Epoch-microsecond helpers: Cascade's one time unit. */
public final class Micros {
    public static final long PER_MILLI = 1_000L;
    public static final long PER_SECOND = 1_000_000L;
    public static final long PER_MINUTE = 60 * PER_SECOND;
    public static final long PER_HOUR = 60 * PER_MINUTE;
    public static final long PER_DAY = 24 * PER_HOUR;

    /** 2010-01-01T00:00:00Z: no crypto-derivatives venue existed before it. */
    public static final long EARLIEST = 1_262_304_000L * PER_SECOND;
    /** 2100-01-01T00:00:00Z. */
    public static final long LATEST = 4_102_444_800L * PER_SECOND;

    private Micros() {
    }

    public static long ofMillis(long millis) {
        return millis * PER_MILLI;
    }

    /**
     * Whether a time can be a market event's. Catches values in the wrong unit: seconds or microseconds
     * where milliseconds were expected land in 1970 or far beyond 2100.
     */
    public static boolean isPlausible(long micros) {
        return micros >= EARLIEST && micros < LATEST;
    }

    /** Start of the minute containing {@code micros}. */
    public static long floorMinute(long micros) {
        return Math.floorDiv(micros, PER_MINUTE) * PER_MINUTE;
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1000L);
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano() / 1000L);
    }

    /** ISO-8601 UTC, e.g. 2025-06-05T14:03:21.123Z. */
    public static String iso(long micros) {
        return toInstant(micros).toString();
    }
}
