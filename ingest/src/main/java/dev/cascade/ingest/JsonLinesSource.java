package dev.cascade.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.Checks;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.overview.OverviewDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A file of JSON lines: Cascade recordings, and frames recorded without Cascade's envelope.
 *
 * <pre>
 * {"ts":1718000000123456,"venue":"okx-swap","frame":{...}}                 recording: receive µs + venue + frame
 * {"ts":1717999999000000,"venue":"okx-swap","rest":"/api/v5/public/instruments?instType=SWAP","frame":{...}}
 *                                                                          REST metadata: applied when read, so
 *                                                                          before the frames that need it;
 *                                                                          other REST lines (aggTrades backfills)
 *                                                                          are decoded in turn, like frames
 * {"ts":1718000000124000,"venue":"okx-swap","frame":"pong"}                a text frame that was not JSON
 * {"ts":...,"venue":"coingecko","rest":"/api/v3/global","frame":{...}}    market overview (also "alternative.me")
 * {"stream":"btcusdt@aggTrade","data":{...}}                               raw frame: venue judged by its shape,
 * 1626916408.60732: {"stream":"btcusdt@aggTrade","data":{...}}             cryptofeed line: receive time in seconds
 * wss://fstream.binance.com/stream?streams=... &lt;-&gt; 1626992740.1        cryptofeed connection line: control
 * https://dapi.binance.com/dapi/v1/exchangeInfo -&gt; 1626916402.9: {...}   cryptofeed REST capture: metadata, as
 *                                                                          a recording's REST line
 * </pre>
 * Raw frames have no receive time: events take the exchange time, and the frame is ordered by the first
 * timestamp field it carries.
 */
