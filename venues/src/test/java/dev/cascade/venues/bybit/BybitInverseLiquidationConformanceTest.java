package dev.cascade.venues.bybit;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** Bybit allLiquidation on inverse contracts: the size is already USD. */
class BybitInverseLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();
    private final BybitLinearLiquidationConformanceTest frames = new BybitLinearLiquidationConformanceTest();

    BybitInverseLiquidationConformanceTest() {
        super("BTCUSD", "BTC_USD", (q, p) -> q, Decode.RECEIVED);
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        return frames.liquidation(symbol, side, quantity, price, timeMillis);
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return frames.withQuantityOfWrongType(symbol);
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.BYBIT_INVERSE, input);
    }
}
