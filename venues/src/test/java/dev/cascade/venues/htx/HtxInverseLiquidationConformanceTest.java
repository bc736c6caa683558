package dev.cascade.venues.htx;

import dev.cascade.model.Venue;

/** Coin-M: BTC-USD contracts of 100 USD, whatever the price. */
class HtxInverseLiquidationConformanceTest extends HtxLiquidationConformance {
    HtxInverseLiquidationConformanceTest() {
        super(Venue.HTX_INVERSE, "BTC-USD", "NOSUCH", (q, p) -> q * 100);
    }
}
