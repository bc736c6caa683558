package dev.cascade.venues.bitfinex;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** A Bitfinex liq:global trigger row on the BTC perpetual: the amount's sign is the position's side, coins. */
class BitfinexLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();

    BitfinexLiquidationConformanceTest() {
        super("tBTCF0:USTF0", "tNOSUCHF0:NOSUCHF0", (q, p) -> q * p, Decode.RECEIVED);
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        String amount = quantity.equals("NaN") ? "\"NaN\"" : side == Side.LONG ? quantity : "-" + quantity;
        return "[91684,[[\"pos\",142397657," + timeMillis + ",null,\"" + symbol + "\"," + amount + ",91.5,null,0,1,null," + price + "]]]";
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
        return Decode.frame(decoders, Venue.BITFINEX, input);
    }
}
