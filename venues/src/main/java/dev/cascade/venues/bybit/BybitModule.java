package dev.cascade.venues.bybit;

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

/** Bybit v5 linear and inverse (research/formats.md §3): one decoder for both, instruments-info with pages. */
public final class BybitModule implements VenueModule {
    private static final byte[] SUCCESS = Ascii.bytes("success");
    private static final byte[] CONN_ID = Ascii.bytes("conn_id");
    private static final byte[] TOPIC = Ascii.bytes("topic");
    private static final byte[] OP = Ascii.bytes("op");

    @Override
    public Exchange exchange() {
        return Exchange.BYBIT;
    }

    @Override
    public List<Venue> venues() {
        return List.of(Venue.BYBIT_LINEAR, Venue.BYBIT_INVERSE);
    }

    @Override
    public FrameDecoder frameDecoder(InstrumentRegistry instruments) {
        return new BybitFrameDecoder(instruments, Venue.BYBIT_LINEAR);
    }

    @Override
    public FeedPlan feedPlan(Venue venue) {
        return venue == Venue.BYBIT_LINEAR ? BybitFeedPlan.linear() : BybitFeedPlan.inverse();
    }

    @Override
    public Endpoint production(Venue venue) {
        return new Endpoint(URI.create("wss://stream.bybit.com/v5/public/" + category(venue)),
                URI.create("https://api.bybit.com"));
    }

    @Override
    public Endpoint simulator(Venue venue, String http, String ws) {
        return new Endpoint(URI.create(ws + "/bybit/v5/public/" + category(venue)), URI.create(http + "/bybit"));
    }

    private static String category(Venue venue) {
        return venue == Venue.BYBIT_LINEAR ? "linear" : "inverse";
    }

    @Override
    public MetadataDecoder metadataByPath(String path) {
        return path.contains("/v5/market/instruments-info") ? new BybitInstrumentsDecoder() : null;
    }

    @Override
    public MetadataDecoder metadataByContent(JsonNode root) {
        return root.path("result").path("list").isArray() ? new BybitInstrumentsDecoder() : null;
    }

    /**
     * Data frames name a {@code topic} and have no {@code op}; replies have an {@code op} with {@code success} or
     * {@code conn_id} (HTX frames have an {@code op} and a {@code topic} or {@code ts}, and neither of those).
     */
    @Override
    public boolean isOwnFrame(JsonTape t, int probe) {
        int op = t.member(probe, OP);
        return op < 0 ? t.member(probe, TOPIC) >= 0 : t.member(probe, SUCCESS) >= 0 || t.member(probe, CONN_ID) >= 0;
    }

    @Override
    public LiquidationPriceRules liquidationPriceRules(Venue venue) {
        return new LiquidationPriceRules(venue == Venue.BYBIT_INVERSE, 1, false);
    }
}
