package dev.cascade.venues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.Exchange;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Venue;
import dev.cascade.venues.codec.JsonTape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The venues' decoders over one shared {@link InstrumentRegistry}, one frame decoder per exchange of the
 * {@link VenueRegistry} (a symbol decides its venue within an exchange): REST metadata by path or by content,
 * recorded backfills, and the exchange of a frame that arrives without one (raw frame files).
 */
public final class VenueDecoders {
    private final InstrumentRegistry instruments;
    private final Map<Exchange, FrameDecoder> frames = new EnumMap<>(Exchange.class);
    private final ObjectMapper json = new ObjectMapper();

    public VenueDecoders(InstrumentRegistry instruments) {
        this.instruments = instruments;
        for (VenueModule m : VenueRegistry.modules()) {
            frames.put(m.exchange(), m.frameDecoder(instruments));
        }
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
            byte[] b = t.string(frame).getBytes(StandardCharsets.UTF_8);
            for (VenueModule m : VenueRegistry.modules()) {
                if (m.isPlainTextControl(b, 0, b.length)) {
                    return m.sniffedVenue();
                }
            }
            return null;
        }
        int probe = t.isArray(frame) ? t.firstElement(frame) : frame;
        if (!t.isObject(probe)) {
            return null;
        }
        for (VenueModule m : VenueRegistry.modules()) {
            if (m.isOwnFrame(t, probe)) {
                return m.sniffedVenue();
            }
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
     * Decodes a recorded REST backfill by the rules of the exchange whose backfill path it is (Binance
     * {@code aggTrades} pages); anything else is ignored (metadata goes through {@link #loadMetadata}).
     */
    public FrameKind decodeRest(String restPath, JsonTape tape, int body, long receiveMicros, MarketListener out) {
        for (VenueModule m : VenueRegistry.modules()) {
            FrameKind kind = m.decodeRest(instruments, restPath, tape, body, receiveMicros, out);
            if (kind != FrameKind.IGNORED) {
                return kind;
            }
        }
        return FrameKind.IGNORED;
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
     * Whether a text frame that is not JSON is a venue's keepalive reply (OKX answers {@code ping} with the
     * bare text {@code pong}). Anything else that is not JSON is malformed.
     */
    public static boolean isPlainTextControl(Venue venue, byte[] b, int off, int len) {
        return VenueRegistry.of(venue).isPlainTextControl(b, off, len);
    }

    /** The metadata parser for a REST path, or null when the path is not an instrument list. */
    public static MetadataDecoder byPath(String path) {
        for (VenueModule m : VenueRegistry.modules()) {
            MetadataDecoder d = m.metadataByPath(path);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The parser for a metadata document judged by its shape, or null. */
    public static MetadataDecoder byContent(JsonNode root) {
        for (VenueModule m : VenueRegistry.modules()) {
            MetadataDecoder d = m.metadataByContent(root);
            if (d != null) {
                return d;
            }
        }
        return null;
    }
}
