package dev.cascade.venues.bitget;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/**
 * A Bitget liquidation on BTCUSDT: {@code side} is the position's; {@code amount} is USDT, which the decoder
 * turns into coins at the price, so the suite's quantity is written as its USDT value at the suite's price.
 */
class BitgetLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();

    BitgetLiquidationConformanceTest() {
        super("BTCUSDT", "NOSUCH", (q, p) -> q * p, Decode.RECEIVED);
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        String amount;
        try {
            amount = Double.toString(Double.parseDouble(quantity) * Double.parseDouble(price));
        } catch (NumberFormatException e) {
            amount = quantity; // a broken quantity stays broken
        }
        return "{\"data\":[{\"symbol\":\"" + symbol + "\",\"side\":\"" + (side == Side.LONG ? "buy" : "sell") + "\",\"price\":\""
                + price + "\",\"amount\":\"" + amount + "\",\"ts\":\"" + timeMillis + "\"}],\"arg\":{\"instType\":\"usdt-futures\","
                + "\"topic\":\"liquidation\"},\"action\":\"update\",\"ts\":" + timeMillis + "}";
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return liquidation(symbol, Side.LONG, "1", "10", TIME_MILLIS).replace("\"amount\":\"10.0\"", "\"amount\":{}");
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.BITGET_USDTM, input);
    }
}
