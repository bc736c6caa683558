package dev.cascade.venues.binance;

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
 * Binance {@code /fapi/v1/exchangeInfo} (USDⓈ-M) and {@code /dapi/v1/exchangeInfo} (COIN-M).
 *
 * <pre>
 * {"symbols":[{"symbol":"BTCUSD_PERP","pair":"BTCUSD","contractType":"PERPETUAL",
 *              "contractSize":100,        COIN-M only: USD per contract   &lt;- what makes a symbol COIN-M
 *              "baseAsset":"BTC","quoteAsset":"USD","marginAsset":"BTC", ...}, ...]}
 * </pre>
 * USDⓈ-M symbols carry no contractSize: one contract is one coin of the base asset.
 */
public final class BinanceExchangeInfoDecoder implements MetadataDecoder {
    private static final Set<String> USD_QUOTES = Set.of("USD", "USDT", "USDC", "BUSD", "FDUSD");

    @Override
    public List<InstrumentSpec> decode(JsonNode root) throws IOException {
        JsonNode symbols = root.path("symbols");
        if (!symbols.isArray()) {
            throw new IOException("exchangeInfo without a symbols array");
        }
        List<InstrumentSpec> specs = new ArrayList<>();
        for (JsonNode s : symbols) {
            String symbol = s.path("symbol").asText("");
            String base = s.path("baseAsset").asText("");
            String quote = s.path("quoteAsset").asText("");
            if (symbol.isEmpty() || base.isEmpty()) {
                continue;
            }
            Coin coin = Coin.of(base);
            JsonNode contractSize = s.get("contractSize");
            if (contractSize != null && contractSize.asDouble() > 0) {
                specs.add(new InstrumentSpec(Venue.BINANCE_COINM, symbol, coin, ContractType.INVERSE,
                        contractSize.asDouble(), "USD", USD_QUOTES.contains(quote)));
            } else {
                specs.add(new InstrumentSpec(Venue.BINANCE_USDM, symbol, coin, ContractType.LINEAR, 1.0,
                        coin.name(), USD_QUOTES.contains(quote)));
            }
        }
        return specs;
    }

    @Override
    public List<String> perpetuals(JsonNode root) {
        List<String> symbols = new ArrayList<>();
        for (JsonNode s : root.path("symbols")) {
            String status = s.has("contractStatus") ? s.path("contractStatus").asText() : s.path("status").asText();
            if (s.path("contractType").asText().equals("PERPETUAL") && status.equals("TRADING")
                    && USD_QUOTES.contains(s.path("quoteAsset").asText())) {
                symbols.add(s.path("symbol").asText());
            }
        }
        return symbols;
    }
}
