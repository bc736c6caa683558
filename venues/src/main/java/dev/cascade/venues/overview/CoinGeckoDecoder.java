package dev.cascade.venues.overview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.CoinMarkets;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.Micros;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CoinGecko-format market overview documents.
 *
 * <pre>
 * /api/v3/global
 * {"data":{"total_market_cap":{"usd":3751351705612.96, ...},    USD of every listed coin
 *          "total_volume":{"usd":...},                           24h
 *          "market_cap_percentage":{"btc":56.9,"eth":10.4, ...}, dominance in percent
 *          "market_cap_change_percentage_24h_usd":-2.1,
 *          "updated_at":1737112345}}                             seconds
 *
 * /api/v3/coins/markets?vs_currency=usd&amp;order=market_cap_desc&amp;per_page=100
 * [{"id":"bitcoin","symbol":"btc","name":"Bitcoin","current_price":103500,"market_cap":2.05e12,
 *   "market_cap_rank":1,"total_volume":4.1e10,"price_change_percentage_24h":-2.9,
 *   "market_cap_change_percentage_24h":-2.8,"last_updated":"2025-06-05T23:59:12.345Z"}, ...]
 * </pre>
 * The currency of /coins/markets is the request's {@code vs_currency}, which the document does not repeat:
 * Cascade asks for USD and reads every page as USD.
 */
public final class CoinGeckoDecoder {
    private CoinGeckoDecoder() {
    }

    /** Whether a document is a /global answer. */
    public static boolean isGlobal(JsonNode root) {
        return root.path("data").path("total_market_cap").isObject();
    }

    /** Whether a document is a /coins/markets page. */
    public static boolean isMarkets(JsonNode root) {
        if (!root.isArray() || root.isEmpty()) {
            return false;
        }
        JsonNode first = root.get(0);
        return first.has("market_cap_rank") && first.has("current_price") && first.has("symbol");
    }

    public static GlobalMarket global(JsonNode root, long receiveMicros) throws IOException {
        JsonNode d = root.path("data");
        double cap = d.path("total_market_cap").path("usd").asDouble(Double.NaN);
        double volume = d.path("total_volume").path("usd").asDouble(Double.NaN);
        if (!(cap > 0) || !(volume >= 0) || Double.isInfinite(cap) || Double.isInfinite(volume)) {
            throw new IOException("/global without a positive total_market_cap.usd and total_volume.usd");
        }
        Map<String, Double> dominance = new LinkedHashMap<>();
        d.path("market_cap_percentage").fields().forEachRemaining(e -> {
            double v = e.getValue().asDouble(Double.NaN);
            if (v >= 0 && v <= 100) {
                dominance.put(e.getKey().toLowerCase(Locale.ROOT), v);
            }
        });
        long updated = d.path("updated_at").asLong(0);
        long time = updated > 0 && Micros.isPlausible(updated * Micros.PER_SECOND) ? updated * Micros.PER_SECOND
                : receiveMicros;
        if (!Micros.isPlausible(time)) {
            throw new IOException("/global without updated_at");
        }
        return new GlobalMarket(time, cap, volume, d.path("market_cap_change_percentage_24h_usd").asDouble(Double.NaN),
                dominance);
    }

    public static CoinMarkets markets(JsonNode root, long receiveMicros) throws IOException {
        List<CoinMarkets.Coin> coins = new ArrayList<>();
        long latest = Long.MIN_VALUE;
        for (JsonNode c : root) {
            String symbol = c.path("symbol").asText("");
            double price = c.path("current_price").asDouble(Double.NaN);
            if (symbol.isEmpty() || !(price >= 0)) {
                continue; // a row without a symbol or price says nothing usable
            }
            coins.add(new CoinMarkets.Coin(c.path("id").asText(symbol), symbol.toUpperCase(Locale.ROOT),
                    c.path("name").asText(symbol), c.path("market_cap_rank").asInt(0), price,
                    c.path("market_cap").asDouble(Double.NaN), c.path("total_volume").asDouble(Double.NaN),
                    c.path("price_change_percentage_24h").asDouble(Double.NaN),
                    c.path("market_cap_change_percentage_24h").asDouble(Double.NaN)));
            latest = Math.max(latest, isoMicros(c.path("last_updated").asText("")));
        }
        if (coins.isEmpty()) {
            throw new IOException("/coins/markets without a row that has a symbol and a price");
        }
        long time = Micros.isPlausible(latest) ? latest : receiveMicros;
        if (!Micros.isPlausible(time)) {
            throw new IOException("/coins/markets without last_updated");
        }
        return new CoinMarkets(time, coins);
    }

    private static long isoMicros(String s) {
        try {
            return s.isEmpty() ? Long.MIN_VALUE : Micros.of(Instant.parse(s));
        } catch (DateTimeParseException | ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }
}
