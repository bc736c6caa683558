package dev.cascade.ingest;

import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.RowDecoder;
import dev.cascade.venues.codec.CsvRow;
import java.io.InputStream;

/**
 * A CSV archive read row by row through its {@link RowDecoder}; a header row, if any, is skipped. Lines before
 * the one its format was told from (damaged: a cut or garbled start) are rejected as malformed.
 */
final class CsvSource extends LineSource {
    private final RowDecoder decoder;
    private final CsvRow row = new CsvRow();
    private boolean skipHeader;
    private int damagedLines;

    CsvSource(String name, InputStream stream, int maxLineBytes, RowDecoder decoder, boolean hasHeader, int damagedLines,
              ReadStats stats) {
        super(name, stream, maxLineBytes, 1 << 20, stats);
        this.decoder = decoder;
        this.skipHeader = hasHeader;
        this.damagedLines = damagedLines;
    }

    @Override
    boolean read(byte[] b, int start, int end) {
        if (damagedLines > 0) {
            damagedLines--;
            return reject(Reject.MALFORMED_CSV);
        }
        if (!row.split(b, start, end)) {
            return reject(Reject.MALFORMED_CSV);
        }
        if (skipHeader) {
            skipHeader = false;
            return false;
        }
        long t = decoder.rowTime(row);
        time = t == Long.MIN_VALUE ? lastTime : t;
        lastTime = Math.max(lastTime, t);
        return true;
    }

    @Override
    FrameKind decode(MarketListener out) {
        return decoder.decode(row, out);
    }
}
