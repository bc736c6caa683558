package dev.cascade.venues.bybit;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** The retired Bybit {@code liquidation.{symbol}} topic, as old recordings hold it: one object per frame. */
class BybitRetiredLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withoutMetadata();

    BybitRetiredLiquidationConformanceTest() {
        super("XRPUSDT", "XRP/USDT", (q, p) -> q * p, Decode.RECEIVED);
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        return "{\"topic\":\"liquidation." + symbol + "\",\"type\":\"snapshot\",\"ts\":" + timeMillis
                + ",\"data\":{\"updatedTime\":" + timeMillis + ",\"symbol\":\"" + symbol + "\",\"side\":\""
                + (side == Side.LONG ? "Buy" : "Sell") + "\",\"size\":\"" + quantity + "\",\"price\":\"" + price
                + "\"}}";
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return liquidation(symbol, Side.LONG, "1", "10", TIME_MILLIS).replace("\"size\":\"1\"", "\"size\":true");
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.BYBIT_LINEAR, input);
    }
}
