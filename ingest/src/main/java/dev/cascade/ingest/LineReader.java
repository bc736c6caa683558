package dev.cascade.ingest;

import dev.cascade.venues.codec.WordScan;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines from a stream into one reusable buffer, without allocating per line. A line longer than the
 * limit is skipped to its end and reported as too long (one hostile 10 MB line must not take the reader's
 * memory or stop the file). Handles LF and CRLF; a last line without a newline is still a line.
 */
public final class LineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buf;
    private int start;
    private int limit;
    private boolean isEof;
    private int lineStart;
    private int lineEnd;
    private boolean isTooLong;
    private long lineNumber;

    public LineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, 1 << 16);
    }

    public LineReader(InputStream in, int maxLineBytes, int initialBuffer) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.buf = new byte[Math.min(initialBuffer, Math.max(64, maxLineBytes))];
    }

    /**
     * Advances to the next line. Returns false at the end of the stream. After true, either
     * {@link #isTooLong()} or the line is {@code buffer()[start(), end())}.
     */
    public boolean next() throws IOException {
        isTooLong = false;
        int scanFrom = start;
        while (true) {
            int i = WordScan.indexOf(buf, scanFrom, limit, (byte) '\n');
            if (i < limit) {
                setLine(start, i);
                start = i + 1;
                return true;
            }
            scanFrom = limit;
            if (isEof) {
                if (start < limit) {
                    setLine(start, limit);
                    start = limit;
                    return true;
                }
                return false;
            }
            if (limit - start >= maxLineBytes) {
                skipRestOfLine();
                return true;
            }
            int scanned = scanFrom - start;
            fill();
            scanFrom = start + scanned;
        }
    }

    private void setLine(int from, int to) {
        lineStart = from;
        lineEnd = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        lineNumber++;
    }

    /** Moves unread bytes to the front, grows the buffer when a line fills it, and reads more. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, limit - start);
            limit -= start;
            start = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxLineBytes + 1));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            isEof = true;
        } else {
            limit += n;
        }
    }

    private void skipRestOfLine() throws IOException {
        isTooLong = true;
        lineNumber++;
        start = limit;
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                isEof = true;
                start = 0;
                limit = 0;
                return;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    start = i + 1;
                    limit = n;
                    return;
                }
            }
        }
    }

    public boolean isTooLong() {
        return isTooLong;
    }

    public byte[] buffer() {
        return buf;
    }

    public int start() {
        return lineStart;
    }

    public int end() {
        return lineEnd;
    }

    public int length() {
        return lineEnd - lineStart;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }
}
