package dev.cascade.kafka;

import java.util.List;

/**
 * Where each kind of event goes: liquidations and trades on topics of their own (they are what most consumers
 * want, and trades outnumber everything else a hundred to one), the instruments' states (open interest, mark
 * price, funding, candles) together. Records are keyed by {@code venue:symbol}, so one instrument's events stay
 * in order on one partition.
 */
public record Topics(String liquidations, String trades, String market) {
    public static final String DEFAULT_PREFIX = "cascade.";

    public static Topics withPrefix(String prefix) {
        return new Topics(prefix + "liquidations", prefix + "trades", prefix + "market");
    }

    public static Topics defaults() {
        return withPrefix(DEFAULT_PREFIX);
    }

    public List<String> all() {
        return List.of(liquidations, trades, market);
    }

    public String of(EventCodec.Kind kind) {
        return switch (kind) {
            case LIQUIDATION -> liquidations;
            case TRADE -> trades;
            default -> market;
        };
    }
}
