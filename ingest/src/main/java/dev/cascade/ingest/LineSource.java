package dev.cascade.ingest;

import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameKind;
import java.io.IOException;
import java.io.InputStream;

/**
 * What every line-based source shares: reading lines, skipping blank ones, turning an overlong line or a
 * stream cut short into a rejected item, and ordering an unreadable item at the last good time. A subclass
 * says what one line is ({@link #read}) and how it becomes events ({@link #decode}).
 */
abstract class LineSource implements FrameSource {
    private final String name;
    private final InputStream stream;
    private final LineReader lines;
    final ReadStats stats;
    private boolean isDone;
    private Reject pending;
    long lastTime = Long.MIN_VALUE;
    long time;

    LineSource(String name, InputStream stream, int maxLineBytes, int bufferBytes, ReadStats stats) {
        this.name = name;
        this.stream = stream;
        this.lines = new LineReader(stream, maxLineBytes, bufferBytes);
        this.stats = stats;
    }

    /**
     * Takes in the non-blank line {@code b[start, end)}: returns true when it is an item (setting
     * {@link #time}, or calling {@link #reject}), false to skip it (a header).
     */
    abstract boolean read(byte[] b, int start, int end);

    /** Decodes the current item into events and says what it was. */
    abstract FrameKind decode(MarketListener out);

    /** Makes the current item a rejection, ordered at the last good time. */
    final boolean reject(Reject reason) {
        pending = reason;
        time = lastTime;
        return true;
    }

    @Override
    public final boolean advance() {
        pending = null;
        while (!isDone) {
            try {
                if (!lines.next()) {
                    isDone = true;
                    return false;
                }
            } catch (IOException e) { // the rest is lost; what was read counts, and the damage is reported
                isDone = true;
                stats.damage(name, InputFiles.describe(e) + " (after line " + String.format("%,d", lines.lineNumber()) + ")");
                return reject(InputFiles.rejectOf(e));
            }
            if (lines.isTooLong()) {
                return reject(Reject.LINE_TOO_LONG);
            }
            byte[] b = lines.buffer();
            int s = lines.start();
            int e = lines.end();
            while (s < e && (b[s] == ' ' || b[s] == '\t')) {
                s++;
            }
            if (s < e && read(b, s, e)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public final long time() {
        return time;
    }

    @Override
    public final void emit(MarketListener out) {
        if (pending != null) {
            out.onReject(pending);
            stats.count(FrameKind.REJECTED);
        } else {
            stats.count(decode(out));
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing a file we only read cannot lose data
        }
    }
}
