package dev.cascade.venues.binance;

import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** COIN-M forceOrder: quantity in contracts of exchangeInfo's contractSize USD (100 for BTC). */
class BinanceCoinmLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();
    private final BinanceUsdmLiquidationConformanceTest frames = new BinanceUsdmLiquidationConformanceTest();

    BinanceCoinmLiquidationConformanceTest() {
        super("BTCUSD_PERP", "XRPUSD_PERP", (q, p) -> q * 100, Decode.RECEIVED);
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        return frames.liquidation(symbol, side, quantity, price, timeMillis).replace("\"st\":1", "\"st\":2");
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return liquidation(symbol, Side.LONG, "1", "10", TIME_MILLIS).replace("\"z\":\"1\"", "\"z\":[1]");
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.BINANCE_COINM, input);
    }

    @Override
    protected Reject zeroQuantityReason() {
        return Reject.UNFILLED_ORDER;
    }
}
