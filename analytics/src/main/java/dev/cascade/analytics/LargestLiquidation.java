package dev.cascade.analytics;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;

/** The largest single liquidation of a period, by USD value. */
public record LargestLiquidation(Venue venue, String symbol, String coin, Side side, double usd, double price,
                                 double quantity, long timeMicros) {
    /**
     * Whether an order of {@code usd} at {@code timeMicros} beats one of {@code thanUsd} at {@code thanTime}: the
     * larger wins, equal sizes go to the earlier, so that partial results merge to the same largest order in any
     * order.
     */
    public static boolean isLarger(double usd, long timeMicros, double thanUsd, long thanTime) {
        return MinuteSeries.isLarger(usd, timeMicros, thanUsd, thanTime, true);
    }
}
