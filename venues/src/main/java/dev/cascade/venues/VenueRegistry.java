package dev.cascade.venues;

import dev.cascade.model.Exchange;
import dev.cascade.model.Venue;
import dev.cascade.venues.binance.BinanceModule;
import dev.cascade.venues.bitfinex.BitfinexModule;
import dev.cascade.venues.bitget.BitgetModule;
import dev.cascade.venues.bitmex.BitmexModule;
import dev.cascade.venues.bybit.BybitModule;
import dev.cascade.venues.deribit.DeribitModule;
import dev.cascade.venues.dydx.DydxModule;
import dev.cascade.venues.gate.GateModule;
import dev.cascade.venues.htx.HtxModule;
import dev.cascade.venues.kraken.KrakenModule;
import dev.cascade.venues.okx.OkxModule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one list of exchanges Cascade reads. Every other module iterates it (decoders, endpoints, live feed
 * plans, the venue list of the command line); adding an exchange is adding its package and one line here.
 */
public final class VenueRegistry {
    private static final List<VenueModule> MODULES = List.of(
            new BinanceModule(),
            new BybitModule(),
            new OkxModule(),
            new BitmexModule(),
            new DeribitModule(),
            new KrakenModule(),
            new DydxModule(),
            new BitgetModule(),
            new HtxModule(),
            new BitfinexModule(),
            new GateModule());

    private VenueRegistry() {
    }

    public static List<VenueModule> modules() {
        return MODULES;
    }

    /** The module of an exchange; throws when the exchange has none (a model id without its package). */
    public static VenueModule of(Exchange exchange) {
        for (VenueModule m : MODULES) {
            if (m.exchange() == exchange) {
                return m;
            }
        }
        throw new IllegalStateException("no venue module for " + exchange);
    }

    public static VenueModule of(Venue venue) {
        return of(venue.exchange());
    }

    /** Every venue of every module, in the registry's order. */
    public static List<Venue> venues() {
        List<Venue> out = new ArrayList<>();
        MODULES.forEach(m -> out.addAll(m.venues()));
        return out;
    }

    /** "binance-usdm, binance-coinm, ...": for help texts and error messages. */
    public static String venueIds() {
        return venues().stream().map(Venue::id).collect(Collectors.joining(", "));
    }
}
