package dev.cascade.venues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.Exchange;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Venue;
import dev.cascade.venues.binance.BinanceExchangeInfoDecoder;
import dev.cascade.venues.binance.BinanceFrameDecoder;
import dev.cascade.venues.binance.BinanceRestAggTradesDecoder;
import dev.cascade.venues.binance.BinanceSymbols;
import dev.cascade.venues.bybit.BybitFrameDecoder;
import dev.cascade.venues.bybit.BybitInstrumentsDecoder;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.okx.OkxFrameDecoder;
import dev.cascade.venues.okx.OkxInstrumentsDecoder;
import dev.cascade.venues.okx.OkxTradeDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The venues' decoders over one shared {@link InstrumentRegistry}: a frame decoder per exchange (a symbol
 * decides its venue within an exchange), REST metadata by path or by content, and the exchange of a frame
 * that arrives without one (raw frame files).
 */
public final class VenueDecoders {
    private static final byte[] STREAM = Ascii.bytes("stream");
    private static final byte[] EVENT_TYPE = Ascii.bytes("e");
    private static final byte[] TOPIC = Ascii.bytes("topic");
    private static final byte[] OP = Ascii.bytes("op");
    private static final byte[] ARG = Ascii.bytes("arg");
    private static final byte[] EVENT = Ascii.bytes("event");
    private static final byte[] PONG = Ascii.bytes("pong");
    private static final byte[] RESULT = Ascii.bytes("result");

    private final InstrumentRegistry instruments;
    private final Map<Exchange, FrameDecoder> frames = new EnumMap<>(Exchange.class);
    private final ObjectMapper json = new ObjectMapper();
    private final BinanceRestAggTradesDecoder restAggTrades;
    private final OkxTradeDecoder restOkxTrades;

    public VenueDecoders(InstrumentRegistry instruments) {
        this.instruments = instruments;
        this.restAggTrades = new BinanceRestAggTradesDecoder(instruments);
        this.restOkxTrades = new OkxTradeDecoder(instruments);
        frames.put(Exchange.BINANCE, new BinanceFrameDecoder(instruments, Venue.BINANCE_USDM));
        frames.put(Exchange.BYBIT, new BybitFrameDecoder(instruments, Venue.BYBIT_LINEAR));
        frames.put(Exchange.OKX, new OkxFrameDecoder(instruments));
    }

    public InstrumentRegistry instruments() {
        return instruments;
    }

    /** The frame decoder for a venue's frames (shared by the venues of one exchange). */
    public FrameDecoder forVenue(Venue venue) {
        return frames.get(venue.exchange());
    }

    /** The venue whose frame this looks like, for frames recorded without one; null if none. */
    public static Venue sniff(JsonTape t, int frame) {
        if (t.isString(frame)) {
            return t.equalsBytes(frame, PONG) ? Venue.OKX_SWAP : null;
        }
        int probe = t.isArray(frame) ? t.firstElement(frame) : frame;
        if (!t.isObject(probe)) {
            return null;
        }
        if (t.member(probe, STREAM) >= 0 || t.member(probe, EVENT_TYPE) >= 0
                || (t.member(probe, RESULT) >= 0 && t.member(probe, OP) < 0)) {
            return Venue.BINANCE_USDM;
        }
        if (t.member(probe, TOPIC) >= 0 || t.member(probe, OP) >= 0) {
            return Venue.BYBIT_LINEAR;
        }
        if (t.member(probe, ARG) >= 0 || t.member(probe, EVENT) >= 0) {
            return Venue.OKX_SWAP;
        }
        return null;
    }

    /**
     * Parses a REST response and defines its instruments. {@code restPath} picks the parser when known
     * (recordings say it); null means judge by content (a metadata file given to replay).
     *
     * @return how many instruments were defined
     * @throws IOException when the body is not instrument metadata
     */
    public int loadMetadata(String restPath, byte[] body, int off, int len) throws IOException {
        return loadMetadata(restPath, json.readTree(body, off, len));
    }

    public int loadMetadata(String restPath, JsonNode root) throws IOException {
        MetadataDecoder decoder = restPath != null ? byPath(restPath) : byContent(root);
        if (decoder == null) {
            throw new IOException(restPath != null ? "no metadata parser for " + restPath : "not instrument metadata");
        }
        List<InstrumentSpec> specs = decoder.decode(root);
        return instruments.defineAll(specs);
    }

    /** Whether a REST path is an instrument list (other REST lines are backfills). */
    public static boolean isMetadataPath(String restPath) {
        return byPath(restPath) != null;
    }

    /**
     * Decodes a recorded REST backfill: Binance {@code aggTrades} pages, whose symbol is in the path's query, and
     * OKX {@code history-trades} pages, whose rows name their instrument.
     * Anything else is ignored (metadata goes through {@link #loadMetadata}).
     */
    public FrameKind decodeRest(String restPath, JsonTape tape, int body, long receiveMicros, MarketListener out) {
        if (restPath.contains("/api/v5/market/history-trades?")) {
            return restOkxTrades.decode(tape, body, receiveMicros, out); // the trades channel's fields, one fill each
        }
        if (!restPath.contains("/v1/aggTrades?")) {
            return FrameKind.IGNORED;
        }
        String symbol = queryParameter(restPath, "symbol");
        Instrument instrument = null;
        if (symbol != null) {
            byte[] b = symbol.getBytes(StandardCharsets.UTF_8);
            instrument = instruments.resolve(restPath.contains("/dapi/") ? Venue.BINANCE_COINM : Venue.BINANCE_USDM, b, 0,
                    b.length, BinanceSymbols.INSTANCE);
        }
        return restAggTrades.decode(tape, body, instrument, receiveMicros, out);
    }

    /** A query parameter of a path, or null. */
    public static String queryParameter(String path, String name) {
        int q = path.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : path.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * Whether a text frame that is not JSON is a venue's keepalive reply: OKX answers {@code ping} with the bare
     * text {@code pong}. Anything else that is not JSON is malformed.
     */
    public static boolean isPlainTextControl(Venue venue, byte[] b, int off, int len) {
        return venue == Venue.OKX_SWAP && Ascii.equals(b, off, off + len, PONG);
    }

    /** The metadata parser for a REST path, or null when the path is not an instrument list. */
    public static MetadataDecoder byPath(String path) {
        if (path.contains("/exchangeInfo")) {
            return new BinanceExchangeInfoDecoder();
        }
        if (path.contains("/v5/market/instruments-info")) {
            return new BybitInstrumentsDecoder();
        }
        if (path.contains("/api/v5/public/instruments")) {
            return new OkxInstrumentsDecoder();
        }
        return null;
    }

    /** The parser for a metadata document judged by its shape, or null. */
    public static MetadataDecoder byContent(JsonNode root) {
        if (root.path("symbols").isArray()) {
            return new BinanceExchangeInfoDecoder();
        }
        if (root.path("result").path("list").isArray()) {
            return new BybitInstrumentsDecoder();
        }
        JsonNode data = root.path("data");
        if (data.isArray() && data.size() > 0 && data.get(0).has("instId") && data.get(0).has("ctVal")) {
            return new OkxInstrumentsDecoder();
        }
        return null;
    }
}
