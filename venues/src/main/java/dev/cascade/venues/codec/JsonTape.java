package dev.cascade.venues.codec;

import dev.cascade.model.Reject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, allocation-free JSON tokenizer for the feed hot path: one pass over the bytes validates the
 * document and records every value as a token on a flat tape, which decoders then walk by index.
 *
 * <pre>
 *   {"e":"aggTrade","a":5933014,"m":true}
 *   token:  0       1    2          3    4        5    6
 *   kind:   OBJECT  STR  STR        STR  NUMBER   STR  TRUE
 *           key/value pairs follow their object; next[i] skips a value with all its children
 * </pre>
 *
 * Strings are not unescaped (keys and symbols are plain ASCII; {@link #string(int)} unescapes at the edges).
 * Jackson does the same job everywhere else; this exists because frames must decode at millions per second
 * with no garbage, and it is fuzzed against Jackson in the tests.
 */
public final class JsonTape {
    public static final byte OBJECT = 1;
    public static final byte ARRAY = 2;
    public static final byte STRING = 3;
    public static final byte NUMBER = 4;
    public static final byte TRUE = 5;
    public static final byte FALSE = 6;
    public static final byte NULL = 7;

    private static final int MAX_DEPTH = 64;

    private byte[] buf;
    private byte[] kind = new byte[256];
    private int[] start = new int[256];
    private int[] end = new int[256];
    private int[] next = new int[256];
    private boolean[] isEscaped = new boolean[256];
    private final int[] stack = new int[MAX_DEPTH];
    private int count;
    private Reject error;

    /**
     * Tokenizes {@code b[off, off+len)}, which must hold exactly one JSON value (surrounding whitespace
     * allowed). Returns false, with {@link #error()} saying why, when it does not.
     */
    public boolean parse(byte[] b, int off, int len) {
        buf = b;
        count = 0;
        error = null;
        int limit = off + len;
        int pos = skipWs(b, off, limit);
        if (pos >= limit) {
            return fail(Reject.MALFORMED_JSON);
        }
        int depth = 0;
        while (true) {
            // a value starts at pos
            if (pos >= limit) {
                return fail(Reject.MALFORMED_JSON);
            }
            byte c = b[pos];
            if (c == '{' || c == '[') {
                if (depth == MAX_DEPTH) {
                    return fail(Reject.MALFORMED_JSON);
                }
                int t = add(c == '{' ? OBJECT : ARRAY, pos, pos);
                stack[depth++] = t;
                pos = skipWs(b, pos + 1, limit);
                if (pos >= limit) {
                    return fail(Reject.MALFORMED_JSON);
                }
                byte close = c == '{' ? (byte) '}' : (byte) ']';
                if (b[pos] != close) {
                    if (c == '{') {
                        pos = key(b, pos, limit);
                        if (pos < 0) {
                            return false;
                        }
                    }
                    continue;
                }
                // empty container: fall through to closing it below
            } else if (c == '"') {
                pos = string(b, pos, limit);
                if (pos < 0) {
                    return false;
                }
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                pos = number(b, pos, limit);
                if (pos < 0) {
                    return false;
                }
            } else if (c == 't') {
                pos = literal(b, pos, limit, TRUE, 't', 'r', 'u', 'e');
                if (pos < 0) {
                    return false;
                }
            } else if (c == 'f') {
                if (pos + 5 > limit || b[pos + 1] != 'a' || b[pos + 2] != 'l' || b[pos + 3] != 's' || b[pos + 4] != 'e') {
                    return fail(classify(b, pos, limit));
                }
                add(FALSE, pos, pos + 5);
                pos += 5;
            } else if (c == 'n') {
                pos = literal(b, pos, limit, NULL, 'n', 'u', 'l', 'l');
                if (pos < 0) {
                    return false;
                }
            } else {
                return fail(classify(b, pos, limit));
            }
            // after a value: close containers, or move to the next element
            while (true) {
                if (depth == 0) {
                    pos = skipWs(b, pos, limit);
                    return pos == limit || fail(classify(b, pos, limit));
                }
                pos = skipWs(b, pos, limit);
                if (pos >= limit) {
                    return fail(Reject.MALFORMED_JSON);
                }
                int container = stack[depth - 1];
                byte d = b[pos];
                if (d == ',') {
                    pos = skipWs(b, pos + 1, limit);
                    if (kind[container] == OBJECT) {
                        pos = key(b, pos, limit);
                        if (pos < 0) {
                            return false;
                        }
                    }
                    break;
                }
                if ((d == '}' && kind[container] == OBJECT) || (d == ']' && kind[container] == ARRAY)) {
                    end[container] = pos + 1;
                    next[container] = count;
                    depth--;
                    pos++;
                    continue;
                }
                return fail(classify(b, pos, limit));
            }
        }
    }

    /** Parses a key and its colon; returns the position of the value, or -1. */
    private int key(byte[] b, int pos, int limit) {
        if (pos >= limit || b[pos] != '"') {
            return pos >= limit ? failPos(Reject.MALFORMED_JSON) : failPos(classify(b, pos, limit));
        }
        pos = string(b, pos, limit);
        if (pos < 0) {
            return -1;
        }
        pos = skipWs(b, pos, limit);
        if (pos >= limit || b[pos] != ':') {
            return failPos(pos >= limit ? Reject.MALFORMED_JSON : classify(b, pos, limit));
        }
        return skipWs(b, pos + 1, limit);
    }

    private int string(byte[] b, int pos, int limit) {
        int i = pos + 1;
        boolean escaped = false;
        while (true) {
            if (i >= limit) {
                return failPos(Reject.MALFORMED_JSON);
            }
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escaped = true;
                if (i + 1 >= limit) {
                    return failPos(Reject.MALFORMED_JSON);
                }
                byte e = b[i + 1];
                if (e == 'u') {
                    if (i + 6 > limit) {
                        return failPos(Reject.MALFORMED_JSON);
                    }
                    for (int k = i + 2; k < i + 6; k++) {
                        if (Character.digit(b[k], 16) < 0) {
                            return failPos(Reject.MALFORMED_JSON);
                        }
                    }
                    i += 6;
                    continue;
                }
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                    return failPos(Reject.MALFORMED_JSON);
                }
                i += 2;
                continue;
            }
            if (c >= 0 && c < 0x20) {
                return failPos(c == '\t' || c == '\n' || c == '\r' ? Reject.MALFORMED_JSON : Reject.BINARY_DATA);
            }
            i++;
        }
        int t = add(STRING, pos + 1, i);
        isEscaped[t] = escaped;
        return i + 1;
    }

    private int number(byte[] b, int pos, int limit) {
        int i = pos;
        if (b[i] == '-') {
            i++;
        }
        if (i >= limit) {
            return failPos(Reject.MALFORMED_JSON);
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            while (i < limit && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        } else {
            return failPos(classify(b, i, limit));
        }
        if (i < limit && b[i] == '.') {
            i++;
            int digits = i;
            while (i < limit && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == digits) {
                return failPos(Reject.MALFORMED_JSON);
            }
        }
        if (i < limit && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < limit && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int digits = i;
            while (i < limit && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == digits) {
                return failPos(Reject.MALFORMED_JSON);
            }
        }
        add(NUMBER, pos, i);
        return i;
    }

    private int literal(byte[] b, int pos, int limit, byte k, char c0, char c1, char c2, char c3) {
        if (pos + 4 > limit || b[pos] != c0 || b[pos + 1] != c1 || b[pos + 2] != c2 || b[pos + 3] != c3) {
            return failPos(classify(b, pos, limit));
        }
        add(k, pos, pos + 4);
        return pos + 4;
    }

    private int add(byte k, int s, int e) {
        if (count == kind.length) {
            grow();
        }
        int t = count++;
        kind[t] = k;
        start[t] = s;
        end[t] = e;
        next[t] = t + 1;
        isEscaped[t] = false;
        return t;
    }

    private void grow() {
        int n = kind.length * 2;
        kind = Arrays.copyOf(kind, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        next = Arrays.copyOf(next, n);
        isEscaped = Arrays.copyOf(isEscaped, n);
    }

    private static int skipWs(byte[] b, int pos, int limit) {
        while (pos < limit) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            pos++;
        }
        return pos;
    }

    /** Text that is not JSON is malformed; bytes that are not text at all are binary data. */
    private static Reject classify(byte[] b, int pos, int limit) {
        int stop = Math.min(limit, pos + 64);
        for (int i = pos; i < stop; i++) {
            byte c = b[i];
            if (c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return Reject.BINARY_DATA;
            }
        }
        return Reject.MALFORMED_JSON;
    }

    private boolean fail(Reject reason) {
        error = reason;
        count = 0;
        return false;
    }

    private int failPos(Reject reason) {
        fail(reason);
        return -1;
    }

    /** Why the last {@link #parse} failed, or null after a success. */
    public Reject error() {
        return error;
    }

    public int count() {
        return count;
    }

    public byte[] buffer() {
        return buf;
    }

    public byte kind(int t) {
        return kind[t];
    }

    /** First content byte: after the quote of a string, the bracket of a container. */
    public int start(int t) {
        return start[t];
    }

    /** End of content (exclusive): before a string's closing quote, after a container's closing bracket. */
    public int end(int t) {
        return end[t];
    }

    /** The token after {@code t} and everything inside it. */
    public int next(int t) {
        return next[t];
    }

    public int length(int t) {
        return end[t] - start[t];
    }

    public boolean isObject(int t) {
        return t >= 0 && kind[t] == OBJECT;
    }

    public boolean isArray(int t) {
        return t >= 0 && kind[t] == ARRAY;
    }

    public boolean isString(int t) {
        return t >= 0 && kind[t] == STRING;
    }

    /** The value of member {@code key} of object {@code obj}, or -1 when absent (or obj is not an object). */
    public int member(int obj, byte[] key) {
        if (obj < 0 || kind[obj] != OBJECT) {
            return -1;
        }
        int stop = next[obj];
        for (int k = obj + 1; k < stop; k = next[k + 1]) {
            if (equalsBytes(k, key)) {
                return k + 1;
            }
        }
        return -1;
    }

    /** The first key of an object (its value is key + 1), or -1 if empty; iterate with {@link #nextKey}. */
    public int firstKey(int obj) {
        return obj + 1 < next[obj] ? obj + 1 : -1;
    }

    public int nextKey(int obj, int key) {
        int n = next[key + 1];
        return n < next[obj] ? n : -1;
    }

    /** The first element of an array, or -1 if empty; iterate with {@link #nextElement}. */
    public int firstElement(int array) {
        return array + 1 < next[array] ? array + 1 : -1;
    }

    public int nextElement(int array, int element) {
        int n = next[element];
        return n < next[array] ? n : -1;
    }

    /** Whether string token {@code t} holds exactly these bytes. */
    public boolean equalsBytes(int t, byte[] literal) {
        return t >= 0 && kind[t] == STRING && Ascii.equals(buf, start[t], end[t], literal);
    }

    /** First byte of a token's content, or -1 for an empty string. */
    public int firstByte(int t) {
        return end[t] > start[t] ? buf[start[t]] : -1;
    }

    /** A number, or a string holding a number (venues send both); NaN when absent or not a number. */
    public double number(int t) {
        if (t < 0) {
            return Double.NaN;
        }
        byte k = kind[t];
        if (k != NUMBER && k != STRING) {
            return Double.NaN;
        }
        return Ascii.parseDouble(buf, start[t], end[t]);
    }

    /** An integer, or a string holding one; {@link Ascii#NOT_A_LONG} when absent or not an integer. */
    public long integer(int t) {
        if (t < 0) {
            return Ascii.NOT_A_LONG;
        }
        byte k = kind[t];
        if (k != NUMBER && k != STRING) {
            return Ascii.NOT_A_LONG;
        }
        return Ascii.parseLong(buf, start[t], end[t]);
    }

    /** Why {@link #number} or {@link #integer} gave no value for token {@code t} (cold path). */
    public Reject numberProblem(int t) {
        if (t < 0 || kind[t] == NULL) {
            return Reject.MISSING_FIELD;
        }
        byte k = kind[t];
        if (k != NUMBER && k != STRING) {
            return Reject.WRONG_TYPE;
        }
        return Reject.NOT_A_NUMBER;
    }

    /** The string's value, unescaped; allocates, so for the edges (metadata, errors, tests). */
    public String string(int t) {
        if (t < 0) {
            return null;
        }
        if (kind[t] != STRING) {
            return new String(buf, start[t], end[t] - start[t], StandardCharsets.UTF_8);
        }
        if (!isEscaped[t]) {
            return new String(buf, start[t], end[t] - start[t], StandardCharsets.UTF_8);
        }
        return unescape(buf, start[t], end[t]);
    }

    private static String unescape(byte[] b, int from, int to) {
        String raw = new String(b, from, to - from, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }
}
