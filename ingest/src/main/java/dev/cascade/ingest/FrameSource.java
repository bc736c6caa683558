package dev.cascade.ingest;

import dev.cascade.model.MarketListener;
import java.io.Closeable;

/**
 * One input read item by item (a recording line, a CSV row), in its own order. Reading and decoding are
 * separate steps so that a merge can compare the next items of several sources by {@link #time()} before
 * decoding the earliest.
 */
public interface FrameSource extends Closeable {
    /** Reads the next item; false at the end. Never throws for bad content: that is rejected at emit. */
    boolean advance();

    /** The time that orders the current item: receive time where the input has one, else exchange time. */
    long time();

    /** Decodes the current item into events and rejections, and counts what it was. */
    void emit(MarketListener out);

    /**
     * Asks the source to read ahead on a thread of its own, before the first {@link #advance}; the items and their
     * order stay the same. Sources that cannot ignore it.
     */
    default void readAhead() {
    }

    /** A short name for messages: the file, and the zip entry if any. */
    String name();

    @Override
    void close();
}
