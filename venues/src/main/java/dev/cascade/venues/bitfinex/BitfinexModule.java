package dev.cascade.venues.bitfinex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Exchange;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Venue;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.MetadataDecoder;
import dev.cascade.venues.VenueModule;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.feed.Endpoint;
import dev.cascade.venues.feed.FeedPlan;
import java.net.URI;
import java.util.List;

/**
 * Bitfinex derivatives (research/venues-next.md §8): {@code liq:global} on the {@code status} channel, every
 * liquidation; margin-position liquidations on the same feed are kept out. Its data frames are arrays, which
 * unlabelled files cannot attribute, so recordings name the venue.
 */
public final class BitfinexModule implements VenueModule {
    @Override
    public Exchange exchange() {
        return Exchange.BITFINEX;
    }

    @Override
    public List<Venue> venues() {
        return List.of(Venue.BITFINEX);
    }

    @Override
    public FrameDecoder frameDecoder(InstrumentRegistry instruments) {
        return new BitfinexFrameDecoder(instruments);
    }

    @Override
    public FeedPlan feedPlan(Venue venue) {
        return new BitfinexFeedPlan();
    }

    @Override
    public Endpoint production(Venue venue) {
        return new Endpoint(URI.create("wss://api-pub.bitfinex.com"), URI.create("https://api-pub.bitfinex.com"));
    }

    @Override
    public Endpoint simulator(Venue venue, String http, String ws) {
        return new Endpoint(URI.create(ws + "/bitfinex"), URI.create(http + "/bitfinex"));
    }

    @Override
    public MetadataDecoder metadataByPath(String path) {
        return path.contains("/v2/status/deriv") ? new BitfinexDerivStatusDecoder() : null;
    }

    @Override
    public MetadataDecoder metadataByContent(JsonNode root) {
        return root.isArray() && root.size() > 0 && root.get(0).isArray() && root.get(0).path(0).asText("").contains("F0:")
                ? new BitfinexDerivStatusDecoder() : null;
    }

    @Override
    public boolean isOwnFrame(JsonTape t, int probe) {
        return false;
    }
}
