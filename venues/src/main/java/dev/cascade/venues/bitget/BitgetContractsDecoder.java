package dev.cascade.venues.bitget;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Coin;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Venue;
import dev.cascade.venues.MetadataDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bitget {@code GET /api/v2/mix/market/contracts?productType=USDT-FUTURES}. The liquidation topic states
 * USDT values, which are turned into coins, so a contract is one coin whatever {@code sizeMultiplier} says.
 *
 * <pre>
 * {"code":"00000","msg":"success","data":[{"symbol":"BTCUSDT","baseCoin":"BTC","quoteCoin":"USDT",
 *   "symbolType":"perpetual","symbolStatus":"normal","sizeMultiplier":"0.001", ...}]}
 * </pre>
 */
public final class BitgetContractsDecoder implements MetadataDecoder {
    @Override
    public List<InstrumentSpec> decode(JsonNode root) throws IOException {
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            throw new IOException("Bitget contracts without a data array");
        }
        List<InstrumentSpec> specs = new ArrayList<>();
        for (JsonNode c : data) {
            String symbol = c.path("symbol").asText("");
            String base = c.path("baseCoin").asText("");
            if (symbol.isEmpty() || base.isEmpty() || !c.path("quoteCoin").asText("").equals("USDT")) {
                continue;
            }
            specs.add(InstrumentSpec.linear(Venue.BITGET_USDTM, symbol, Coin.of(base)));
        }
        return specs;
    }

    @Override
    public List<String> perpetuals(JsonNode root) {
        List<String> symbols = new ArrayList<>();
        for (JsonNode c : root.path("data")) {
            if (c.path("symbolType").asText("perpetual").equals("perpetual")
                    && c.path("symbolStatus").asText("normal").equals("normal")) {
                symbols.add(c.path("symbol").asText());
            }
        }
        return symbols;
    }
}
