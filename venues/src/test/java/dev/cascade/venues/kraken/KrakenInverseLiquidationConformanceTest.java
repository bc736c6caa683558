package dev.cascade.venues.kraken;

/** On PI_XBTUSD, an inverse perpetual: qty is USD. */
class KrakenInverseLiquidationConformanceTest extends KrakenLiquidationConformance {
    KrakenInverseLiquidationConformanceTest() {
        super("PI_XBTUSD", (q, p) -> q);
    }
}
