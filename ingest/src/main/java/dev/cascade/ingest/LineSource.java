package dev.cascade.ingest;

import dev.cascade.model.Checks;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameKind;
import java.io.IOException;
import java.io.InputStream;

/**
 * What every line-based source shares: reading lines, skipping (and counting) blank ones and a leading UTF-8
 * byte order mark, turning an overlong line or a stream cut short into a rejected item, ordering an
 * unreadable item at the last good time, and passing events through the {@link ItemGate} that holds them to
 * the file's clock. A subclass says what one line is ({@link #read}) and how it becomes events ({@link #decode}).
 */
abstract class LineSource implements FrameSource {
    private final String name;
    private final InputStream stream;
    private final LineReader lines;
    final ReadStats stats;
    private boolean isDone;
    private Reject pending;
    private boolean isFirstLine = true;
    private ItemGate gate = new ItemGate(Checks.NO_CLOCK);
    /** The file's time, which bounds every time in it; {@link Checks#NO_CLOCK} when unknown. */
    long fileMicros = Checks.NO_CLOCK;
    long lastTime = Long.MIN_VALUE;
    long time;

    LineSource(String name, InputStream stream, int maxLineBytes, int bufferBytes, ReadStats stats) {
        this.name = name;
        this.stream = stream;
        this.lines = new LineReader(stream, maxLineBytes, bufferBytes);
        this.stats = stats;
    }

    /** Rejects events dated more than {@link Checks#MAX_AHEAD_MICROS} after {@code fileMicros}, the file's time. */
    final void limitTimes(long fileMicros) {
        this.fileMicros = fileMicros;
        gate = new ItemGate(fileMicros);
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
            if (isFirstLine && e - s >= 3 && b[s] == (byte) 0xEF && b[s + 1] == (byte) 0xBB && b[s + 2] == (byte) 0xBF) {
                s += 3; // a UTF-8 byte order mark, as some editors and Windows tools write
            }
            isFirstLine = false;
            while (s < e && (b[s] == ' ' || b[s] == '\t' || b[s] == '\r')) {
                s++;
            }
            if (s == e) {
                stats.countBlankLine();
            } else if (read(b, s, e)) {
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
            FrameKind kind = decode(gate.begin(out));
            stats.count(gate.hasRejects() ? FrameKind.REJECTED : kind);
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
