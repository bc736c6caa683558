package dev.cascade.sim;

import dev.cascade.model.Venue;

/**
 * An instrument the simulator trades: its venue and symbol, its coin, its contract (linear contracts of
 * {@code contractSize} coins, or inverse contracts of {@code contractSize} USD) and its starting price.
 */
public record SimInstrument(Venue venue, String symbol, String coin, boolean isInverse, double contractSize,
                            double startPrice) {

    /**
     * Contracts for a USD amount at a price (rounded to the venue's lot: whole contracts, or 0.001 of a
     * contract of a coin-sized contract; contracts of a millionth of a coin, as BitMEX's, are whole).
     */
    public double contracts(double usd, double price) {
        double c = isInverse ? usd / contractSize : usd / (contractSize * price);
        double lot = isInverse || contractSize > 1 || contractSize < 0.001 ? 1 : 0.001;
        return Math.max(lot, Math.round(c / lot) * lot);
    }

    /** The USD value of contracts at a price (the same rule Cascade's model applies). */
    public double usd(double contracts, double price) {
        return isInverse ? contracts * contractSize : contracts * contractSize * price;
    }
}
