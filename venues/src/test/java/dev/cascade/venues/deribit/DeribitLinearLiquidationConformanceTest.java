package dev.cascade.venues.deribit;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** A Deribit liquidation trade on SOL_USDC-PERPETUAL: its amount is SOL; the maker's order (M) was the liquidation. */
class DeribitLinearLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();

    DeribitLinearLiquidationConformanceTest() {
        super("SOL_USDC-PERPETUAL", "NOSUCHUSDCPERPETUAL", (q, p) -> q * p, Decode.RECEIVED);
    }

    /** A liquidated long's order sells; as the maker, the taker buys from it. */
    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        quantity = quantity.equals("NaN") ? "\"NaN\"" : quantity; // bare JSON numbers cannot spell NaN
        return "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"trades.future.any.100ms\",\"data\":"
                + "[{\"trade_seq\":40782080,\"trade_id\":\"66460626\",\"timestamp\":" + timeMillis + ",\"tick_direction\":3,"
                + "\"price\":" + price + ",\"liquidation\":\"M\",\"instrument_name\":\"" + symbol + "\",\"index_price\":4793.6,"
                + "\"direction\":\"" + (side == Side.LONG ? "buy" : "sell") + "\",\"amount\":" + quantity + "}]}}";
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
