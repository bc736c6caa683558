package dev.cascade.venues.gate;

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
 * Gate {@code GET /api/v4/futures/usdt/contracts}: USDT-settled ({@code type: direct}) contracts of
 * {@code quanto_multiplier} coins. Contract sizes differ by contract, so there is no symbol convention: a contract
 * the list did not name is an unknown instrument.
 *
 * <pre>
 * [{"name":"BTC_USDT","type":"direct","quanto_multiplier":"0.0001","mark_price":"103010.5",
 *   "funding_rate":"0.0001","in_delisting":false, ...}]
 * </pre>
 */
public final class GateContractsDecoder implements MetadataDecoder {
    @Override
    public List<InstrumentSpec> decode(JsonNode root) throws IOException {
        if (!root.isArray()) {
            throw new IOException("Gate futures contracts that are not an array");
        }
        List<InstrumentSpec> specs = new ArrayList<>();
        for (JsonNode c : root) {
            String name = c.path("name").asText("");
            double size = c.path("quanto_multiplier").asDouble(Double.NaN);
            if (!name.endsWith("_USDT") || name.length() < 6 || !c.path("type").asText("direct").equals("direct")
                    || !(size > 0) || Double.isInfinite(size)) {
                continue;
            }
            Coin coin = Coin.of(name.substring(0, name.length() - 5));
            specs.add(new InstrumentSpec(Venue.GATE_LINEAR, name, coin, ContractType.LINEAR, size, coin.name(), true));
        }
        return specs;
    }

    @Override
    public List<String> perpetuals(JsonNode root) {
        List<String> names = new ArrayList<>();
        for (JsonNode c : root) {
            if (c.path("name").asText("").endsWith("_USDT") && !c.path("in_delisting").asBoolean(false)) {
                names.add(c.path("name").asText());
            }
        }
        return names;
    }
}
