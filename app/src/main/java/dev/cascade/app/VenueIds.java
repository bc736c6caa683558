package dev.cascade.app;

import dev.cascade.model.Venue;
import dev.cascade.venues.VenueRegistry;
import java.util.Iterator;

/** The venue ids of the registry, for the command line's help and completion. */
class VenueIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return VenueRegistry.venues().stream().map(Venue::id).iterator();
    }

    /** The venues {@code cascade liqprice} has a formula for. */
    static final class WithLiquidationPrice implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return VenueRegistry.venues().stream().filter(v -> VenueRegistry.of(v).liquidationPriceRules(v) != null)
                    .map(Venue::id).iterator();
        }
    }
}
