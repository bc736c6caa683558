package dev.cascade.venues.bitmex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Exchange;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Venue;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.MetadataDecoder;
import dev.cascade.venues.VenueModule;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.feed.Endpoint;
import dev.cascade.venues.feed.FeedPlan;
import java.net.URI;
import java.util.List;

/**
 * BitMEX (research/venues-next.md §1): the realtime tables {@code liquidation}, {@code trade} and
 * {@code instrument}, instruments from {@code /api/v1/instrument/active}. Its trade ids are GUIDs, so trade
 * gaps cannot be seen or backfilled by id.
 */
public final class BitmexModule implements VenueModule {
    private static final byte[] TABLE = Ascii.bytes("table");
    private static final byte[] PONG = Ascii.bytes("pong");

    @Override
    public Exchange exchange() {
        return Exchange.BITMEX;
    }

    @Override
    public List<Venue> venues() {
        return List.of(Venue.BITMEX);
    }

    @Override
    public FrameDecoder frameDecoder(InstrumentRegistry instruments) {
        return new BitmexFrameDecoder(instruments);
    }

    @Override
    public FeedPlan feedPlan(Venue venue) {
        return new BitmexFeedPlan();
    }

    @Override
    public Endpoint production(Venue venue) {
        return new Endpoint(URI.create("wss://ws.bitmex.com/realtime"), URI.create("https://www.bitmex.com"));
    }

    @Override
    public Endpoint simulator(Venue venue, String http, String ws) {
        return new Endpoint(URI.create(ws + "/bitmex/realtime"), URI.create(http + "/bitmex"));
    }

    @Override
    public MetadataDecoder metadataByPath(String path) {
        return path.contains("/api/v1/instrument") ? new BitmexInstrumentsDecoder() : null;
    }

    @Override
    public MetadataDecoder metadataByContent(JsonNode root) {
        return root.isArray() && root.size() > 0 && root.get(0).has("symbol") && root.get(0).has("typ")
                && root.get(0).has("isInverse") ? new BitmexInstrumentsDecoder() : null;
    }

    @Override
    public boolean isOwnFrame(JsonTape t, int probe) {
        return t.member(probe, TABLE) >= 0;
    }

    @Override
    public boolean isPlainTextControl(byte[] b, int off, int len) {
        return Ascii.equals(b, off, off + len, PONG);
    }

    /** The liquidation table has no time: events take their receive time. */
    @Override
    public boolean hasLiquidationTime(Venue venue) {
        return false;
    }
}
