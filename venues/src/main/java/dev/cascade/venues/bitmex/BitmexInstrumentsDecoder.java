package dev.cascade.venues.bitmex;

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
 * BitMEX {@code GET /api/v1/instrument/active}: an array of instruments (research/venues-next.md §1, units).
 *
 * <pre>
 * [{"symbol":"XBTUSD","typ":"FFWCSX","state":"Open",          FFWCSX perpetual swap, FFCCSX dated future
 *   "underlying":"XBT","quoteCurrency":"USD","settlCurrency":"XBt",
 *   "isInverse":true,"isQuanto":false,
 *   "multiplier":-100000000,"underlyingToSettleMultiplier":-100000000,   inverse: |mult / uToS| USD a contract
 *   "underlyingToPositionMultiplier":null},
 *  {"symbol":"XBTUSDT","isInverse":false,"isQuanto":false,
 *   "underlyingToPositionMultiplier":1000000, ...}]                       linear: 1 / uToP coins a contract
 * </pre>
 * Quanto contracts (ETHUSD: a contract is worth {@code multiplier} satoshis per dollar of ETH price) need the
 * BTC price to be valued; they are not defined, so their events are rejected as unknown instruments.
 */
public final class BitmexInstrumentsDecoder implements MetadataDecoder {
    private static final Set<String> USD_QUOTES = Set.of("USD", "USDT", "USDC");
    static final String PERPETUAL = "FFWCSX";

    @Override
    public List<InstrumentSpec> decode(JsonNode root) throws IOException {
        if (!root.isArray()) {
            throw new IOException("BitMEX instruments: not an array");
        }
        List<InstrumentSpec> specs = new ArrayList<>();
        for (JsonNode i : root) {
            String symbol = i.path("symbol").asText("");
            String typ = i.path("typ").asText("");
            if (symbol.isEmpty() || i.path("isQuanto").asBoolean(false)
                    || !(typ.equals(PERPETUAL) || typ.equals("FFCCSX"))) {
                continue;
            }
            Coin coin = Coin.of(i.path("underlying").asText(""));
            boolean isUsd = USD_QUOTES.contains(i.path("quoteCurrency").asText(""));
            if (i.path("isInverse").asBoolean(false)) {
                double size = Math.abs(i.path("multiplier").asDouble(0) / i.path("underlyingToSettleMultiplier").asDouble(0));
                if (size > 0 && !Double.isInfinite(size)) {
                    specs.add(new InstrumentSpec(Venue.BITMEX, symbol, coin, ContractType.INVERSE, size, "USD", isUsd));
                }
            } else {
                double perCoin = i.path("underlyingToPositionMultiplier").asDouble(0);
                if (perCoin > 0) {
                    specs.add(new InstrumentSpec(Venue.BITMEX, symbol, coin, ContractType.LINEAR, 1 / perCoin, coin.name(),
                            isUsd));
                }
            }
        }
        return specs;
    }

    @Override
    public List<String> perpetuals(JsonNode root) {
        List<String> symbols = new ArrayList<>();
        for (JsonNode i : root) {
            if (i.path("typ").asText("").equals(PERPETUAL) && i.path("state").asText("").equals("Open")
                    && !i.path("isQuanto").asBoolean(false)) {
                symbols.add(i.path("symbol").asText());
            }
        }
        return symbols;
    }
}
