package dev.cascade.venues.deribit;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** A Deribit liquidation trade on BTC-PERPETUAL: its amount is USD; the taker's order (T) was the liquidation. */
class DeribitInverseLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();

    DeribitInverseLiquidationConformanceTest() {
        super("BTC-PERPETUAL", "NOSUCHPERPETUAL", (q, p) -> q, Decode.RECEIVED);
    }

    /** A liquidated long's order sells; as the taker, the trade's direction is that sell. */
    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        quantity = quantity.equals("NaN") ? "\"NaN\"" : quantity; // bare JSON numbers cannot spell NaN
        return "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"trades.future.any.100ms\",\"data\":"
                + "[{\"trade_seq\":40782080,\"trade_id\":\"66460626\",\"timestamp\":" + timeMillis + ",\"tick_direction\":3,"
                + "\"price\":" + price + ",\"liquidation\":\"T\",\"instrument_name\":\"" + symbol + "\",\"index_price\":4793.6,"
                + "\"direction\":\"" + (side == Side.LONG ? "sell" : "buy") + "\",\"amount\":" + quantity + "}]}}";
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return liquidation(symbol, Side.LONG, "{}", "10", TIME_MILLIS);
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.DERIBIT, input);
    }
}
