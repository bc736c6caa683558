package dev.cascade.venues;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Exchange;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Venue;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.feed.BackfillRule;
import dev.cascade.venues.feed.Endpoint;
import dev.cascade.venues.feed.FeedPlan;
import java.util.List;

/**
 * Everything Cascade knows about one exchange, supplied by that exchange's package and listed once in
 * {@link VenueRegistry}: its venues, its frame decoder (which routes by data type), how each venue is read
 * live (feed plan, public endpoints, where a simulator serves it), its REST instrument lists, which recorded
 * REST answers are backfills, and how to recognise its frames when a file does not say whose they are.
 * Pure declarations: nothing here does I/O.
 */
public interface VenueModule {
    Exchange exchange();

    /** The venues this exchange's frames feed, in the order they are listed to users. */
    List<Venue> venues();

    /** A new decoder of this exchange's WebSocket frames (a symbol decides its venue within the exchange). */
    FrameDecoder frameDecoder(InstrumentRegistry instruments);

    /** How a venue is read live: REST instrument list and WebSocket connections. */
    FeedPlan feedPlan(Venue venue);

    /** The venue's public WebSocket and REST bases. */
    Endpoint production(Venue venue);

    /**
     * Where a simulator serving every venue under one base serves this one: {@code http} and {@code ws} are
     * the simulator's base without a trailing slash.
     */
    Endpoint simulator(Venue venue, String http, String ws);

    /** The parser of a REST instrument list at {@code path}, or null when the path is not one of this exchange's. */
    MetadataDecoder metadataByPath(String path);

    /** The parser of an instrument-list document judged by its shape, or null when it is not this exchange's. */
    MetadataDecoder metadataByContent(JsonNode root);

    /** Whether the JSON value at {@code probe} (an object) has this exchange's frame shape, for unlabelled files. */
    boolean isOwnFrame(JsonTape t, int probe);

    /** The venue an unlabelled frame of this exchange is read as (the symbol still decides the instrument). */
    default Venue sniffedVenue() {
        return venues().get(0);
    }

    /** Whether a text frame that is not JSON is this exchange's keepalive reply (OKX's bare {@code pong}). */
    default boolean isPlainTextControl(byte[] b, int off, int len) {
        return false;
    }

    /**
     * The trade-id rule: whether a venue's trade ids are consecutive per instrument (Binance aggregate ids, OKX
     * trade ids), so that a hole in them is a lost trade. Elsewhere (UUIDs, ids unique but not dense) no gap can
     * be seen.
     */
    default boolean hasConsecutiveTradeIds(Venue venue) {
        return false;
    }

    /** How a venue's missing trades are fetched by id, or null when its REST API cannot page by trade id. */
    default BackfillRule backfillRule(Venue venue) {
        return null;
    }

    /**
     * Decodes a recorded REST answer that is not an instrument list: a page of one of this exchange's
     * {@link #backfillRule backfill rules}; IGNORED when the path is none of them.
     */
    default FrameKind decodeRest(InstrumentRegistry instruments, String restPath, JsonTape tape, int body,
                                 long receiveMicros, MarketListener out) {
        for (Venue v : venues()) {
            BackfillRule rule = backfillRule(v);
            if (rule != null && rule.isPageOf(restPath)) {
                return rule.decoder().decode(instruments, restPath, tape, body, receiveMicros, out);
            }
        }
        return FrameKind.IGNORED;
    }

    /**
     * Whether the venue's liquidations carry their own time; when not (BitMEX's liquidation table), they take
     * the time they were received.
     */
    default boolean hasLiquidationTime(Venue venue) {
        return true;
    }

    /**
     * The conventions {@code cascade liqprice} needs for a venue whose margin formula analytics/risk has, or
     * null when it has none (the command then says so).
     */
    default LiquidationPriceRules liquidationPriceRules(Venue venue) {
        return null;
    }

    /**
     * A venue's position units for the liquidation-price formula: inverse or not, its default USD per
     * contract, and whether giving a contract size selects its inverse swaps (OKX lists both under one id).
     */
    record LiquidationPriceRules(boolean isInverse, double defaultContractSize, boolean isInverseWithContractSize) {
    }
}
