package dev.cascade.model;

import java.util.List;

/**
 * A CoinGecko-format {@code /coins/markets} page: coins with their rank by market cap, USD price, market cap,
 * 24h volume and 24h changes in percent (NaN when the source left them out). {@code timeMicros} is the latest
 * {@code last_updated} of the page.
 */
public record CoinMarkets(long timeMicros, List<Coin> coins) {
    public CoinMarkets {
        coins = List.copyOf(coins);
    }

    /** One row; {@code symbol} is upper case ("BTC"), {@code rank} 0 when unranked. */
    public record Coin(String id, String symbol, String name, int rank, double priceUsd, double marketCapUsd,
                       double volumeUsd, double changePct24h, double marketCapChangePct24h) {
    }
}
