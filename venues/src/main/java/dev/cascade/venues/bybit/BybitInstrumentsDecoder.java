package dev.cascade.venues.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Coin;
import dev.cascade.model.ContractType;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Venue;
import dev.cascade.venues.MetadataDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bybit {@code /v5/market/instruments-info?category=linear|inverse}.
 *
 * <pre>
 * {"retCode":0,"retMsg":"OK",
 *  "result":{"category":"linear","nextPageCursor":"",
 *            "list":[{"symbol":"BTCUSDT","contractType":"LinearPerpetual",   or InversePerpetual, *Futures
 *                     "baseCoin":"BTC","quoteCoin":"USDT","settleCoin":"USDT", ...}]}}
 * </pre>
 * Bybit has no contract multiplier: a linear contract is one coin, an inverse contract one USD.
 */
public final class BybitInstrumentsDecoder implements MetadataDecoder {
    private static final Set<String> USD_QUOTES = Set.of("USD", "USDT", "USDC");

    @Override
    public List<InstrumentSpec> decode(JsonNode root) throws IOException {
        JsonNode result = root.path("result");
        JsonNode list = result.path("list");
        if (!list.isArray()) {
            throw new IOException("instruments-info without result.list");
        }
        String category = result.path("category").asText("");
        List<InstrumentSpec> specs = new ArrayList<>();
        for (JsonNode i : list) {
            String symbol = i.path("symbol").asText("");
            String base = i.path("baseCoin").asText("");
            String type = i.path("contractType").asText("");
            if (symbol.isEmpty() || base.isEmpty()) {
                continue;
            }
            boolean isInverse = type.startsWith("Inverse") || (type.isEmpty() && category.equals("inverse"));
            Coin coin = Coin.of(base);
            if (isInverse) {
                specs.add(InstrumentSpec.inverse(Venue.BYBIT_INVERSE, symbol, coin, 1.0));
            } else if (type.startsWith("Linear") || category.equals("linear")) {
                specs.add(new InstrumentSpec(Venue.BYBIT_LINEAR, symbol, coin, ContractType.LINEAR, 1.0, coin.name(),
                        USD_QUOTES.contains(i.path("quoteCoin").asText(""))));
            }
        }
        return specs;
    }

    @Override
    public List<String> perpetuals(JsonNode root) {
        List<String> symbols = new ArrayList<>();
        for (JsonNode i : root.path("result").path("list")) {
            String type = i.path("contractType").asText();
            if ((type.equals("LinearPerpetual") || type.equals("InversePerpetual")) && i.path("status").asText().equals("Trading")) {
                symbols.add(i.path("symbol").asText());
            }
        }
        return symbols;
    }
}
