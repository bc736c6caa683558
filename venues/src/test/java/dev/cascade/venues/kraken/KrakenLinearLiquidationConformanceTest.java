package dev.cascade.venues.kraken;

/** On PF_XBTUSD, a multi-collateral linear perpetual: qty is BTC, valued at the fill price. */
class KrakenLinearLiquidationConformanceTest extends KrakenLiquidationConformance {
    KrakenLinearLiquidationConformanceTest() {
        super("PF_XBTUSD", (q, p) -> q * p);
    }
}
