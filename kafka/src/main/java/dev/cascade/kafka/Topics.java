package dev.cascade.kafka;

import java.util.List;

/**
 * Where each kind of event goes: liquidations and trades on topics of their own (they are what most consumers
 * want, and trades outnumber everything else a hundred to one), the instruments' states (open interest, mark
 * price, funding, candles) together. Records are keyed by {@code venue:symbol}, so one instrument's events stay
 * in order on one partition. The overview documents (CoinGecko, Fear &amp; Greed) have a topic of their own: they are
 * no market event, and the job never reads them ({@link OverviewCodec}).
 */
public record Topics(String liquidations, String trades, String market, String overview) {
    public static final String DEFAULT_PREFIX = "cascade.";

    public static Topics withPrefix(String prefix) {
        return new Topics(prefix + "liquidations", prefix + "trades", prefix + "market", prefix + "overview");
    }

    public static Topics defaults() {
        return withPrefix(DEFAULT_PREFIX);
    }

    /** The market event topics ({@link EventCodec} records): what the job and {@code replay --source kafka} read. */
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
