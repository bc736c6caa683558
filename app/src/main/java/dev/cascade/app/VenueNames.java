package dev.cascade.app;

import dev.cascade.model.Venue;
import dev.cascade.venues.VenueRegistry;
import java.util.Collection;
import java.util.stream.Collectors;

/** "Binance USD-M, Bybit linear, ...": the display names of some venues, in the registry's order. */
final class VenueNames {
    private VenueNames() {
    }

    static String of(Collection<Venue> venues) {
        return VenueRegistry.venues().stream().filter(venues::contains).map(Venue::displayName)
                .collect(Collectors.joining(", "));
    }
}
