package dev.cascade.venues.bitget;

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

/** Bitget USDT-M futures (research/venues-next.md §7): the throttled UTA {@code liquidation} topic. */
public final class BitgetModule implements VenueModule {
    private static final byte[] ARG = Ascii.bytes("arg");
    private static final byte[] TOPIC = Ascii.bytes("topic");
    private static final byte[] PONG = Ascii.bytes("pong");

    @Override
    public Exchange exchange() {
        return Exchange.BITGET;
    }

    @Override
    public List<Venue> venues() {
        return List.of(Venue.BITGET_USDTM);
    }

    @Override
    public FrameDecoder frameDecoder(InstrumentRegistry instruments) {
        return new BitgetFrameDecoder(instruments);
    }

    @Override
    public FeedPlan feedPlan(Venue venue) {
        return new BitgetFeedPlan();
    }

    @Override
    public Endpoint production(Venue venue) {
        return new Endpoint(URI.create("wss://ws.bitget.com/v3/ws/public"), URI.create("https://api.bitget.com"));
    }

    @Override
    public Endpoint simulator(Venue venue, String http, String ws) {
        return new Endpoint(URI.create(ws + "/bitget/v3/ws/public"), URI.create(http + "/bitget"));
    }

    @Override
    public MetadataDecoder metadataByPath(String path) {
        return path.contains("/api/v2/mix/market/contracts") ? new BitgetContractsDecoder() : null;
    }

    @Override
    public MetadataDecoder metadataByContent(JsonNode root) {
        JsonNode data = root.path("data");
        return data.isArray() && data.size() > 0 && data.get(0).has("baseCoin") && data.get(0).has("symbolType")
                ? new BitgetContractsDecoder() : null;
    }

    /** Frames whose {@code arg} names a {@code topic} (OKX's name a {@code channel}). */
    @Override
    public boolean isOwnFrame(JsonTape t, int probe) {
        return t.member(t.member(probe, ARG), TOPIC) >= 0;
    }

    @Override
    public boolean isPlainTextControl(byte[] b, int off, int len) {
        return Ascii.equals(b, off, off + len, PONG);
    }
}
