package dev.cascade.app;

import dev.cascade.model.Venue;
import dev.cascade.venues.VenueRegistry;
import dev.cascade.venues.feed.Channels;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/** The options {@code cascade live} and {@code cascade record} share: where to connect and what to read. */
final class FeedOptions {
    @Option(names = "--simulator", description = "Start a loopback simulator in this process and read from it (no network).")
    boolean isSimulator;

    @Option(names = "--endpoints", paramLabel = "URL",
            description = "Read from a simulator at URL (e.g. http://127.0.0.1:9310, as printed by cascade simulate) "
                    + "instead of the venues.")
    URI endpoints;

    @Option(names = "--venues", split = ",", paramLabel = "VENUE",
            description = "Venues to read (default all): ${COMPLETION-CANDIDATES}.", completionCandidates = VenueIds.class)
    List<String> venues;

    @Option(names = "--coins", split = ",", paramLabel = "COIN",
            description = "Trades, mark prices and open interest for these coins only (default every perpetual); "
                    + "liquidations are always read for every perpetual.")
    List<String> coins;

    @Option(names = "--liquidations-only", description = "Subscribe to liquidations only.")
    boolean isLiquidationsOnly;

    @Option(names = "--no-overview", description = "Do not fetch the market overview (CoinGecko /global and "
            + "/coins/markets every 10 min, alternative.me /fng/ every hour).")
    boolean isWithoutOverview;

    Set<Venue> venueSet() {
        if (venues == null || venues.isEmpty()) {
            return EnumSet.copyOf(VenueRegistry.venues());
        }
        Set<Venue> set = EnumSet.noneOf(Venue.class);
        for (String v : venues) {
            Venue venue = Venue.byId(v.trim());
            if (venue == null || !VenueRegistry.venues().contains(venue)) {
                throw new IllegalArgumentException("unknown venue '" + v + "' (known: " + VenueRegistry.venueIds() + ")");
            }
            set.add(venue);
        }
        return set;
    }

    Set<String> coinSet() {
        Set<String> set = new TreeSet<>();
        if (coins != null) {
            coins.forEach(c -> set.add(c.trim().toUpperCase(Locale.ROOT)));
        }
        return set;
    }

    Channels channels() {
        return isLiquidationsOnly ? Channels.LIQUIDATIONS_ONLY : Channels.ALL;
    }
}
