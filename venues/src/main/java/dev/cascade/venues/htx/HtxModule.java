package dev.cascade.venues.htx;

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
 * HTX (Huobi) USDT-M and coin-M swaps (research/venues-next.md §3): the public {@code liquidation_orders} topic,
 * every liquidation pushed. Trade ids are unique per contract but not dense and the trade history cannot be paged
 * by id, so there is no backfill rule.
 */
public final class HtxModule implements VenueModule {
    private static final byte[] OP = Ascii.bytes("op");
    private static final byte[] TOPIC = Ascii.bytes("topic");
    private static final byte[] TS = Ascii.bytes("ts");
    private static final byte[] SUCCESS = Ascii.bytes("success");

    @Override
    public Exchange exchange() {
        return Exchange.HTX;
    }

    @Override
    public List<Venue> venues() {
        return List.of(Venue.HTX_LINEAR, Venue.HTX_INVERSE);
    }

    @Override
    public FrameDecoder frameDecoder(InstrumentRegistry instruments) {
        return new HtxFrameDecoder(instruments);
    }

    @Override
    public FeedPlan feedPlan(Venue venue) {
        return new HtxFeedPlan(venue);
    }

    @Override
    public Endpoint production(Venue venue) {
        return new Endpoint(URI.create("wss://api.hbdm.com"), URI.create("https://api.hbdm.com"));
    }

    @Override
    public Endpoint simulator(Venue venue, String http, String ws) {
        return new Endpoint(URI.create(ws + "/htx"), URI.create(http + "/htx"));
    }

    @Override
    public MetadataDecoder metadataByPath(String path) {
        return path.contains("/swap_contract_info") ? new HtxContractsDecoder() : null;
    }

    @Override
    public MetadataDecoder metadataByContent(JsonNode root) {
        JsonNode data = root.path("data");
        return data.isArray() && data.size() > 0 && data.get(0).has("contract_code") && data.get(0).has("contract_size")
                ? new HtxContractsDecoder() : null;
    }

    /** Frames with an {@code op} and a {@code topic} or a {@code ts}, without Bybit's {@code success}. */
    @Override
    public boolean isOwnFrame(JsonTape t, int probe) {
        return t.member(probe, OP) >= 0 && (t.member(probe, TOPIC) >= 0 || t.member(probe, TS) >= 0)
                && t.member(probe, SUCCESS) < 0;
    }

    /** The venue an unlabelled frame is read as; its contract code still decides USDT-M or coin-M. */
    @Override
    public Venue sniffedVenue() {
        return Venue.HTX_LINEAR;
    }
}
