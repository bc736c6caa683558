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

    @Override
    protected String knownSymbol() {
        return "BTCUSD";
    }

    @Override
    protected String unknownSymbol() {
        return "BTC_USD";
    }

    @Override
    protected double expectedUsd(double quantity, double price) {
        return quantity;
    }

    @Override
    protected long expectedReceiveMicros() {
        return Decode.RECEIVED;
    }
}
