package dev.cascade.venues.binance;

import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** USDⓈ-M forceOrder, with no metadata at all: USDⓈ-M symbols are placed by their naming convention. */
class BinanceUsdmLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withoutMetadata();

    BinanceUsdmLiquidationConformanceTest() {
        super("ETHUSDT", "ETHUSD_PERP", (q, p) -> q * p, Decode.RECEIVED);
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        return "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":" + (timeMillis + 3)
                + ",\"o\":{\"s\":\"" + symbol + "\",\"S\":\"" + (side == Side.LONG ? "SELL" : "BUY")
                + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"" + quantity + "\",\"p\":\"" + price + "\",\"ap\":\""
                + price + "\",\"X\":\"FILLED\",\"l\":\"" + quantity + "\",\"z\":\"" + quantity + "\",\"T\":"
                + timeMillis + ",\"ps\":\"" + symbol + "\",\"st\":1}}}";
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return liquidation(symbol, Side.LONG, "1", "10", TIME_MILLIS).replace("\"z\":\"1\"", "\"z\":{}");
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.BINANCE_USDM, input);
    }

    @Override
    protected Reject zeroQuantityReason() {
        return Reject.UNFILLED_ORDER;
    }
}
