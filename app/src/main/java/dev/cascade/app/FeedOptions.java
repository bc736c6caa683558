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

    @Option(names = "--instruments", paramLabel = "N", description = "With --simulator: list N instruments over every "
            + "venue (about 1,200 is every perpetual of every venue), the made-up ones trading less; default the "
            + "scripted 40.")
    Integer instruments;

    @Option(names = "--speed", paramLabel = "X", description = "With --simulator: market time per wall time "
            + "(default 1), as far as the simulator and the pipeline keep up.")
    Double speed;

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

    /** The in-process simulator's settings; a one-line usage error when its options are given without it. */
    dev.cascade.sim.SimConfig simConfig() {
        if (!isSimulator && (instruments != null || speed != null)) {
            throw new IllegalArgumentException("--instruments and --speed need --simulator");
        }
        if (instruments != null && (instruments < 0 || instruments > 100_000)) {
            throw new IllegalArgumentException("--instruments must be 0 to 100000");
        }
        if (speed != null && !(speed > 0 && speed <= 10_000)) {
            throw new IllegalArgumentException("--speed must be above 0 and at most 10000");
        }
        return dev.cascade.sim.SimConfig.defaults().withMarket(instruments == null ? 0 : instruments,
                speed == null ? 1 : speed);
    }

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
