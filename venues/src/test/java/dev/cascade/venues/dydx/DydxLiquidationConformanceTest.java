package dev.cascade.venues.dydx;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;
import java.time.Instant;

/** A dYdX v4 LIQUIDATED trade on BTC-USD: size in BTC, USD at the fill price; the taker sells a liquidated long. */
class DydxLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();

    DydxLiquidationConformanceTest() {
        super("BTC-USD", "NOSUCH-USD", (q, p) -> q * p, Decode.RECEIVED);
    }

    /** The time is ISO-8601; a time in the wrong unit is written as the year it would mean. */
    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        String time = timeMillis > 100_000_000_000L ? Instant.ofEpochMilli(timeMillis).toString() : "1970-01-21T05:52:12.000Z";
        return "{\"type\":\"channel_data\",\"connection_id\":\"3a2e4c0c-7579-4bf6-a570-e0979418bbe9\",\"message_id\":424,"
                + "\"id\":\"" + symbol + "\",\"channel\":\"v4_trades\",\"version\":\"2.1.0\",\"contents\":{\"trades\":[{"
                + "\"id\":\"014f495a0000000200000005\",\"side\":\"" + (side == Side.LONG ? "SELL" : "BUY") + "\",\"size\":\""
                + quantity + "\",\"price\":\"" + price + "\",\"type\":\"LIQUIDATED\",\"createdAt\":\"" + time + "\"}]}}";
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return liquidation(symbol, Side.LONG, "1", "10", TIME_MILLIS).replace("\"size\":\"1\"", "\"size\":{}");
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.DYDX, input);
    }
}
