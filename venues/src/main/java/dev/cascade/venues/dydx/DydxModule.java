package dev.cascade.venues.dydx;

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
 * dYdX v4 through its indexer (research/venues-next.md §6): liquidations as {@code LIQUIDATED} trades of
 * {@code v4_trades}, markets from {@code /v4/perpetualMarkets}. The {@code v4_markets} channel (oracle price,
 * open interest, funding) is not among the verified formats, so it is not read yet.
 */
public final class DydxModule implements VenueModule {
    private static final byte[] CONNECTION_ID = Ascii.bytes("connection_id");

    @Override
    public Exchange exchange() {
        return Exchange.DYDX;
    }

    @Override
    public List<Venue> venues() {
        return List.of(Venue.DYDX);
    }

    @Override
    public FrameDecoder frameDecoder(InstrumentRegistry instruments) {
        return new DydxFrameDecoder(instruments);
    }

    @Override
    public FeedPlan feedPlan(Venue venue) {
        return new DydxFeedPlan();
    }

    @Override
    public Endpoint production(Venue venue) {
        return new Endpoint(URI.create("wss://indexer.dydx.trade/v4/ws"), URI.create("https://indexer.dydx.trade"));
    }

    @Override
    public Endpoint simulator(Venue venue, String http, String ws) {
        return new Endpoint(URI.create(ws + "/dydx/v4/ws"), URI.create(http + "/dydx"));
    }

    @Override
    public MetadataDecoder metadataByPath(String path) {
        return path.contains("/v4/perpetualMarkets") ? new DydxMarketsDecoder() : null;
    }

    @Override
    public MetadataDecoder metadataByContent(JsonNode root) {
        return root.path("markets").isObject() ? new DydxMarketsDecoder() : null;
    }

    @Override
    public boolean isOwnFrame(JsonTape t, int probe) {
        return t.member(probe, CONNECTION_ID) >= 0;
    }
}
