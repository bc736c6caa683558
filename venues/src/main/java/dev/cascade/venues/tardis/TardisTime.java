package dev.cascade.venues.tardis;

import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.CsvRow;

/** Tardis rows carry microseconds: the exchange's time and Tardis's own receive time (local_timestamp). */
final class TardisTime {
    private TardisTime() {
    }

    /** The receive time of a row, or its exchange time when local_timestamp is empty; MIN_VALUE if neither parses. */
    static long receive(CsvRow row, int timestamp, int localTimestamp) {
        if (row.count() > localTimestamp) {
            long local = row.integer(localTimestamp);
            if (local != Ascii.NOT_A_LONG) {
                return local;
            }
        }
        long exchange = row.count() > timestamp ? row.integer(timestamp) : Ascii.NOT_A_LONG;
        return exchange == Ascii.NOT_A_LONG ? Long.MIN_VALUE : exchange;
    }
}
