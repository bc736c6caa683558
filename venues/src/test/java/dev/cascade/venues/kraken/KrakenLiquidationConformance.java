package dev.cascade.venues.kraken;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** A Kraken Futures liquidation fill: the taker's side sells when a long is liquidated. */
abstract class KrakenLiquidationConformance extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();

    KrakenLiquidationConformance(String symbol, java.util.function.DoubleBinaryOperator usd) {
        super(symbol, "PI_NOSUCHUSD", usd, Decode.RECEIVED);
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        quantity = quantity.equals("NaN") ? "\"NaN\"" : quantity; // bare JSON numbers cannot spell NaN
        return "{\"feed\":\"trade\",\"product_id\":\"" + symbol + "\",\"uid\":\"3ee209b8-bc9f-4ed5-965b-8c6208b26411\","
                + "\"side\":\"" + (side == Side.LONG ? "sell" : "buy") + "\",\"type\":\"liquidation\",\"seq\":41799,"
                + "\"time\":" + timeMillis + ",\"qty\":" + quantity + ",\"price\":" + price + "}";
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return liquidation(symbol, Side.LONG, "{}", "10", TIME_MILLIS);
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.KRAKEN_FUTURES, input);
    }
}
