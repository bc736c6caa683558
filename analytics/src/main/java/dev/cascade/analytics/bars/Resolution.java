package dev.cascade.analytics.bars;

import dev.cascade.model.Micros;

/** A bar size that read-outs work in. */
public enum Resolution {
    MINUTE("1m", 1),
    FIVE_MINUTES("5m", 5),
    HOUR("1h", 60);

    private final String id;
    private final int minutes;

    Resolution(String id, int minutes) {
        this.id = id;
        this.minutes = minutes;
    }

    public String id() {
        return id;
    }

    public int minutes() {
        return minutes;
    }

    public long micros() {
        return minutes * Micros.PER_MINUTE;
    }

    /** The slot of this resolution that contains {@code micros}. */
    public long slotOf(long micros) {
        return Math.floorDiv(micros, micros());
    }

    public long startOf(long slot) {
        return slot * micros();
    }

    /** The bars of one instrument at this resolution (a new series). */
    public BarSeries of(InstrumentBars b) {
        return switch (this) {
            case MINUTE -> b.minutes().copy();
            case FIVE_MINUTES -> b.minutes().resample(5);
            case HOUR -> b.hours();
        };
    }

    /** The id's resolution, or null. */
    public static Resolution byId(String id) {
        for (Resolution r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        return null;
    }
}
