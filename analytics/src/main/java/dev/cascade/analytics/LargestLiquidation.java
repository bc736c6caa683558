package dev.cascade.analytics;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;

/** The largest single liquidation of a period, by USD value. */
public record LargestLiquidation(Venue venue, String symbol, String coin, Side side, double usd, double price,
                                 double quantity, long timeMicros) {
}
