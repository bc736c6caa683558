package dev.cascade.venues.kraken;

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
 * Kraken Futures (research/venues-next.md §5): liquidations as trades of type {@code liquidation} on the v1
 * {@code trade} feed; instruments from {@code /derivatives/api/v3/instruments}. Its ticker feed is not among
 * the verified formats, so mark price, funding and open interest are not read yet.
 */
public final class KrakenModule implements VenueModule {
    private static final byte[] FEED = Ascii.bytes("feed");

    @Override
    public Exchange exchange() {
        return Exchange.KRAKEN;
    }

    @Override
    public List<Venue> venues() {
        return List.of(Venue.KRAKEN_FUTURES);
    }

    @Override
    public FrameDecoder frameDecoder(InstrumentRegistry instruments) {
        return new KrakenFrameDecoder(instruments);
    }

    @Override
    public FeedPlan feedPlan(Venue venue) {
        return new KrakenFeedPlan();
    }

    @Override
    public Endpoint production(Venue venue) {
        return new Endpoint(URI.create("wss://futures.kraken.com/ws/v1"), URI.create("https://futures.kraken.com"));
    }

    @Override
    public Endpoint simulator(Venue venue, String http, String ws) {
        return new Endpoint(URI.create(ws + "/kraken-futures/ws/v1"), URI.create(http + "/kraken-futures"));
    }

    @Override
    public MetadataDecoder metadataByPath(String path) {
        return path.contains("/derivatives/api/v3/instruments") ? new KrakenInstrumentsDecoder() : null;
    }

    @Override
    public MetadataDecoder metadataByContent(JsonNode root) {
        return root.path("instruments").isArray() ? new KrakenInstrumentsDecoder() : null;
    }

    @Override
    public boolean isOwnFrame(JsonTape t, int probe) {
        return t.member(probe, FEED) >= 0;
    }
}
