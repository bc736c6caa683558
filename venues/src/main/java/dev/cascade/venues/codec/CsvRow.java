package dev.cascade.venues.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, allocation-free splitter for one CSV line (RFC 4180: comma separated, fields optionally in
 * double quotes, a quote inside quotes doubled). Archives are tens of millions of rows; this keeps the
 * replay path free of per-field strings. Fuzzed against FastCSV in the tests.
 */
public final class CsvRow {
    private byte[] buf;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private boolean[] isQuoted = new boolean[16];
    private int count;

    /** Splits {@code b[from, to)} (no line terminator). Returns false for an unterminated or misplaced quote. */
    public boolean split(byte[] b, int from, int to) {
        buf = b;
        count = 0;
        int i = from;
        while (true) {
            if (count == start.length) {
                grow();
            }
            if (i < to && b[i] == '"') {
                int s = i + 1;
                int j = s;
                while (true) {
                    if (j >= to) {
                        return false;
                    }
                    if (b[j] == '"') {
                        if (j + 1 < to && b[j + 1] == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                start[count] = s;
                end[count] = j;
                isQuoted[count] = true;
                count++;
                i = j + 1;
                if (i == to) {
                    return true;
                }
                if (b[i] != ',') {
                    return false;
                }
                i++;
            } else {
                int j = i;
                while (j < to && b[j] != ',') {
                    if (b[j] == '"') {
                        return false;
                    }
                    j++;
                }
                start[count] = i;
                end[count] = j;
                isQuoted[count] = false;
                count++;
                if (j == to) {
                    return true;
                }
                i = j + 1;
            }
        }
    }

    private void grow() {
        int n = start.length * 2;
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        isQuoted = Arrays.copyOf(isQuoted, n);
    }

    public int count() {
        return count;
    }

    public byte[] buffer() {
        return buf;
    }

    public int start(int field) {
        return start[field];
    }

    public int end(int field) {
        return end[field];
    }

    public int length(int field) {
        return end[field] - start[field];
    }

    public boolean isEmpty(int field) {
        return end[field] == start[field];
    }

    public double number(int field) {
        return Ascii.parseDouble(buf, start[field], end[field]);
    }

    public long integer(int field) {
        return Ascii.parseLong(buf, start[field], end[field]);
    }

    public boolean equalsBytes(int field, byte[] literal) {
        return Ascii.equals(buf, start[field], end[field], literal);
    }

    /** Whether the field equals {@code literal} ignoring ASCII case ("true", "True"). */
    public boolean equalsIgnoreCase(int field, byte[] lowerLiteral) {
        int len = end[field] - start[field];
        if (len != lowerLiteral.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            int c = buf[start[field] + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerLiteral[i]) {
                return false;
            }
        }
        return true;
    }

    /** The field's text, unquoted; allocates, so for the edges (headers, errors, tests). */
    public String string(int field) {
        String s = new String(buf, start[field], end[field] - start[field], StandardCharsets.UTF_8);
        return isQuoted[field] ? s.replace("\"\"", "\"") : s;
    }
}
