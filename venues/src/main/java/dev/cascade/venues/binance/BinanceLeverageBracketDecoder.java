package dev.cascade.venues.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.MarginBracket;
import dev.cascade.model.MarginBrackets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binance {@code leverageBracket} (signed, so users save it to a file): USDⓈ-M sizes brackets by notional in
 * USDT, COIN-M by quantity in coins.
 *
 * <pre>
 * [{"symbol":"ETHUSDT","notionalCoef":1.50,             a single symbol's object is accepted as well
 *   "brackets":[{"bracket":1,"initialLeverage":75,
 *                "notionalCap":10000,"notionalFloor":0,     COIN-M: "qtyCap", "qtyFloor" (documented once as "qtylFloor")
 *                "maintMarginRatio":0.0065,"cum":0.0}]}]
 * </pre>
 * A missing {@code cum} is computed by the continuity recursion; brackets must be contiguous.
 */
public final class BinanceLeverageBracketDecoder {
    private BinanceLeverageBracketDecoder() {
    }

    /** Brackets by symbol (COIN-M v1 answers name the pair instead), in document order. */
    public static Map<String, MarginBrackets> decode(JsonNode root) throws IOException {
        Map<String, MarginBrackets> out = new LinkedHashMap<>();
        if (root.isObject()) {
            put(root, out);
        } else if (root.isArray()) {
            for (JsonNode s : root) {
                put(s, out);
            }
        }
        if (out.isEmpty()) {
            throw new IOException("not a Binance leverageBracket document: no symbol with brackets");
        }
        return out;
    }

    private static void put(JsonNode s, Map<String, MarginBrackets> out) throws IOException {
        String symbol = s.path("symbol").asText(s.path("pair").asText(""));
        JsonNode brackets = s.path("brackets");
        if (symbol.isEmpty() || !brackets.isArray() || brackets.isEmpty()) {
            return;
        }
        List<MarginBracket> list = new ArrayList<>();
        double cum = 0;
        double previousMmr = 0;
        for (JsonNode b : brackets) {
            double floor = number(b, "notionalFloor", "qtyFloor", "qtylFloor");
            double cap = number(b, "notionalCap", "qtyCap", null);
            double mmr = number(b, "maintMarginRatio", null, null);
            if (Double.isNaN(floor) || Double.isNaN(cap) || Double.isNaN(mmr)) {
                throw new IOException(symbol + ": a bracket without floor, cap or maintMarginRatio");
            }
            cum += floor * (mmr - previousMmr);
            previousMmr = mmr;
            double given = b.path("cum").asDouble(Double.NaN);
            try {
                list.add(new MarginBracket(b.path("bracket").asInt(list.size() + 1), floor, cap, mmr,
                        Double.isNaN(given) ? Math.max(0, cum) : given, b.path("initialLeverage").asInt(0)));
            } catch (IllegalArgumentException e) {
                throw new IOException(symbol + ": " + e.getMessage());
            }
        }
        try {
            out.put(symbol, new MarginBrackets(list));
        } catch (IllegalArgumentException e) {
            throw new IOException(symbol + ": " + e.getMessage());
        }
    }

    private static double number(JsonNode b, String name, String alternative, String misspelt) {
        for (String n : new String[] {name, alternative, misspelt}) {
            if (n != null && b.hasNonNull(n) && (b.get(n).isNumber() || b.get(n).isTextual())) {
                double v = b.get(n).asDouble(Double.NaN);
                if (!Double.isNaN(v)) {
                    return v;
                }
            }
        }
        return Double.NaN;
    }
}
