package dev.cascade.venues;

import dev.cascade.model.MarketListener;
import dev.cascade.venues.codec.CsvRow;

/** Turns one row of a historical CSV file into normalized events. Pure, like {@link FrameDecoder}. */
public interface RowDecoder {
    /** The time that orders this row among other sources (receive time when the file has one). */
    long rowTime(CsvRow row);

    FrameKind decode(CsvRow row, MarketListener out);
}
