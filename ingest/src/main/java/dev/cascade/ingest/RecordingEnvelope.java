package dev.cascade.ingest;

import dev.cascade.venues.codec.WordScan;

/**
 * The envelope of a recording line as Cascade writes it, matched byte for byte so that only the frame needs
 * tokenizing: a pure function of the line's bytes, run on the read-ahead thread.
 *
 * <pre>
 * {"ts":1749130200000904,"venue":"binance-usdm","frame":{"stream":"btcusdt@aggTrade","data":{...}}}
 *  └─ ts: 1 to 18 digits, no sign, no leading 0
 *                         └─ venue: a string without escapes or control bytes
 *                                                └─ frame: whatever lies between here and the line's last '}',
 *                                                   which must then tokenize as one JSON value
 * </pre>
 *
 * Anything else (other keys or another order, whitespace between the members, a quoted or overlong ts, an
 * escaped venue, a REST line, a frame followed by more members) does not match, and the line goes through the
 * general path, which tokenizes the whole line and finds the members by name. A match therefore means the general
 * path would have found exactly these three members, with these values.
 */
final class RecordingEnvelope {
    private static final byte[] TS = {'{', '"', 't', 's', '"', ':'};
    private static final byte[] VENUE = {',', '"', 'v', 'e', 'n', 'u', 'e', '"', ':', '"'};
    private static final byte[] FRAME = {'"', ',', '"', 'f', 'r', 'a', 'm', 'e', '"', ':'};
    private static final int MAX_DIGITS = 18;

    private boolean isMatched;
    private long ts;
    private int venueStart;
    private int venueEnd;
    private int frameStart;
    private int frameEnd;

    /** Matches {@code b[s, e)}; when false, nothing of the line was taken and the getters are not to be used. */
    boolean match(byte[] b, int s, int e) {
        isMatched = false;
        if (e - s < TS.length + 1 + VENUE.length + FRAME.length + 2 || b[e - 1] != '}' || !at(b, s, TS)) {
            return false;
        }
        int i = s + TS.length;
        int digits = WordScan.digitsEnd(b, i, e);
        if (digits == i || digits - i > MAX_DIGITS || b[i] == '0' || digits + VENUE.length > e || !at(b, digits, VENUE)) {
            return false;
        }
        long v = 0;
        for (int k = i; k < digits; k++) {
            v = v * 10 + (b[k] - '0');
        }
        int vs = digits + VENUE.length;
        int ve = WordScan.stringStop(b, vs, e);
        if (ve + FRAME.length >= e || b[ve] != '"' || !at(b, ve, FRAME)) {
            return false;
        }
        ts = v;
        venueStart = vs;
        venueEnd = ve;
        frameStart = ve + FRAME.length;
        frameEnd = e - 1;
        isMatched = true;
        return true;
    }

    /** Forgets a match (its frame did not tokenize as one value). */
    void clear() {
        isMatched = false;
    }

    boolean isMatched() {
        return isMatched;
    }

    /** The receive time, as the general path's {@code tape.integer} reads the same digits. */
    long ts() {
        return ts;
    }

    int venueStart() {
        return venueStart;
    }

    int venueEnd() {
        return venueEnd;
    }

    /** The frame's bytes (with any blanks around the value): from after the colon to before the last '}'. */
    int frameStart() {
        return frameStart;
    }

    int frameEnd() {
        return frameEnd;
    }

    private static boolean at(byte[] b, int i, byte[] literal) {
        for (int k = 0; k < literal.length; k++) {
            if (b[i + k] != literal[k]) {
                return false;
            }
        }
        return true;
    }
}
