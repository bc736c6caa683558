package dev.cascade.venues.binance.vision;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.venues.Decode;
import dev.cascade.venues.LiquidationConformance;

/**
 * data.binance.vision liquidationSnapshot rows. The symbol of such a file is in its name, not its rows, so
 * this suite's inputs are "SYMBOL|row" and each one gets a decoder for its symbol.
 */
class VisionLiquidationConformanceTest extends LiquidationConformance {
    private final InstrumentRegistry instruments = Decode.withMetadata().instruments();

    VisionLiquidationConformanceTest() {
        super("BTCUSDT", "ADAUSD_PERP", (q, p) -> q * p, Micros.ofMillis(TIME_MILLIS));
    }

    @Override
    protected String liquidation(String symbol, Side side, String quantity, String price, long timeMillis) {
        return symbol + "|" + timeMillis + "," + (side == Side.LONG ? "SELL" : "BUY") + ",LIMIT,IOC," + quantity + ","
                + price + "," + price + ",FILLED," + quantity + "," + quantity;
    }

    @Override
    protected Decode.Result decode(String input) {
        int bar = input.indexOf('|');
        String symbol = bar < 0 ? "BTCUSDT" : input.substring(0, bar);
        return Decode.rows(VisionKind.LIQUIDATION_SNAPSHOT.decoder(instruments, symbol), input.substring(bar + 1));
    }

    @Override
    protected Reject zeroQuantityReason() {
        return Reject.UNFILLED_ORDER;
    }
}
