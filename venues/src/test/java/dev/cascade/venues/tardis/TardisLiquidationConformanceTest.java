package dev.cascade.venues.tardis;

import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;

/** Tardis CSV liquidations: µs times, Tardis's receive time, side = forced order's (sell = long). */
class TardisLiquidationConformanceTest extends LiquidationConformance {
    private final TardisTradesDecoder decoder = TardisTradesDecoder.liquidations(Decode.withMetadata().instruments());

    TardisLiquidationConformanceTest() {
        super("ETHUSD_PERP", "DOTUSD_PERP", (q, p) -> q * 10, Micros.ofMillis(TIME_MILLIS) + 5123);
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        return "binance-delivery," + symbol + "," + Micros.ofMillis(timeMillis) + "," + (Micros.ofMillis(timeMillis) + 5123)
                + ",," + (side == Side.LONG ? "sell" : "buy") + "," + price + "," + quantity;
    }

    @Override
    protected Decode.Result decode(String input) {
        return Decode.rows(decoder, input);
    }
}
