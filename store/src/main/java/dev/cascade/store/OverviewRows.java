package dev.cascade.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.MarketListener;

/**
 * Market overview events as rows of the {@code overview} table: the decoded event (not the document it came
 * from) as JSON, so that a restart hands the overview the very events the run had, whatever the source was.
 * A few a day: Jackson's record support is plenty.
 */
final class OverviewRows {
    static final String GLOBAL = "global";
    static final String COINS = "coins";
    static final String FEAR_GREED = "fear-greed";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OverviewRows() {
    }

    static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("overview event not writable: " + e.getOriginalMessage(), e);
        }
    }

    /** Hands a stored row back to {@code out} as the event it was. */
    static void read(String kind, String body, MarketListener out) throws JsonProcessingException {
        switch (kind) {
            case GLOBAL -> out.onGlobalMarket(JSON.readValue(body, GlobalMarket.class));
            case COINS -> out.onCoinMarkets(JSON.readValue(body, CoinMarkets.class));
            case FEAR_GREED -> out.onFearGreed(JSON.readValue(body, FearGreedReading.class));
            default -> throw new IllegalArgumentException("unknown overview kind " + kind);
        }
    }
}