final class JsonLinesSource extends LineSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] TS = Ascii.bytes("ts");
    private static final byte[] VENUE = Ascii.bytes("venue");
    private static final byte[] FRAME = Ascii.bytes("frame");
    private static final byte[] REST = Ascii.bytes("rest");
    private static final byte[] REST_ARROW = Ascii.bytes(" -> ");
    private static final byte[][] TIME_FIELDS = {Ascii.bytes("E"), Ascii.bytes("T"), Ascii.bytes("ts"),
        Ascii.bytes("updatedTime")};

    private final VenueDecoders decoders;
    /** The current line's tokens: a read-ahead slot's tape, or {@link #ownTape}. */
    private JsonTape tape;
    private final JsonTape ownTape = new JsonTape();
    /** The current line's envelope when it matched byte for byte: a read-ahead slot's, or {@link #ownEnvelope}. */
    private RecordingEnvelope matched;
    private final RecordingEnvelope ownEnvelope = new RecordingEnvelope();
    private final FrameIntake intake;
    // the current item
    private FrameKind fixedKind;
    private FrameDecoder decoder;
    private Venue venue;
    private int frame;
    /** The envelope's other members (-1 when absent), found with {@link #frame} in one pass. */
    private int tsToken;
    private int venueToken;
    private int restToken;
    private String restPath;
    private boolean isOverview;
    private long receiveMicros;

    JsonLinesSource(String name, InputStream stream, int maxLineBytes, VenueDecoders decoders, ReadStats stats) {
        super(name, stream, maxLineBytes, 1 << 18, stats);
        this.decoders = decoders;
        this.intake = new FrameIntake(decoders);
        this.tape = ownTape;
    }

    /** On the reader thread: tokenizes the JSON that {@link #read} would (the same range, by {@link #jsonStart}). */
    @Override
    ReadAhead.Tokenizer tokenizer() {
        return (slot, isFirstLine) -> {
            byte[] b = slot.bytes;
            int e = slot.length;
            int from = jsonStart(b, contentStart(b, 0, e, isFirstLine), e);
            if (from >= 0) {
                slot.isTokenized = tokenize(slot.envelope, slot.tape, b, from, e);
                slot.tokenFrom = from;
                slot.tokenTo = e;
            }
        };
    }

    /** Where the JSON of a non-blank line {@code b[s, e)} starts as {@link #read} sees it, or -1 if it has none. */
    private static int jsonStart(byte[] b, int s, int e) {
        if (s == e || startsWith(b, s, e, "https://") || startsWith(b, s, e, "http://") || startsWith(b, s, e, "wss://")
                || startsWith(b, s, e, "configuration: ")) {
            return -1;
        }
        if (b[s] >= '0' && b[s] <= '9') {
            int colon = indexOf(b, s, e, (byte) ':');
            return colon < 0 ? -1 : colon + 1;
        }
        return s;
    }

    /**
     * Tokenizes {@code b[s, e)}: only the frame when the envelope matches byte for byte (and the frame is one JSON
     * value), else the whole line. Pure: it runs on the reader thread.
     */
    private static boolean tokenize(RecordingEnvelope envelope, JsonTape tape, byte[] b, int s, int e) {
        if (envelope.match(b, s, e)) {
            if (tape.parseMemberValue(b, envelope.frameStart(), envelope.frameEnd() - envelope.frameStart())) {
                return true;
            }
            envelope.clear(); // the general path says what is wrong with the line
        }
        return tape.parse(b, s, e - s);
    }

    /** Tokenizes {@code b[s, e)}, or takes the tokens the reader thread made of exactly that. */
    private boolean tokenize(byte[] b, int s, int e) {
        ReadAhead.Slot slot = slot();
        if (slot != null && slot.bytes == b && slot.tokenFrom == s && slot.tokenTo == e) {
            tape = slot.tape;
            matched = slot.envelope.isMatched() ? slot.envelope : null;
            return slot.isTokenized;
        }
        tape = ownTape;
        boolean isTokenized = tokenize(ownEnvelope, tape, b, s, e);
        matched = ownEnvelope.isMatched() ? ownEnvelope : null;
        return isTokenized;
    }

    @Override
    boolean read(byte[] b, int s, int e) {
        fixedKind = null;
        decoder = null;
        restPath = null;
        isOverview = false;
        matched = null;
        long cryptofeedReceive = FrameDecoder.NO_RECEIVE_TIME;
        boolean isHttp = startsWith(b, s, e, "https://") || startsWith(b, s, e, "http://");
        int arrow = isHttp ? indexOf(b, s, e, REST_ARROW) : -1;
        if (arrow >= 0) {
            return restCapture(b, s, arrow, e);
        }
        if (isHttp || startsWith(b, s, e, "wss://") || startsWith(b, s, e, "configuration: ")) {
            fixedKind = FrameKind.CONTROL; // a connection, a sent subscription, cryptofeed's header
            time = lastTime;
            return true;
        }
        if (b[s] >= '0' && b[s] <= '9') {
            int colon = indexOf(b, s, e, (byte) ':');
            cryptofeedReceive = colon < 0 ? Long.MIN_VALUE : secondsToMicros(b, s, colon);
            if (!Micros.isPlausible(cryptofeedReceive)) {
                return reject(Reject.MALFORMED_JSON);
            }
            if (Checks.time(cryptofeedReceive, fileMicros) != null) {
                return reject(Reject.IMPLAUSIBLE_TIME);
            }
            s = colon + 1;
        }
        if (!tokenize(b, s, e)) {
            return reject(tape.error());
        }
        if (matched != null) { // the tape holds the frame alone
            frame = 0;
            return envelope(matched.ts(), b, matched.venueStart(), matched.venueEnd(), -1);
        }
        return tape.isObject(0) && envelopeMembers() ? envelope() : raw(cryptofeedReceive);
    }

    @Override
    FrameKind decode(MarketListener out) {
        if (fixedKind != null) {
            return fixedKind;
        }
        if (isOverview) {
            return overview(out);
        }
        if (restPath != null) {
            return decoders.decodeRest(restPath, tape, frame, receiveMicros, out);
        }
        if (tape.isString(frame)) { // a text frame that was not JSON when received: decode it as the socket did
            byte[] text = tape.string(frame).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return intake.decode(venue, text, 0, text.length, receiveMicros, out);
        }
        return decoder.decode(tape, frame, receiveMicros, out);
    }

    /**
     * Finds the envelope's members in one pass over the top-level keys (the first of a repeated key counts, as
     * {@link JsonTape#member} would have it); true when there is a frame, which makes the line a recording's.
     */
    private boolean envelopeMembers() {
        tsToken = -1;
        venueToken = -1;
        frame = -1;
        restToken = -1;
        byte[] b = tape.buffer();
        for (int k = tape.firstKey(0); k >= 0; k = tape.nextKey(0, k)) {
            int length = tape.length(k);
            byte first = length == 0 ? 0 : b[tape.start(k)];
            if (first == 'f' && frame < 0 && tape.equalsBytes(k, FRAME)) {
                frame = k + 1;
            } else if (first == 't' && tsToken < 0 && tape.equalsBytes(k, TS)) {
                tsToken = k + 1;
            } else if (first == 'v' && venueToken < 0 && tape.equalsBytes(k, VENUE)) {
                venueToken = k + 1;
            } else if (first == 'r' && restToken < 0 && tape.equalsBytes(k, REST)) {
                restToken = k + 1;
            }
        }
        return frame >= 0;
    }

    private boolean envelope() {
        long ts = tape.integer(tsToken);
        if (!Micros.isPlausible(ts)) {
            return reject(ts == Ascii.NOT_A_LONG ? tape.numberProblem(tsToken) : Reject.BAD_TIMESTAMP);
        }
        if (!tape.isString(venueToken)) {
            return envelope(ts, null, 0, 0, restToken);
        }
        return envelope(ts, tape.buffer(), tape.start(venueToken), tape.end(venueToken), restToken);
    }

    /**
     * The envelope's members: a plausible ts, the venue string's raw bytes {@code vb[vs, ve)} (vb null when there is
     * no venue string) and the rest member's token, or -1.
     */
    private boolean envelope(long ts, byte[] vb, int vs, int ve, int restToken) {
        if (!Micros.isPlausible(ts)) {
            return reject(Reject.BAD_TIMESTAMP);
        }
        if (Checks.time(ts, fileMicros) != null) {
            return reject(Reject.IMPLAUSIBLE_TIME); // received after the file was written: a forged line
        }
        Venue venue = vb != null ? Venue.byId(vb, vs, ve - vs) : null;
        if (venue == null && vb != null && OverviewDocuments.isSource(matched != null
                ? new String(vb, vs, ve - vs, java.nio.charset.StandardCharsets.UTF_8) // a plain string: no escapes
                : tape.string(venueToken))) {
            isOverview = true; // a CoinGecko or alternative.me answer the recorder fetched
            receiveMicros = ts;
            time = ts;
            lastTime = Math.max(lastTime, ts);
            return true;
        }
        if (venue == null) {
            return reject(vb == null && venueToken < 0 ? Reject.MISSING_FIELD : Reject.UNSUPPORTED_VENUE);
        }
        this.venue = venue;
        receiveMicros = ts;
        time = ts;
        lastTime = Math.max(lastTime, ts);
        if (restToken >= 0) {
            return metadata(tape.string(restToken));
        }
        decoder = decoders.forVenue(venue);
        return true;
    }

    /** Overview documents are rare and small: read with Jackson's tree model. */
    private FrameKind overview(MarketListener out) {
        try {
            JsonNode root = JSON.readTree(tape.buffer(), tape.start(frame), tape.end(frame) - tape.start(frame));
            OverviewDocuments.decode(root, receiveMicros, out);
            return FrameKind.DATA;
        } catch (IOException | RuntimeException e) {
            out.onReject(Reject.BAD_OVERVIEW);
            return FrameKind.REJECTED;
        }
    }

    /**
     * cryptofeed's REST capture, {@code <url> -> <receive s>: <body>}, in the same file as the frames or in the
     * {@code .0} file beside them: instrument metadata is applied when read, as a recording's REST line is.
     */
    private boolean restCapture(byte[] b, int s, int arrow, int e) {
        int bodyStart = indexOf(b, arrow, e, (byte) ':');
        long t = bodyStart < 0 ? Long.MIN_VALUE : secondsToMicros(b, arrow + REST_ARROW.length, bodyStart);
        if (!Micros.isPlausible(t)) {
            return reject(Reject.MALFORMED_JSON);
        }
        if (Checks.time(t, fileMicros) != null) {
            return reject(Reject.IMPLAUSIBLE_TIME);
        }
        tape = ownTape;
        if (!tape.parse(b, bodyStart + 1, e - bodyStart - 1)) {
            return reject(tape.error());
        }
        frame = 0;
        receiveMicros = t;
        time = t;
        lastTime = Math.max(lastTime, t);
        return metadata(new String(b, s, arrow - s, java.nio.charset.StandardCharsets.UTF_8));
    }

    private boolean metadata(String path) {
        if (!VenueDecoders.isMetadataPath(path)) {
            restPath = path; // a backfill: its events are decoded in turn, like a frame
            return true;
        }
        try {
            if (tape.isString(frame)) { // the body captured as text rather than as JSON
                byte[] body = tape.string(frame).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                stats.countInstruments(decoders.loadMetadata(path, body, 0, body.length));
                fixedKind = FrameKind.CONTROL;
                return true;
            }
            stats.countInstruments(decoders.loadMetadata(path, tape.buffer(), tape.start(frame),
                    tape.end(frame) - tape.start(frame)));
            fixedKind = FrameKind.CONTROL;
            return true;
        } catch (IOException | RuntimeException e) {
            return reject(Reject.BAD_METADATA);
        }
    }

    private boolean raw(long cryptofeedReceive) {
        Venue venue = VenueDecoders.sniff(tape, 0);
        if (venue == null) {
            return reject(Reject.UNKNOWN_MESSAGE);
        }
        frame = 0;
        this.venue = venue;
        decoder = decoders.forVenue(venue);
        receiveMicros = cryptofeedReceive;
        long t = cryptofeedReceive != FrameDecoder.NO_RECEIVE_TIME ? cryptofeedReceive : exchangeTime(0, 3);
        time = t != Long.MIN_VALUE ? t : lastTime;
        lastTime = Math.max(lastTime, time);
        return true;
    }

    /** The first plausible millisecond time field in a frame, searched a few levels deep; MIN_VALUE if none. */
    private long exchangeTime(int token, int depth) {
        if (tape.isObject(token)) {
            for (byte[] field : TIME_FIELDS) {
                long ms = tape.integer(tape.member(token, field));
                if (ms != Ascii.NOT_A_LONG && Micros.isPlausible(Micros.ofMillis(ms))) {
                    return Micros.ofMillis(ms);
                }
            }
            if (depth > 0) {
                for (int k = tape.firstKey(token); k >= 0; k = tape.nextKey(token, k)) {
                    if (tape.isObject(k + 1) || tape.isArray(k + 1)) {
                        long t = exchangeTime(k + 1, depth - 1);
                        if (t != Long.MIN_VALUE) {
                            return t;
                        }
                    }
                }
            }
        } else if (tape.isArray(token) && depth > 0) {
            int first = tape.firstElement(token);
            return first < 0 ? Long.MIN_VALUE : exchangeTime(first, depth - 1);
        }
        return Long.MIN_VALUE;
    }

    private static boolean startsWith(byte[] b, int s, int e, String prefix) {
        if (e - s < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[s + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int s, int e, byte[] needle) {
        for (int i = s; i + needle.length <= e; i++) {
            if (Arrays.equals(b, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, int s, int e, byte c) {
        for (int i = s; i < e; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** "1626916408.60732" (seconds with a fraction) as microseconds; MIN_VALUE if it is not that. */
    static long secondsToMicros(byte[] b, int s, int e) {
        int dot = indexOf(b, s, e, (byte) '.');
        long seconds = Ascii.parseLong(b, s, dot < 0 ? e : dot);
        if (seconds == Ascii.NOT_A_LONG || seconds < 0) {
            return Long.MIN_VALUE;
        }
        long micros = 0;
        if (dot >= 0) {
            long scale = 100_000;
            for (int i = dot + 1; i < e; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return Long.MIN_VALUE;
                }
                micros += d * scale;
                scale /= 10;
            }
        }
        return seconds * Micros.PER_SECOND + micros;
    }
}
