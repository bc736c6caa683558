package dev.cascade.venues.gate;

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
 * Gate USDT-settled futures (research/venues-next.md §4): {@code futures.public_liquidates}, whose side rule is
 * disputed between sources (Cascade follows the official docs; {@link GateLiquidationDecoder#liquidatedSide}).
 * BTC-settled contracts are not read: the USD value of an inverse contract was not verified.
 */
public final class GateModule implements VenueModule {
    private static final byte[] CHANNEL = Ascii.bytes("channel");
    private static final byte[] TIME = Ascii.bytes("time");
    private static final byte[] FUTURES = Ascii.bytes("futures.");

    @Override
    public Exchange exchange() {
        return Exchange.GATE;
    }

    @Override
    public List<Venue> venues() {
        return List.of(Venue.GATE_LINEAR);
    }

    @Override
    public FrameDecoder frameDecoder(InstrumentRegistry instruments) {
        return new GateFrameDecoder(instruments);
    }

    @Override
    public FeedPlan feedPlan(Venue venue) {
        return new GateFeedPlan();
    }

    @Override
    public Endpoint production(Venue venue) {
        return new Endpoint(URI.create("wss://fx-ws.gateio.ws"), URI.create("https://api.gateio.ws"));
    }

    @Override
    public Endpoint simulator(Venue venue, String http, String ws) {
        return new Endpoint(URI.create(ws + "/gate"), URI.create(http + "/gate"));
    }

    @Override
    public MetadataDecoder metadataByPath(String path) {
        return path.contains("/api/v4/futures/usdt/contracts") ? new GateContractsDecoder() : null;
    }

    @Override
    public MetadataDecoder metadataByContent(JsonNode root) {
        return root.isArray() && root.size() > 0 && root.get(0).has("quanto_multiplier") ? new GateContractsDecoder() : null;
    }

    /** Frames with a {@code time} and a {@code futures.} channel. */
    @Override
    public boolean isOwnFrame(JsonTape t, int probe) {
        int channel = t.member(probe, CHANNEL);
        return t.member(probe, TIME) >= 0 && t.isString(channel) && t.length(channel) > FUTURES.length
                && Ascii.equals(t.buffer(), t.start(channel), t.start(channel) + FUTURES.length, FUTURES);
    }
}
