package dev.cascade.venues.okx;

import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;
import dev.cascade.venues.VenueDecoders;

/** OKX liquidation-orders on a linear swap in net mode: sz contracts x ctVal 0.01 BTC x bkPx. */
class OkxLinearLiquidationConformanceTest extends LiquidationConformance {
    private final VenueDecoders decoders = Decode.withMetadata();

    OkxLinearLiquidationConformanceTest() {
        super("BTC-USDT-SWAP", "NOSUCH-USD-SWAP", (q, p) -> q * 0.01 * p, Decode.RECEIVED);
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        return "{\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},\"data\":[{\"details\":[{"
                + "\"bkLoss\":\"0\",\"bkPx\":\"" + price + "\",\"ccy\":\"\",\"posSide\":\"net\",\"side\":\""
                + (side == Side.LONG ? "sell" : "buy") + "\",\"sz\":\"" + quantity + "\",\"ts\":\"" + timeMillis
                + "\"}],\"instFamily\":\"BTC-USDT\",\"instId\":\"" + symbol
                + "\",\"instType\":\"SWAP\",\"uly\":\"BTC-USDT\"}]}";
    }

    @Override
    protected String withQuantityOfWrongType(String symbol) {
        return liquidation(symbol, Side.LONG, "1", "10", TIME_MILLIS).replace("\"sz\":\"1\"", "\"sz\":{}");
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.frame(decoders, Venue.OKX_SWAP, input);
    }
}
