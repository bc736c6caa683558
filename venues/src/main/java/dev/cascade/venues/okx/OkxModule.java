package dev.cascade.venues.okx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Exchange;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Venue;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.MetadataDecoder;
import dev.cascade.venues.VenueModule;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.feed.BackfillRule;
import dev.cascade.venues.feed.Endpoint;
import dev.cascade.venues.feed.FeedPlan;
import java.net.URI;
import java.util.List;

/** OKX v5 swaps (research/formats.md §4); its keepalive reply is the bare text {@code pong}. */
public final class OkxModule implements VenueModule {
    private static final byte[] PONG = Ascii.bytes("pong");
    private static final byte[] ARG = Ascii.bytes("arg");
    private static final byte[] EVENT = Ascii.bytes("event");
    private static final byte[] CHANNEL = Ascii.bytes("channel");
    private static final byte[] TIME = Ascii.bytes("time");

    @Override
    public Exchange exchange() {
        return Exchange.OKX;
    }

    @Override
    public List<Venue> venues() {
        return List.of(Venue.OKX_SWAP);
    }

    @Override
    public FrameDecoder frameDecoder(InstrumentRegistry instruments) {
        return new OkxFrameDecoder(instruments);
    }

    @Override
    public FeedPlan feedPlan(Venue venue) {
        return new OkxFeedPlan();
    }

    @Override
    public Endpoint production(Venue venue) {
        return new Endpoint(URI.create("wss://ws.okx.com:8443/ws/v5/public"), URI.create("https://www.okx.com"));
    }

    @Override
    public Endpoint simulator(Venue venue, String http, String ws) {
        return new Endpoint(URI.create(ws + "/okx/ws/v5/public"), URI.create(http + "/okx"));
    }

    @Override
    public MetadataDecoder metadataByPath(String path) {
        return path.contains("/api/v5/public/instruments") ? new OkxInstrumentsDecoder() : null;
    }

    @Override
    public MetadataDecoder metadataByContent(JsonNode root) {
        JsonNode data = root.path("data");
        return data.isArray() && data.size() > 0 && data.get(0).has("instId") && data.get(0).has("ctVal")
                ? new OkxInstrumentsDecoder() : null;
    }

    /**
     * Frames whose {@code arg} names a {@code channel}, and event replies without an {@code arg} (errors) or a
     * {@code time} (Gate's replies have one).
     */
    @Override
    public boolean isOwnFrame(JsonTape t, int probe) {
        int arg = t.member(probe, ARG);
        return t.member(arg, CHANNEL) >= 0 || arg < 0 && t.member(probe, EVENT) >= 0 && t.member(probe, TIME) < 0;
    }

    @Override
    public boolean isPlainTextControl(byte[] b, int off, int len) {
        return Ascii.equals(b, off, off + len, PONG);
    }

    /** OKX trade ids are consecutive per instrument; a {@code trades} event covers {@code tradeId-count+1..tradeId}. */
    @Override
    public boolean hasConsecutiveTradeIds(Venue venue) {
        return true;
    }

    /**
     * {@code history-trades} pages by trade id with {@code type=1}: {@code after} means "older than", newest first,
     * at most 100, so gaps are filled walking down from the trade that revealed them ({@code before} cannot page
     * upward from an old id; research/venues-next.md §14). A page has the trades channel's fields, one fill a row.
     */
    @Override
    public BackfillRule backfillRule(Venue venue) {
        return new BackfillRule("/api/v5/market/history-trades?instId={symbol}&type=1&after={id}&limit={limit}",
                BackfillRule.Direction.BACKWARD, 100,
                (instruments, path, tape, body, receive, out) -> new OkxTradeDecoder(instruments).decode(tape, body, receive, out));
    }

    @Override
    public LiquidationPriceRules liquidationPriceRules(Venue venue) {
        return new LiquidationPriceRules(false, 1, true);
    }
}
