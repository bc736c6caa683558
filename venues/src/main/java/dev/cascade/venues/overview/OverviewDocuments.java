package dev.cascade.venues.overview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.MarketListener;
import java.io.IOException;

/**
 * Market overview documents as a source of events: CoinGecko {@code /global} and {@code /coins/markets}, and
 * alternative.me {@code /fng/}. They come whole (files, REST, recording lines with {@code "venue":"coingecko"}
 * or {@code "alternative.me"}), a few a day, so they are read with Jackson's tree model.
 */
public final class OverviewDocuments {
    /** Recording source names (the {@code venue} field of their lines). */
    public static final String COINGECKO = "coingecko";
    public static final String ALTERNATIVE_ME = "alternative.me";

    private OverviewDocuments() {
    }

    public static boolean isSource(String name) {
        return COINGECKO.equals(name) || ALTERNATIVE_ME.equals(name);
    }

    /** Whether a JSON document is one of the overview documents. */
    public static boolean isOverview(JsonNode root) {
        return CoinGeckoDecoder.isGlobal(root) || CoinGeckoDecoder.isMarkets(root) || FearGreedDecoder.isFearGreed(root);
    }

    /**
     * Hands a document's events to {@code out}; returns how many. Throws when the document is of a known kind but
     * unusable, or of no known kind.
     */
    public static int decode(JsonNode root, long receiveMicros, MarketListener out) throws IOException {
        if (CoinGeckoDecoder.isGlobal(root)) {
            out.onGlobalMarket(CoinGeckoDecoder.global(root, receiveMicros));
            return 1;
        }
        if (CoinGeckoDecoder.isMarkets(root)) {
            out.onCoinMarkets(CoinGeckoDecoder.markets(root, receiveMicros));
            return 1;
        }
        if (FearGreedDecoder.isFearGreed(root)) {
            int n = 0;
            for (FearGreedReading r : FearGreedDecoder.readings(root)) {
                out.onFearGreed(r);
                n++;
            }
            return n;
        }
        throw new IOException("not a CoinGecko /global or /coins/markets, or alternative.me /fng/ document");
    }
}
