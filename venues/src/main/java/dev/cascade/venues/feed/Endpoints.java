package dev.cascade.venues.feed;

import dev.cascade.model.Venue;
import dev.cascade.venues.VenueModule;
import dev.cascade.venues.VenueRegistry;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where each venue's WebSocket and REST APIs are, as each {@link VenueModule} declares them: the real ones,
 * or a simulator that serves every venue under one base URL.
 */
public final class Endpoints {
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
        for (VenueModule module : VenueRegistry.modules()) {
            module.venues().forEach(v -> m.put(v, module.production(v)));
        }
        return new Endpoints(m, URI.create("https://api.coingecko.com/api/v3"), URI.create("https://api.alternative.me"));
    }

    /**
     * A simulator at {@code base} (e.g. http://127.0.0.1:9310) serving each venue under its own path (each
     * module says which: {@code ws://host:port/binance-usdm/market/stream}, {@code http://host:port/okx/...}),
     * and the market overview under {@code /coingecko/api/v3} and {@code /alternative-me}.
     */
    public static Endpoints simulator(URI base) {
        String http = base.toString().replaceAll("/+$", "");
        String ws = http.replaceFirst("^http", "ws");
        Map<Venue, Endpoint> m = new EnumMap<>(Venue.class);
        for (VenueModule module : VenueRegistry.modules()) {
            module.venues().forEach(v -> m.put(v, module.simulator(v, http, ws)));
        }
        return new Endpoints(m, URI.create(http + "/coingecko/api/v3"), URI.create(http + "/alternative-me"));
    }
}
