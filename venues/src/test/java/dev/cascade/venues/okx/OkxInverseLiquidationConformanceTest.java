package dev.cascade.venues.okx;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** OKX liquidation-orders on an inverse swap in hedge mode (posSide names the position): sz x ctVal 100 USD. */
class OkxInverseLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();
    private final OkxLinearLiquidationConformanceTest frames = new OkxLinearLiquidationConformanceTest();

    OkxInverseLiquidationConformanceTest() {
        super("BTC-USD-SWAP", "NOSUCH-USD-SWAP", (q, p) -> q * 100, Decode.RECEIVED);
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        // hedge mode: posSide says which position; side is the forced order's (the opposite)
        return frames.liquidation(symbol, side, quantity, price, timeMillis)
                .replace("\"posSide\":\"net\"", "\"posSide\":\"" + (side == Side.LONG ? "long" : "short") + "\"");
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return frames.withQuantityOfWrongType(symbol);
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.OKX_SWAP, input);
    }
}
