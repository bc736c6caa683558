package dev.cascade.venues.htx;

import dev.cascade.model.Venue;

/** USDT-M: BTC-USDT contracts of 0.001 BTC, valued at the bankruptcy price. */
class HtxLinearLiquidationConformanceTest extends HtxLiquidationConformance {
    HtxLinearLiquidationConformanceTest() {
        super(Venue.HTX_LINEAR, "BTC-USDT", "NOSUCH-USDT", (q, p) -> q * 0.001 * p);
    }
}
