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
    /** Set by {@link #readAhead}: lines come from the reader thread's ring instead of {@link #lines}. */
    private ReadAhead ahead;
    /** The inflating stream under {@link #lines}, started with the read-ahead; null for a plain file. */
    private BlockReadAhead inflating;
    private boolean isStarted;
    private ReadAhead.Slot slot;
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

    /**
     * Runs on the reader thread of {@link #readAhead}: what can be made of a line from its bytes alone. Nothing by
     * default.
     */
    ReadAhead.Tokenizer tokenizer() {
        return (slot, isFirstLine) -> { };
    }

    /** The current line's read-ahead slot (its bytes are what {@link #read} was given), or null. */
    final ReadAhead.Slot slot() {
        return slot;
    }

    /** The stream under the lines inflates on a thread of its own too when they are read ahead. */
    final void inflateAhead(BlockReadAhead stream) {
        inflating = stream;
    }

    @Override
    public final void readAhead() {
        if (!isStarted && ahead == null) {
            ahead = new ReadAhead(lines, tokenizer(), 256);
        }
    }

    /**
     * Where a line's content starts: after a UTF-8 byte order mark on the first line (as some editors and Windows
     * tools write) and after leading blanks; {@code e} for a blank line.
     */
    static int contentStart(byte[] b, int s, int e, boolean isFirstLine) {
        if (isFirstLine && e - s >= 3 && b[s] == (byte) 0xEF && b[s + 1] == (byte) 0xBB && b[s + 2] == (byte) 0xBF) {
            s += 3;
        }
        while (s < e && (b[s] == ' ' || b[s] == '\t' || b[s] == '\r')) {
            s++;
        }
        return s;
    }

    /** Makes the current item a rejection, ordered at the last good time. */
    final boolean reject(Reject reason) {
        pending = reason;
        time = lastTime;
        return true;
    }

    @Override
    public final boolean advance() {
        pending = null;
        if (!isStarted) {
            isStarted = true;
            if (ahead != null) {
                if (inflating != null) {
                    inflating.start(name);
                }
                ahead.start(name);
            }
        }
        while (!isDone) {
            byte[] b;
            int s;
            int e;
            if (ahead != null) {
                slot = ahead.take();
                if (slot.kind == ReadAhead.END) {
                    isDone = true;
                    return false;
                }
                if (slot.kind == ReadAhead.FAILED) {
                    return damaged(slot.failure, slot.lineNumber);
                }
                if (slot.kind == ReadAhead.TOO_LONG) {
                    return reject(Reject.LINE_TOO_LONG);
                }
                b = slot.bytes;
                s = 0;
                e = slot.length;
            } else {
                try {
                    if (!lines.next()) {
                        isDone = true;
                        return false;
                    }
                } catch (IOException failure) {
                    return damaged(failure, lines.lineNumber());
                }
                if (lines.isTooLong()) {
                    return reject(Reject.LINE_TOO_LONG);
                }
                b = lines.buffer();
                s = lines.start();
                e = lines.end();
            }
            s = contentStart(b, s, e, isFirstLine);
            isFirstLine = false;
            if (s == e) {
                stats.countBlankLine();
            } else if (read(b, s, e)) {
                return true;
            }
        }
        return false;
    }

    /** The rest is lost; what was read counts, and the damage is reported. */
    private boolean damaged(IOException e, long lineNumber) {
        isDone = true;
        stats.damage(name, InputFiles.describe(e) + " (after line " + String.format("%,d", lineNumber) + ")");
        return reject(InputFiles.rejectOf(e));
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
        if (ahead != null) {
            ahead.stop();
        }
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing a file we only read cannot lose data
        }
    }
}
