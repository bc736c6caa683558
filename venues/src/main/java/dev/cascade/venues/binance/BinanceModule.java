package dev.cascade.venues.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Exchange;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Venue;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.MetadataDecoder;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.VenueModule;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.feed.BackfillRule;
import dev.cascade.venues.feed.Endpoint;
import dev.cascade.venues.feed.FeedPlan;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Binance USDⓈ-M and COIN-M futures (research/formats.md §1-2): one frame decoder for both (the symbol
 * decides), exchangeInfo for instruments, and {@code aggTrades?fromId=} pages as the backfill rule.
 */
public final class BinanceModule implements VenueModule {
    private static final byte[] STREAM = Ascii.bytes("stream");
    private static final byte[] EVENT_TYPE = Ascii.bytes("e");
    private static final byte[] RESULT = Ascii.bytes("result");
    private static final byte[] OP = Ascii.bytes("op");
    private static final byte[] JSONRPC = Ascii.bytes("jsonrpc");
    private static final byte[] CHANNEL = Ascii.bytes("channel");

    @Override
    public Exchange exchange() {
        return Exchange.BINANCE;
    }

    @Override
    public List<Venue> venues() {
        return List.of(Venue.BINANCE_USDM, Venue.BINANCE_COINM);
    }

    @Override
    public FrameDecoder frameDecoder(InstrumentRegistry instruments) {
        return new BinanceFrameDecoder(instruments, Venue.BINANCE_USDM);
    }

    @Override
    public FeedPlan feedPlan(Venue venue) {
        return venue == Venue.BINANCE_USDM ? BinanceFeedPlan.usdm() : BinanceFeedPlan.coinm();
    }

    @Override
    public Endpoint production(Venue venue) {
        return venue == Venue.BINANCE_USDM
                ? new Endpoint(URI.create("wss://fstream.binance.com/market"), URI.create("https://fapi.binance.com"))
                : new Endpoint(URI.create("wss://dstream.binance.com"), URI.create("https://dapi.binance.com"));
    }

    @Override
    public Endpoint simulator(Venue venue, String http, String ws) {
        return venue == Venue.BINANCE_USDM
                ? new Endpoint(URI.create(ws + "/binance-usdm/market"), URI.create(http + "/binance-usdm"))
                : new Endpoint(URI.create(ws + "/binance-coinm"), URI.create(http + "/binance-coinm"));
    }

    @Override
    public MetadataDecoder metadataByPath(String path) {
        return path.contains("/exchangeInfo") ? new BinanceExchangeInfoDecoder() : null;
    }

    @Override
    public MetadataDecoder metadataByContent(JsonNode root) {
        return root.path("symbols").isArray() ? new BinanceExchangeInfoDecoder() : null;
    }

    /**
     * Combined-stream envelopes, bare events ({@code e}), and {@code {"result":...,"id":n}} replies (a JSON-RPC reply
     * is not one, nor a Gate frame, whose {@code result} comes with a {@code channel}).
     */
    @Override
    public boolean isOwnFrame(JsonTape t, int probe) {
        return t.member(probe, STREAM) >= 0 || t.member(probe, EVENT_TYPE) >= 0
                || t.member(probe, RESULT) >= 0 && t.member(probe, OP) < 0 && t.member(probe, JSONRPC) < 0
                && t.member(probe, CHANNEL) < 0;
    }

    /** Aggregate trade ids are consecutive per symbol. */
    @Override
    public boolean hasConsecutiveTradeIds(Venue venue) {
        return true;
    }

    /** {@code aggTrades?fromId=} pages, oldest first, at most 1000; the symbol is in the page's query. */
    @Override
    public BackfillRule backfillRule(Venue venue) {
        String endpoint = venue == Venue.BINANCE_USDM ? "/fapi/v1/aggTrades" : "/dapi/v1/aggTrades";
        return new BackfillRule(endpoint + "?symbol={symbol}&fromId={id}&limit={limit}", BackfillRule.Direction.FORWARD, 1000,
                (instruments, path, tape, body, receive, out) -> {
                    String symbol = VenueDecoders.queryParameter(path, "symbol");
                    Instrument instrument = null;
                    if (symbol != null) {
                        byte[] b = symbol.getBytes(StandardCharsets.UTF_8);
                        instrument = instruments.resolve(venue, b, 0, b.length, BinanceSymbols.INSTANCE);
                    }
                    return new BinanceRestAggTradesDecoder(instruments).decode(tape, body, instrument, receive, out);
                });
    }

    @Override
    public LiquidationPriceRules liquidationPriceRules(Venue venue) {
        return venue == Venue.BINANCE_USDM ? new LiquidationPriceRules(false, 1, false) : new LiquidationPriceRules(true, 100, false);
    }
}
