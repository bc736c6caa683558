package dev.cascade.venues.dydx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Coin;
import dev.cascade.model.ContractType;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Venue;
import dev.cascade.venues.MetadataDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * dYdX v4 indexer {@code GET /v4/perpetualMarkets}: every market is a linear perpetual quoted in USD (USDC
 * collateral), its sizes in coins.
 *
 * <pre>
 * {"markets":{"BTC-USD":{"ticker":"BTC-USD","status":"ACTIVE","oraclePrice":"103012.37",
 *                        "stepSize":"0.0001","openInterest":"512.3","nextFundingRate":"0.00001", ...}, ...}}
 * </pre>
 */
public final class DydxMarketsDecoder implements MetadataDecoder {
    @Override
    public List<InstrumentSpec> decode(JsonNode root) throws IOException {
        JsonNode markets = root.path("markets");
        if (!markets.isObject()) {
            throw new IOException("dYdX markets without a markets object");
        }
        List<InstrumentSpec> specs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) markets::fields) {
            String ticker = e.getValue().path("ticker").asText(e.getKey());
            int dash = ticker.indexOf('-');
            if (dash <= 0 || !ticker.endsWith("-USD")) {
                continue;
            }
            Coin coin = Coin.of(ticker.substring(0, dash));
            specs.add(new InstrumentSpec(Venue.DYDX, ticker, coin, ContractType.LINEAR, 1, coin.name(), true));
        }
        return specs;
    }

    @Override
    public List<String> perpetuals(JsonNode root) {
        List<String> tickers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) root.path("markets")::fields) {
            if (e.getValue().path("status").asText("ACTIVE").equals("ACTIVE") && e.getKey().endsWith("-USD")) {
                tickers.add(e.getValue().path("ticker").asText(e.getKey()));
            }
        }
        return tickers;
    }
}
