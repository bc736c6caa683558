package dev.cascade.venues.bitmex;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** BitMEX liquidation inserts on XBTUSD, an inverse perpetual of 1 USD a contract; no time in the table. */
class BitmexLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();

    BitmexLiquidationConformanceTest() {
        super("XBTUSD", "NOSUCHUSD", (q, p) -> q, Decode.RECEIVED);
    }

    @Override
    protected boolean hasExchangeTime() {
        return false;
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        // BitMEX sends bare JSON numbers, where NaN cannot be written: it can only arrive as a string
        quantity = quantity.equals("NaN") ? "\"NaN\"" : quantity;
        return "{\"table\":\"liquidation\",\"action\":\"insert\",\"data\":[{\"orderID\":\"dd9cea25-207c-0dab-15b5-b88da776f500\","
                + "\"symbol\":\"" + symbol + "\",\"side\":\"" + (side == Side.LONG ? "Sell" : "Buy") + "\",\"price\":" + price
                + ",\"leavesQty\":" + quantity + "}]}";
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return liquidation(symbol, Side.LONG, "{}", "10", TIME_MILLIS);
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.BITMEX, input);
    }
}
