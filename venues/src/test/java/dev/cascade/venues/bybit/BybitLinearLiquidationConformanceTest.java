package dev.cascade.venues.bybit;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** Bybit allLiquidation on linear contracts: size in coins, position side (Buy = long). */
class BybitLinearLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withoutMetadata();

    BybitLinearLiquidationConformanceTest() {
        super("SOLUSDT", "SOL-PERPETUAL", (q, p) -> q * p, Decode.RECEIVED);
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        return "{\"topic\":\"allLiquidation." + symbol + "\",\"type\":\"snapshot\",\"ts\":" + (timeMillis + 300)
                + ",\"data\":[{\"T\":" + timeMillis + ",\"s\":\"" + symbol + "\",\"S\":\""
                + (side == Side.LONG ? "Buy" : "Sell") + "\",\"v\":\"" + quantity + "\",\"p\":\"" + price + "\"}]}";
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return liquidation(symbol, Side.LONG, "1", "10", TIME_MILLIS).replace("\"v\":\"1\"", "\"v\":{\"x\":1}");
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.BYBIT_LINEAR, input);
    }
}
