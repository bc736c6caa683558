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
    /** A string with backslash escapes: compares as raw bytes, {@link #string} unescapes it. */
    private static final byte ESCAPED_STRING = 8;

    /** JSON whitespace. */
    private static final boolean[] SPACE = new boolean[256];

    static {
        SPACE[' '] = true;
        SPACE['\n'] = true;
        SPACE['\r'] = true;
        SPACE['\t'] = true;
    }

    private static final int MAX_DEPTH = 64;
    /** Token layout: four ints per token in one array, for locality and one bounds check per write. */
    private static final int KIND = 0;
    private static final int START = 1;
    private static final int END = 2;
    private static final int NEXT = 3;

    private byte[] buf;
    private int[] tokens = new int[4 * 256];
    private final int[] stack = new int[MAX_DEPTH];
    private int count;
    private Reject error;

    /**
     * Tokenizes {@code b[off, off+len)}, which must hold exactly one JSON value (surrounding whitespace
     * allowed). Returns false, with {@link #error()} saying why, when it does not.
     */
    public boolean parse(byte[] b, int off, int len) {
        return parse(b, off, len, MAX_DEPTH);
    }

    /**
     * {@link #parse} of a value that sits one level down inside an enclosing object whose other bytes the caller
     * has checked itself: it may nest one level less, so that it parses exactly when the whole document would.
     */
    public boolean parseMemberValue(byte[] b, int off, int len) {
        return parse(b, off, len, MAX_DEPTH - 1);
    }

    private boolean parse(byte[] b, int off, int len, int maxDepth) {
        buf = b;
        count = 0;
        error = null;
        int limit = off + len;
        int pos = skipWs(b, off, limit);
        int depth = 0;
        while (true) {
            // a value starts at pos
            if (pos >= limit) {
                return fail(Reject.MALFORMED_JSON);
            }
            byte c = b[pos];
            switch (c) {
                case '"': {
                    int q = WordScan.stringStop(b, pos + 1, limit);
                    if (q < limit && b[q] == '"') { // no escape: the scan's answer without its call
                        push(STRING, pos + 1, q);
                        pos = q + 1;
                        break;
                    }
                    int e = scanString(b, pos + 1, limit);
                    if (e < 0) {
                        return fail(e == BINARY ? Reject.BINARY_DATA : Reject.MALFORMED_JSON);
                    }
                    push((e & 1) == 0 ? STRING : ESCAPED_STRING, pos + 1, e >>> 1);
                    pos = (e >>> 1) + 1;
                    break;
                }
                case '{':
                case '[': {
                    if (depth == maxDepth) {
                        return fail(Reject.MALFORMED_JSON);
                    }
                    boolean isObject = c == '{';
                    stack[depth++] = push(isObject ? OBJECT : ARRAY, pos, pos);
                    pos = skipWs(b, pos + 1, limit);
                    if (pos >= limit) {
                        return fail(Reject.MALFORMED_JSON);
                    }
                    if (b[pos] != (isObject ? '}' : ']')) {
                        if (isObject && (pos = key(b, pos, limit)) < 0) {
                            return false;
                        }
                        continue;
                    }
                    break; // empty: closed below
                }
                case 't':
                    if (!literal(b, pos, limit, 'r', 'u', 'e')) {
                        return fail(classify(b, pos, limit));
                    }
                    push(TRUE, pos, pos + 4);
                    pos += 4;
                    break;
                case 'f':
                    if (pos + 5 > limit || b[pos + 4] != 'e' || !literal(b, pos, limit, 'a', 'l', 's')) {
                        return fail(classify(b, pos, limit));
                    }
                    push(FALSE, pos, pos + 5);
                    pos += 5;
                    break;
                case 'n':
                    if (!literal(b, pos, limit, 'u', 'l', 'l')) {
                        return fail(classify(b, pos, limit));
                    }
                    push(NULL, pos, pos + 4);
                    pos += 4;
                    break;
                default: {
                    int e = scanNumber(b, pos, limit);
                    if (e < 0) {
                        return fail(classify(b, pos, limit));
                    }
                    push(NUMBER, pos, e);
                    pos = e;
                }
            }
            // after a value: close containers, or move on to the next element
            while (true) {
                pos = skipWs(b, pos, limit);
                if (depth == 0) {
                    return pos == limit || fail(classify(b, pos, limit));
                }
                if (pos >= limit) {
                    return fail(Reject.MALFORMED_JSON);
                }
                int container = stack[depth - 1];
                boolean isObject = tokens[container << 2] == OBJECT;
                byte d = b[pos];
                if (d == ',') {
                    pos = skipWs(b, pos + 1, limit);
                    if (isObject && (pos = key(b, pos, limit)) < 0) {
                        return false;
                    }
                    break;
                }
                if (d == (isObject ? '}' : ']')) {
                    tokens[(container << 2) + END] = pos + 1;
                    tokens[(container << 2) + NEXT] = count;
                    depth--;
                    pos++;
                    continue;
                }
                return fail(classify(b, pos, limit));
            }
        }
    }

    private static final int MALFORMED = -1;
    private static final int BINARY = -2;

    /**
     * Scans string content from {@code i} (after the opening quote). Returns (end &lt;&lt; 1 | escaped), where
     * end is the closing quote's position, or MALFORMED / BINARY.
     */
    private static int scanString(byte[] b, int i, int limit) {
        int escaped = 0;
        while (true) {
            i = WordScan.stringStop(b, i, limit);
            if (i >= limit) {
                return MALFORMED;
            }
            byte c = b[i];
            if (c == '"') {
                return (i << 1) | escaped;
            }
            if (c != '\\') {
                return c == '\t' || c == '\n' || c == '\r' ? MALFORMED : BINARY;
            }
            escaped = 1;
            if (i + 1 >= limit) {
                return MALFORMED;
            }
            byte e = b[i + 1];
            if (e == 'u') {
                if (i + 6 > limit) {
                    return MALFORMED;
                }
                for (int k = i + 2; k < i + 6; k++) {
                    if (Character.digit(b[k], 16) < 0) {
                        return MALFORMED;
                    }
                }
                i += 6;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                i += 2;
            } else {
                return MALFORMED;
            }
        }
    }

    /** Scans a JSON number from {@code pos}; returns its end, or MALFORMED. */
    private static int scanNumber(byte[] b, int pos, int limit) {
        int i = pos;
        if (b[i] == '-') {
            i++;
        }
        if (i >= limit) {
            return MALFORMED;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            i = WordScan.digitsEnd(b, i + 1, limit);
        } else {
            return MALFORMED;
        }
        if (i < limit && b[i] == '.') {
            int digits = ++i;
            i = WordScan.digitsEnd(b, i, limit);
            if (i == digits) {
                return MALFORMED;
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
                return MALFORMED;
            }
        }
        return i;
    }

    /** Parses a key and its colon; returns the position of the value, or -1 (with the error set). */
    private int key(byte[] b, int pos, int limit) {
        if (pos >= limit || b[pos] != '"') {
            fail(pos >= limit ? Reject.MALFORMED_JSON : classify(b, pos, limit));
            return -1;
        }
        int close;
        if (pos + 2 < limit && b[pos + 2] == '"' && isPlain(b[pos + 1])) {
            close = pos + 2; // a one-byte key ("e", "s", "p"...: most of a Binance frame's), without the scan's calls
            push(STRING, pos + 1, close);
        } else {
            int e = scanString(b, pos + 1, limit);
            if (e < 0) {
                fail(e == BINARY ? Reject.BINARY_DATA : Reject.MALFORMED_JSON);
                return -1;
            }
            close = e >>> 1;
            push((e & 1) == 0 ? STRING : ESCAPED_STRING, pos + 1, close);
        }
        pos = skipWs(b, close + 1, limit);
        if (pos >= limit || b[pos] != ':') {
            fail(pos >= limit ? Reject.MALFORMED_JSON : classify(b, pos, limit));
            return -1;
        }
        return skipWs(b, pos + 1, limit);
    }

    /** A byte that string content may hold as it is: not a quote, a backslash or a control byte. */
    private static boolean isPlain(byte c) {
        return c != '"' && c != '\\' && (c < 0 || c >= 0x20);
    }

    private static boolean literal(byte[] b, int pos, int limit, char c1, char c2, char c3) {
        return pos + 4 <= limit && b[pos + 1] == c1 && b[pos + 2] == c2 && b[pos + 3] == c3;
    }

    private int push(int k, int s, int e) {
        int t = count;
        int i = t << 2;
        if (i == tokens.length) {
            tokens = Arrays.copyOf(tokens, tokens.length * 2);
        }
        int[] tk = tokens;
        tk[i] = k;
        tk[i + START] = s;
        tk[i + END] = e;
        tk[i + NEXT] = t + 1;
        count = t + 1;
        return t;
    }

    private static int skipWs(byte[] b, int pos, int limit) {
        while (pos < limit && SPACE[b[pos] & 0xff]) {
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
        int k = tokens[t << 2];
        return (byte) (k == ESCAPED_STRING ? STRING : k);
    }

    private int rawKind(int t) {
        return tokens[t << 2];
    }

    /** First content byte: after the quote of a string, the bracket of a container. */
    public int start(int t) {
        return tokens[(t << 2) + START];
    }

    /** End of content (exclusive): before a string's closing quote, after a container's closing bracket. */
    public int end(int t) {
        return tokens[(t << 2) + END];
    }

    /** The token after {@code t} and everything inside it. */
    public int next(int t) {
        return tokens[(t << 2) + NEXT];
    }

    public int length(int t) {
        return tokens[(t << 2) + END] - tokens[(t << 2) + START];
    }

    public boolean isObject(int t) {
        return t >= 0 && rawKind(t) == OBJECT;
    }

    public boolean isArray(int t) {
        return t >= 0 && rawKind(t) == ARRAY;
    }

    public boolean isString(int t) {
        return t >= 0 && (rawKind(t) == STRING || rawKind(t) == ESCAPED_STRING);
    }

    /**
     * The value of member {@code key} of object {@code obj}, or -1 when absent (or obj is not an object). Keys are
     * compared by length and first byte before their bytes: most keys differ there.
     */
    public int member(int obj, byte[] key) {
        if (obj < 0 || rawKind(obj) != OBJECT) {
            return -1;
        }
        int[] tk = tokens;
        byte[] b = buf;
        int n = key.length;
        int stop = tk[(obj << 2) + NEXT];
        for (int k = obj + 1; k < stop; k = tk[((k + 1) << 2) + NEXT]) {
            int s = tk[(k << 2) + START];
            if (tk[(k << 2) + END] - s == n && (n == 0 || b[s] == key[0]) && Ascii.equals(b, s, s + n, key)) {
                return k + 1; // a key is always a string token, so its raw bytes are what equalsBytes compares
            }
        }
        return -1;
    }

    /** The first key of an object (its value is key + 1), or -1 if empty; iterate with {@link #nextKey}. */
    public int firstKey(int obj) {
        return obj + 1 < next(obj) ? obj + 1 : -1;
    }

    public int nextKey(int obj, int key) {
        int n = next(key + 1);
        return n < next(obj) ? n : -1;
    }

    /** The first element of an array, or -1 if empty; iterate with {@link #nextElement}. */
    public int firstElement(int array) {
        return array + 1 < next(array) ? array + 1 : -1;
    }

    public int nextElement(int array, int element) {
        int n = next(element);
        return n < next(array) ? n : -1;
    }

    /** Whether string token {@code t} holds exactly these bytes. */
    public boolean equalsBytes(int t, byte[] literal) {
        return t >= 0 && isString(t) && Ascii.equals(buf, start(t), end(t), literal);
    }

    /** First byte of a token's content, or -1 for an empty string. */
    public int firstByte(int t) {
        return end(t) > start(t) ? buf[start(t)] : -1;
    }

    /** A number, or a string holding a number (venues send both); NaN when absent or not a number. */
    public double number(int t) {
        if (t < 0) {
            return Double.NaN;
        }
        int k = rawKind(t);
        if (k != NUMBER && k != STRING && k != ESCAPED_STRING) {
            return Double.NaN;
        }
        return Ascii.parseDouble(buf, start(t), end(t));
    }

    /** An integer, or a string holding one; {@link Ascii#NOT_A_LONG} when absent or not an integer. */
    public long integer(int t) {
        if (t < 0) {
            return Ascii.NOT_A_LONG;
        }
        int k = rawKind(t);
        if (k != NUMBER && k != STRING && k != ESCAPED_STRING) {
            return Ascii.NOT_A_LONG;
        }
        return Ascii.parseLong(buf, start(t), end(t));
    }

    /** Why {@link #number} or {@link #integer} gave no value for token {@code t} (cold path). */
    public Reject numberProblem(int t) {
        if (t < 0 || rawKind(t) == NULL) {
            return Reject.MISSING_FIELD;
        }
        byte k = kind(t);
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
        if (rawKind(t) != ESCAPED_STRING) {
            return new String(buf, start(t), length(t), StandardCharsets.UTF_8);
        }
        return unescape(buf, start(t), end(t));
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
