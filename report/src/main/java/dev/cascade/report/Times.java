package dev.cascade.report;

import dev.cascade.output.Formats;
import dev.cascade.model.Micros;

/**
 * Times as the recap writes them: "11:12 UTC" when the period lies within one UTC day, "Jun 5 11:12 UTC" when it
 * spans more, so that no time in a longer report is read against the wrong day.
 */
record Times(boolean isMultiDay) {
    static Times of(long fromMicros, long toMicros) {
        // the end is inclusive to the microsecond: a day read from 00:00 to the next 00:00 is one day
        long lastMinute = Math.max(fromMicros, toMicros - 1);
        return new Times(Math.floorDiv(fromMicros, Micros.PER_DAY) != Math.floorDiv(lastMinute, Micros.PER_DAY));
    }

    String at(long micros) {
        return isMultiDay ? Formats.dateTime(micros) : Formats.time(micros);
    }

    /** Hour and minute only, for the x-axis of a chart that already says its span in its title. */
    String axis(long micros) {
        return at(micros).replace(" UTC", "");
    }
}
