package dev.cascade.venues.htx;

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
 * HTX {@code GET /linear-swap-api/v1/swap_contract_info} (USDT-M) and {@code /swap-api/v1/swap_contract_info}
 * (coin-M). {@code contract_size} is coins a contract for USDT-M (documented as "USDT of one contract", but the
 * examples are 0.001 for BTC) and USD a contract for coin-M.
 *
 * <pre>
 * {"status":"ok","data":[{"symbol":"BTC","contract_code":"BTC-USDT","contract_size":0.001,"price_tick":0.1,
 *   "contract_status":1,"business_type":"swap","pair":"BTC-USDT","contract_type":"swap", ...}],"ts":1749132000000}
 * {"status":"ok","data":[{"symbol":"BTC","contract_code":"BTC-USD","contract_size":100,"contract_status":1, ...}]}
 * </pre>
 * Dated futures ({@code BTC-USDT-250627}) are not swaps and are left out.
 */
public final class HtxContractsDecoder implements MetadataDecoder {
    @Override
    public List<InstrumentSpec> decode(JsonNode root) throws IOException {
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            throw new IOException("HTX contract info without a data array");
        }
        List<InstrumentSpec> specs = new ArrayList<>();
        for (JsonNode c : data) {
            String code = c.path("contract_code").asText("");
            String symbol = c.path("symbol").asText("");
            double size = c.path("contract_size").asDouble(Double.NaN);
            if (!isSwap(code) || symbol.isEmpty() || !(size > 0) || Double.isInfinite(size)) {
                continue;
            }
            Coin coin = Coin.of(symbol);
            specs.add(code.endsWith("-USDT")
                    ? new InstrumentSpec(Venue.HTX_LINEAR, code, coin, ContractType.LINEAR, size, coin.name(), true)
                    : InstrumentSpec.inverse(Venue.HTX_INVERSE, code, coin, size));
        }
        return specs;
    }

    @Override
    public List<String> perpetuals(JsonNode root) {
        List<String> codes = new ArrayList<>();
        for (JsonNode c : root.path("data")) {
            String code = c.path("contract_code").asText("");
            if (isSwap(code) && c.path("contract_status").asInt(1) == 1) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** {@code BTC-USDT} or {@code BTC-USD}: one dash, a USD quote. */
    private static boolean isSwap(String code) {
        int dash = code.indexOf('-');
        return dash > 0 && dash == code.lastIndexOf('-') && (code.endsWith("-USDT") || code.endsWith("-USD"));
    }
}
