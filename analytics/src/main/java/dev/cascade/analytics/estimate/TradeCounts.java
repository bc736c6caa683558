package dev.cascade.analytics.estimate;

import dev.cascade.model.Instrument;

/**
 * How many trades an instrument had in a period: how large a venue is in a coin, which scales what a complete
 * venue saw into an estimate for a throttled one. Read from the bars, which the store keeps, so that figures
 * rebuilt from a store estimate alike.
 */
@FunctionalInterface
public interface TradeCounts {
    double trades(Instrument instrument, long fromMicros, long toMicros);
}
