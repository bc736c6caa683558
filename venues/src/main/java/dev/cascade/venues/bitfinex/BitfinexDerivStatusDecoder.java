package dev.cascade.venues.bitfinex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Venue;
import dev.cascade.venues.MetadataDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bitfinex {@code GET /v2/status/deriv?keys=ALL}, read for its keys only: the derivatives listed (the other
 * fields, mark, funding and open interest, are not among the verified formats). Each key is placed by
 * {@link BitfinexSymbols}.
 *
 * <pre>
 * [["tBTCF0:USTF0",1749132000000,null,103010.5,103000.1, ...],
 *  ["tETHF0:USTF0",1749132000000,null,2480.2,2480.0, ...]]
 * </pre>
 */
public final class BitfinexDerivStatusDecoder implements MetadataDecoder {
    @Override
    public List<InstrumentSpec> decode(JsonNode root) throws IOException {
        if (!root.isArray()) {
            throw new IOException("Bitfinex derivatives status that is not an array");
        }
        List<InstrumentSpec> specs = new ArrayList<>();
        for (String key : perpetuals(root)) {
            InstrumentSpec spec = BitfinexSymbols.INSTANCE.infer(Venue.BITFINEX, key);
            if (spec != null) {
                specs.add(spec);
            }
        }
        return specs;
    }

    @Override
    public List<String> perpetuals(JsonNode root) {
        List<String> keys = new ArrayList<>();
        for (JsonNode row : root) {
            String key = row.path(0).asText("");
            if (key.contains("F0:")) {
                keys.add(key);
            }
        }
        return keys;
    }
}
