package dev.cascade.venues.feed;

/**
 * What to subscribe to. Liquidations are always wanted; the rest can be turned off (a liquidation-only
 * recorder needs no trades).
 */
public record Channels(boolean hasTrades, boolean hasMarkPrices, boolean hasOpenInterest) {
    public static final Channels ALL = new Channels(true, true, true);
    public static final Channels LIQUIDATIONS_ONLY = new Channels(false, false, false);
}
