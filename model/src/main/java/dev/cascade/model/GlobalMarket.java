package dev.cascade.model;

import java.util.Map;

/**
 * A snapshot of the whole crypto market from a CoinGecko-format {@code /global} document: total market cap and
 * 24h volume in USD, the market cap's 24h change in percent, and the coins' shares of the market cap in percent
 * (dominance, by lower-case symbol: "btc", "eth"). {@code timeMicros} is the document's update time.
 */
public record GlobalMarket(long timeMicros, double totalMarketCapUsd, double totalVolumeUsd,
                           double marketCapChangePct24h, Map<String, Double> dominancePct) {
    public GlobalMarket {
        dominancePct = Map.copyOf(dominancePct);
    }
}
