package dev.cascade.venues.okx;

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
 * OKX {@code /api/v5/public/instruments?instType=SWAP}.
 *
 * <pre>
 * {"code":"0","msg":"",
 *  "data":[{"instId":"BTC-USDT-SWAP","instType":"SWAP","ctType":"linear",
 *           "ctVal":"0.01","ctMult":"1","ctValCcy":"BTC",        one contract = ctVal x ctMult ctValCcy
 *           "settleCcy":"USDT","uly":"BTC-USDT", ...},
 *          {"instId":"BTC-USD-SWAP","ctType":"inverse","ctVal":"100","ctValCcy":"USD","settleCcy":"BTC", ...}]}
 * </pre>
 * Only SWAP instruments are kept: they are the okx-swap venue.
 */
public final class OkxInstrumentsDecoder implements MetadataDecoder {
    private static final Set<String> USD_QUOTES = Set.of("USD", "USDT", "USDC");

    @Override
    public List<InstrumentSpec> decode(JsonNode root) throws IOException {
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            throw new IOException("instruments without a data array");
        }
        List<InstrumentSpec> specs = new ArrayList<>();
        for (JsonNode i : data) {
            String instId = i.path("instId").asText("");
            if (!i.path("instType").asText("SWAP").equals("SWAP") || instId.isEmpty()) {
                continue;
            }
            String[] parts = instId.split("-");
            String underlying = i.path("uly").asText(i.path("instFamily").asText(""));
            String quote = underlying.contains("-") ? underlying.substring(underlying.indexOf('-') + 1)
                    : parts.length > 1 ? parts[1] : "";
            double size = i.path("ctVal").asDouble(0) * i.path("ctMult").asDouble(1);
            if (!(size > 0)) {
                continue;
            }
            Coin coin = Coin.of(parts[0]);
            boolean isInverse = i.path("ctType").asText("").equals("inverse");
            specs.add(new InstrumentSpec(Venue.OKX_SWAP, instId, coin,
                    isInverse ? ContractType.INVERSE : ContractType.LINEAR, size,
                    isInverse ? "USD" : i.path("ctValCcy").asText(coin.name()), USD_QUOTES.contains(quote)));
        }
        return specs;
    }

    @Override
    public List<String> perpetuals(JsonNode root) {
        List<String> ids = new ArrayList<>();
        for (JsonNode i : root.path("data")) {
            if (i.path("instType").asText("SWAP").equals("SWAP") && i.path("state").asText("live").equals("live")) {
                ids.add(i.path("instId").asText());
            }
        }
        return ids;
    }
}
