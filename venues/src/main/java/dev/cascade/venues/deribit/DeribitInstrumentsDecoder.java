package dev.cascade.venues.deribit;

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
 * Deribit {@code public/get_instruments?currency=any&kind=future}.
 *
 * <pre>
 * {"jsonrpc":"2.0","result":[{"instrument_name":"BTC-PERPETUAL","kind":"future",
 *   "settlement_period":"perpetual",                  or day, week, month, quarter
 *   "instrument_type":"reversed",                     reversed (inverse, amounts in USD) or linear (amounts in coins)
 *   "base_currency":"BTC","counter_currency":"USD","quote_currency":"USD","settlement_currency":"BTC",
 *   "contract_size":10.0,                             the least amount step, not a unit: amounts are USD or coins
 *   "is_active":true}, ...]}
 * </pre>
 * Trade amounts are already USD (inverse) or coins (linear), so every instrument's contract is 1 USD or 1 coin.
 */
public final class DeribitInstrumentsDecoder implements MetadataDecoder {
    private static final Set<String> USD_QUOTES = Set.of("USD", "USDT", "USDC");

    @Override
    public List<InstrumentSpec> decode(JsonNode root) throws IOException {
        JsonNode result = root.path("result");
        if (!result.isArray()) {
            throw new IOException("Deribit instruments without a result array");
        }
        List<InstrumentSpec> specs = new ArrayList<>();
        for (JsonNode i : result) {
            String name = i.path("instrument_name").asText("");
            if (name.isEmpty() || !i.path("kind").asText("").equals("future")) {
                continue;
            }
            Coin coin = Coin.of(i.path("base_currency").asText(""));
            boolean isUsd = USD_QUOTES.contains(i.path("quote_currency").asText(""));
            specs.add(i.path("instrument_type").asText("").equals("reversed")
                    ? new InstrumentSpec(Venue.DERIBIT, name, coin, ContractType.INVERSE, 1, "USD", isUsd)
                    : new InstrumentSpec(Venue.DERIBIT, name, coin, ContractType.LINEAR, 1, coin.name(), isUsd));
        }
        return specs;
    }

    @Override
    public List<String> perpetuals(JsonNode root) {
        List<String> names = new ArrayList<>();
        for (JsonNode i : root.path("result")) {
            if (i.path("settlement_period").asText("").equals("perpetual") && i.path("is_active").asBoolean(true)) {
                names.add(i.path("instrument_name").asText());
            }
        }
        return names;
    }
}
