package dev.cascade.sim;

import dev.cascade.model.Venue;
import java.time.Instant;
import java.util.Locale;

/**
 * The market overview documents the simulator serves, in CoinGecko's and alternative.me's formats, moved by
 * the scripted market: BTC, ETH and SOL at their simulated prices with fixed supplies, the rest of the market a
 * fixed amount, 24h changes against the same path a day earlier.
 */
final class OverviewWire {
    private static final double BTC_SUPPLY = 19_880_000;
    private static final double ETH_SUPPLY = 120_700_000;
    private static final double SOL_SUPPLY = 525_000_000;
    private static final double REST_OF_MARKET = 870e9;
    private static final long DAY = 86_400_000L;

    private OverviewWire() {
    }

    static String global(SimMarket market, long millis) {
        double cap = cap(market, millis);
        double before = cap(market, millis - DAY);
        double btc = price(market, "BTC", millis) * BTC_SUPPLY;
        double eth = price(market, "ETH", millis) * ETH_SUPPLY;
        return String.format(Locale.ROOT, "{\"data\":{\"active_cryptocurrencies\":17321,\"markets\":1290,"
                        + "\"total_market_cap\":{\"usd\":%.1f},\"total_volume\":{\"usd\":%.1f},"
                        + "\"market_cap_percentage\":{\"btc\":%.4f,\"eth\":%.4f},"
                        + "\"market_cap_change_percentage_24h_usd\":%.4f,\"updated_at\":%d}}",
                cap, cap * 0.035, btc / cap * 100, eth / cap * 100, (cap / before - 1) * 100, millis / 1000);
    }

    static String markets(SimMarket market, long millis) {
        String[][] coins = {{"bitcoin", "btc", "Bitcoin", "BTC"}, {"ethereum", "eth", "Ethereum", "ETH"},
            {"solana", "sol", "Solana", "SOL"}};
        double[] supply = {BTC_SUPPLY, ETH_SUPPLY, SOL_SUPPLY};
        int[] rank = {1, 2, 6};
        StringBuilder out = new StringBuilder("[");
        for (int k = 0; k < coins.length; k++) {
            double p = price(market, coins[k][3], millis);
            double change = (p / price(market, coins[k][3], millis - DAY) - 1) * 100;
            out.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":\"%s\",\"symbol\":\"%s\",\"name\":\"%s\",\"current_price\":%.4f,\"market_cap\":%.0f,"
                            + "\"market_cap_rank\":%d,\"total_volume\":%.0f,\"price_change_percentage_24h\":%.4f,"
                            + "\"last_updated\":\"%s\"}", coins[k][0], coins[k][1], coins[k][2], p, p * supply[k],
                    rank[k], p * supply[k] * 0.04, change, Instant.ofEpochMilli(millis)));
        }
        return out.append(']').toString();
    }

    /** A reading of the day, at midnight UTC, that moves with the day's BTC change. */
    static String fearGreed(SimMarket market, long millis) {
        long day = millis / DAY * DAY;
        double change = (price(market, "BTC", millis) / price(market, "BTC", millis - DAY) - 1) * 100;
        int value = (int) Math.max(5, Math.min(95, Math.round(50 + change * 8)));
        String band = value <= 25 ? "Extreme Fear" : value <= 46 ? "Fear" : value <= 54 ? "Neutral"
                : value <= 75 ? "Greed" : "Extreme Greed";
        return String.format(Locale.ROOT, "{\"name\":\"Fear and Greed Index\",\"data\":[{\"value\":\"%d\","
                        + "\"value_classification\":\"%s\",\"timestamp\":\"%d\",\"time_until_update\":\"%d\"}],"
                        + "\"metadata\":{\"error\":null}}", value, band, day / 1000, (day + DAY - millis) / 1000);
    }

    private static double cap(SimMarket market, long millis) {
        return price(market, "BTC", millis) * BTC_SUPPLY + price(market, "ETH", millis) * ETH_SUPPLY
                + price(market, "SOL", millis) * SOL_SUPPLY + REST_OF_MARKET;
    }

    private static double price(SimMarket market, String coin, long millis) {
        for (SimInstrument i : market.instruments(Venue.BINANCE_USDM)) {
            if (i.coin().equals(coin)) {
                return market.price(i, millis);
            }
        }
        throw new IllegalArgumentException(coin);
    }
}
