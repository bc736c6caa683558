package dev.cascade.venues.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Coin;
import dev.cascade.model.ContractType;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Venue;
import dev.cascade.venues.MetadataDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Kraken Futures {@code GET /derivatives/api/v3/instruments}.
 *
 * <pre>
 * {"result":"success","instruments":[
 *   {"symbol":"PI_XBTUSD","type":"futures_inverse","contractSize":1,"tradeable":true, ...},   qty in USD
 *   {"symbol":"PF_XBTUSD","type":"flexible_futures","contractSize":1,"tradeable":true,
 *    "base":"XBT","quote":"USD", ...}]}                                                        qty in coins
 * </pre>
 * {@code PI_}/{@code FI_} are inverse, {@code PF_} linear; the coin is {@code base}, or the symbol between its
 * prefix and its {@code USD} quote. {@code PI_} and {@code PF_} are perpetual.
 */
public final class KrakenInstrumentsDecoder implements MetadataDecoder {
    @Override
    public List<InstrumentSpec> decode(JsonNode root) throws IOException {
        JsonNode list = root.path("instruments");
        if (!list.isArray()) {
            throw new IOException("Kraken Futures instruments without an instruments array");
        }
        List<InstrumentSpec> specs = new ArrayList<>();
        for (JsonNode i : list) {
            String symbol = i.path("symbol").asText("").toUpperCase(java.util.Locale.ROOT);
            int underscore = symbol.indexOf('_');
            if (underscore != 2 || !symbol.endsWith("USD")) {
                continue; // indices (in_, rr_) and non-USD products
            }
            String base = i.path("base").asText(symbol.substring(3, symbol.length() - 3));
            Coin coin = Coin.of(base);
            double size = i.path("contractSize").asDouble(1);
            boolean isInverse = symbol.startsWith("PI_") || symbol.startsWith("FI_") || i.path("type").asText("").contains("inverse");
            if (!(size > 0) || base.isEmpty()) {
                continue;
            }
            specs.add(isInverse ? new InstrumentSpec(Venue.KRAKEN_FUTURES, symbol, coin, ContractType.INVERSE, size, "USD", true)
                    : new InstrumentSpec(Venue.KRAKEN_FUTURES, symbol, coin, ContractType.LINEAR, size, coin.name(), true));
        }
        return specs;
    }

    @Override
    public List<String> perpetuals(JsonNode root) {
        List<String> symbols = new ArrayList<>();
        for (JsonNode i : root.path("instruments")) {
            String symbol = i.path("symbol").asText("").toUpperCase(java.util.Locale.ROOT);
            if ((symbol.startsWith("PI_") || symbol.startsWith("PF_")) && symbol.endsWith("USD")
                    && i.path("tradeable").asBoolean(true)) {
                symbols.add(symbol);
            }
        }
        return symbols;
    }
}
