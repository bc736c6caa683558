package dev.cascade.venues.feed;

import dev.cascade.model.Venue;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where each venue's WebSocket and REST APIs are: the real ones (research/formats.md, Binance's routed
 * {@code /market} path included), or a simulator that serves every venue under one base URL.
 */
public final class Endpoints {
    /** A venue's WebSocket base and REST base. */
    public record Endpoint(URI webSocket, URI rest) {
    }

    private final Map<Venue, Endpoint> byVenue;
    private final URI coinGecko;
    private final URI alternativeMe;

    private Endpoints(Map<Venue, Endpoint> byVenue, URI coinGecko, URI alternativeMe) {
        this.byVenue = byVenue;
        this.coinGecko = coinGecko;
        this.alternativeMe = alternativeMe;
    }

    public Endpoint of(Venue venue) {
        return byVenue.get(venue);
    }

    /** CoinGecko's API base, to which {@code /global} and {@code /coins/markets} are appended. */
    public URI coinGecko() {
        return coinGecko;
    }

    /** alternative.me's base, to which {@code /fng/} is appended. */
    public URI alternativeMe() {
        return alternativeMe;
    }

    /** The venues' public endpoints. */
    public static Endpoints production() {
        Map<Venue, Endpoint> m = new EnumMap<>(Venue.class);
        m.put(Venue.BINANCE_USDM, new Endpoint(URI.create("wss://fstream.binance.com/market"), URI.create("https://fapi.binance.com")));
        m.put(Venue.BINANCE_COINM, new Endpoint(URI.create("wss://dstream.binance.com"), URI.create("https://dapi.binance.com")));
        m.put(Venue.BYBIT_LINEAR, new Endpoint(URI.create("wss://stream.bybit.com/v5/public/linear"), URI.create("https://api.bybit.com")));
        m.put(Venue.BYBIT_INVERSE, new Endpoint(URI.create("wss://stream.bybit.com/v5/public/inverse"), URI.create("https://api.bybit.com")));
        m.put(Venue.OKX_SWAP, new Endpoint(URI.create("wss://ws.okx.com:8443/ws/v5/public"), URI.create("https://www.okx.com")));
        return new Endpoints(m, URI.create("https://api.coingecko.com/api/v3"), URI.create("https://api.alternative.me"));
    }

    /**
     * A simulator at {@code base} (e.g. http://127.0.0.1:9310) serving each venue under its id:
     * {@code ws://host:port/binance-usdm/market/stream}, {@code http://host:port/binance-usdm/fapi/v1/...}, and the
     * market overview under {@code /coingecko/api/v3} and {@code /alternative-me}.
     */
    public static Endpoints simulator(URI base) {
        String http = base.toString().replaceAll("/+$", "");
        String ws = http.replaceFirst("^http", "ws");
        Map<Venue, Endpoint> m = new EnumMap<>(Venue.class);
        m.put(Venue.BINANCE_USDM, new Endpoint(URI.create(ws + "/binance-usdm/market"), URI.create(http + "/binance-usdm")));
        m.put(Venue.BINANCE_COINM, new Endpoint(URI.create(ws + "/binance-coinm"), URI.create(http + "/binance-coinm")));
        m.put(Venue.BYBIT_LINEAR, new Endpoint(URI.create(ws + "/bybit/v5/public/linear"), URI.create(http + "/bybit")));
        m.put(Venue.BYBIT_INVERSE, new Endpoint(URI.create(ws + "/bybit/v5/public/inverse"), URI.create(http + "/bybit")));
        m.put(Venue.OKX_SWAP, new Endpoint(URI.create(ws + "/okx/ws/v5/public"), URI.create(http + "/okx")));
        return new Endpoints(m, URI.create(http + "/coingecko/api/v3"), URI.create(http + "/alternative-me"));
    }
}
