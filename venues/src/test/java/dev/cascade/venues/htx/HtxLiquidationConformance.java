package dev.cascade.venues.htx;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;
import java.util.function.DoubleBinaryOperator;

/** An HTX liquidation order: direction sell liquidates a long; volume is contracts. */
abstract class HtxLiquidationConformance extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();
    private final Venue venue;

    HtxLiquidationConformance(Venue venue, String symbol, String unknownSymbol, DoubleBinaryOperator usd) {
        super(symbol, unknownSymbol, usd, Decode.RECEIVED);
        this.venue = venue;
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        quantity = quantity.equals("NaN") ? "\"NaN\"" : quantity; // bare JSON numbers cannot spell NaN
        return "{\"op\":\"notify\",\"topic\":\"public." + symbol + ".liquidation_orders\",\"ts\":" + timeMillis + ",\"data\":[{"
                + "\"symbol\":\"BTC\",\"contract_code\":\"" + symbol + "\",\"direction\":\"" + (side == Side.LONG ? "sell" : "buy")
                + "\",\"offset\":\"close\",\"volume\":" + quantity + ",\"price\":" + price + ",\"created_at\":" + timeMillis + "}]}";
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return liquidation(symbol, Side.LONG, "{}", "10", TIME_MILLIS);
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, venue, input);
    }
}
