package dev.cascade.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.MarketListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Records of the overview topic: the decoded CoinGecko and Fear &amp; Greed documents (the model's records the
 * in-process overview consumes, not the source's JSON), so a consumer hands its state the very events the
 * collector had. Keyed {@code kind:timeMicros}, the identity the overview keeps one document for: the compacted
 * topic keeps one record per key, the latest written. The value is the record as JSON: a few a day, nothing
 * to save on, and NaN travels as the string "NaN".
 *
 * <pre>
 *   key    "global:1749081600000000" | "coins:..." | "fear-greed:..."   (kind : the document's time, µs)
 *   value  {"timeMicros":...,"totalMarketCapUsd":...,...}               (GlobalMarket, CoinMarkets, FearGreedReading)
 * </pre>
 */
public final class OverviewCodec {
    static final String GLOBAL = "global";
    static final String COINS = "coins";
    static final String FEAR_GREED = "fear-greed";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OverviewCodec() {
    }

    public static byte[] key(GlobalMarket e) {
        return key(GLOBAL, e.timeMicros());
    }

    public static byte[] key(CoinMarkets e) {
        return key(COINS, e.timeMicros());
    }

    public static byte[] key(FearGreedReading e) {
        return key(FEAR_GREED, e.timeMicros());
    }

    /** The record's value: {@code event} (one of the three overview records) as JSON. */
    public static byte[] encode(Object event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("overview event not writable: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Hands the record {@code key}/{@code value} to {@code out} as the event it was; false (and nothing handed on)
     * when it is not an overview record: an unknown kind, or a value that is not that kind's JSON.
     */
    public static boolean decode(byte[] key, byte[] value, MarketListener out) {
        if (key == null || value == null) {
            return false;
        }
        String kind = kindOf(key);
        try {
            switch (kind) {
                case GLOBAL -> out.onGlobalMarket(JSON.readValue(value, GlobalMarket.class));
                case COINS -> out.onCoinMarkets(JSON.readValue(value, CoinMarkets.class));
                case FEAR_GREED -> out.onFearGreed(JSON.readValue(value, FearGreedReading.class));
                default -> {
                    return false;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false; // not JSON, or not the record (a missing list, a wrong type)
        }
        return true;
    }

    /** A record's key from its kind and time (the reverse of {@link #kindOf} and {@link #timeOf}). */
    public static byte[] key(String kind, long timeMicros) {
        return (kind + ":" + timeMicros).getBytes(StandardCharsets.UTF_8);
    }

    /** The kind part of a record's key ({@code global}, {@code coins}, {@code fear-greed}; "" when there is none). */
    public static String kindOf(byte[] key) {
        String k = new String(key, StandardCharsets.UTF_8);
        return k.substring(0, Math.max(0, k.lastIndexOf(':')));
    }

    /** The time part of a record's key, in µs; {@link Long#MIN_VALUE} when it has none. */
    public static long timeOf(byte[] key) {
        String k = new String(key, StandardCharsets.UTF_8);
        try {
            return Long.parseLong(k.substring(k.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
