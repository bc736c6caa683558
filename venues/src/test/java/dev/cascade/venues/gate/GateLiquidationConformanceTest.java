package dev.cascade.venues.gate;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** A Gate liquidation on BTC_USDT (0.0001 BTC a contract): the order's signed size, negative for a long. */
class GateLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();

    GateLiquidationConformanceTest() {
        super("BTC_USDT", "NOSUCH_USDT", (q, p) -> q * 0.0001 * p, Decode.RECEIVED);
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        String size = quantity.equals("{}") ? quantity : "\"" + (side == Side.LONG ? "-" : "") + quantity + "\"";
        return "{\"channel\":\"futures.public_liquidates\",\"event\":\"update\",\"time\":" + timeMillis / 1000 + ",\"time_ms\":"
                + timeMillis + ",\"result\":[{\"price\":\"" + price + "\",\"size\":" + size + ",\"time\":" + timeMillis
                + ",\"contract\":\"" + symbol + "\"}]}";
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return liquidation(symbol, Side.LONG, "{}", "10", TIME_MILLIS);
    }

    @Override
    protected boolean isSideTheQuantitysSign() {
        return true;
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.GATE_LINEAR, input);
    }
}
