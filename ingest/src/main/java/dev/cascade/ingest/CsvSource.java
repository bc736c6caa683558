package dev.cascade.ingest;

import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.RowDecoder;
import dev.cascade.venues.codec.CsvRow;
import java.io.IOException;
import java.io.InputStream;

/** A CSV archive read row by row through its {@link RowDecoder}; a header row, if any, is skipped. */
final class CsvSource implements FrameSource {
    private final String name;
    private final InputStream stream;
    private final LineReader lines;
    private final RowDecoder decoder;
    private final ReadStats stats;
    private final CsvRow row = new CsvRow();
    private boolean skipHeader;
    private boolean isDone;
    private long lastTime = Long.MIN_VALUE;
    private long time;
    private Reject pending;

    CsvSource(String name, InputStream stream, int maxLineBytes, RowDecoder decoder, boolean hasHeader,
              ReadStats stats) {
        this.name = name;
        this.stream = stream;
        this.lines = new LineReader(stream, maxLineBytes, 1 << 20);
        this.decoder = decoder;
        this.skipHeader = hasHeader;
        this.stats = stats;
    }

    @Override
    public boolean advance() {
        pending = null;
        while (!isDone) {
            try {
                if (!lines.next()) {
                    isDone = true;
                    return false;
                }
            } catch (IOException e) {
                isDone = true;
                return item(Reject.TRUNCATED_FILE);
            }
            if (lines.isTooLong()) {
                return item(Reject.LINE_TOO_LONG);
            }
            if (lines.length() == 0) {
                continue;
            }
            if (!row.split(lines.buffer(), lines.start(), lines.end())) {
                return item(Reject.MALFORMED_CSV);
            }
            if (skipHeader) {
                skipHeader = false;
                continue;
            }
            long t = decoder.rowTime(row);
            time = t == Long.MIN_VALUE ? lastTime : t;
            if (t > lastTime) {
                lastTime = t;
            }
            return true;
        }
        return false;
    }

    private boolean item(Reject reason) {
        pending = reason;
        time = lastTime;
        return true;
    }

    @Override
    public long time() {
        return time;
    }

    @Override
    public void emit(MarketListener out) {
        if (pending != null) {
            out.onReject(pending);
            stats.count(FrameKind.REJECTED);
            return;
        }
        stats.count(decoder.decode(row, out));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing a file we only read cannot lose data
        }
    }
}
