package dev.cascade.venues.deribit;

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

/**
 * Deribit futures (research/venues-next.md §2): JSON-RPC over WebSocket, liquidations as flagged trades,
 * instruments from {@code public/get_instruments}.
 */
public final class DeribitModule implements VenueModule {
    private static final byte[] JSONRPC = Ascii.bytes("jsonrpc");

    @Override
    public Exchange exchange() {
        return Exchange.DERIBIT;
    }

    @Override
    public List<Venue> venues() {
        return List.of(Venue.DERIBIT);
    }

    @Override
    public FrameDecoder frameDecoder(InstrumentRegistry instruments) {
        return new DeribitFrameDecoder(instruments);
    }

    @Override
    public FeedPlan feedPlan(Venue venue) {
        return new DeribitFeedPlan();
    }

    @Override
    public Endpoint production(Venue venue) {
        return new Endpoint(URI.create("wss://www.deribit.com/ws/api/v2"), URI.create("https://www.deribit.com"));
    }

    @Override
    public Endpoint simulator(Venue venue, String http, String ws) {
        return new Endpoint(URI.create(ws + "/deribit/ws/api/v2"), URI.create(http + "/deribit"));
    }

    @Override
    public MetadataDecoder metadataByPath(String path) {
        return path.contains("/api/v2/public/get_instruments") ? new DeribitInstrumentsDecoder() : null;
    }

    @Override
    public MetadataDecoder metadataByContent(JsonNode root) {
        JsonNode result = root.path("result");
        return result.isArray() && result.size() > 0 && result.get(0).has("instrument_name") && result.get(0).has("kind")
                ? new DeribitInstrumentsDecoder() : null;
    }

    @Override
    public boolean isOwnFrame(JsonTape t, int probe) {
        return t.member(probe, JSONRPC) >= 0;
    }

    /** {@code trade_seq} is consecutive per instrument (the trade id events carry). */
    @Override
    public boolean hasConsecutiveTradeIds(Venue venue) {
        return true;
    }

    /**
     * {@code public/get_last_trades_by_instrument} pages by sequence: {@code start_seq} up, oldest first
     * ({@code sorting=asc}), at most 1000; its rows are the trades channel's, liquidation flags included, so a
     * backfill recovers the liquidations of the gap too.
     */
    @Override
    public BackfillRule backfillRule(Venue venue) {
        return new BackfillRule("/api/v2/public/get_last_trades_by_instrument?instrument_name={symbol}&start_seq={id}"
                + "&count={limit}&sorting=asc", BackfillRule.Direction.FORWARD, 1000,
                (instruments, path, tape, body, receive, out) -> new DeribitTradeDecoder(instruments).decodePage(tape, body, receive, out));
    }
}
