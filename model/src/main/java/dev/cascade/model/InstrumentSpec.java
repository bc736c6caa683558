package dev.cascade.model;

import java.util.Objects;

/**
 * What a venue says about an instrument: the facts needed to turn its native quantities into coins and USD.
 * Produced by the venues' metadata parsers (exchangeInfo, instruments-info, instruments) or, where a venue's
 * symbol convention leaves no doubt, inferred from the symbol.
 *
 * @param venue            the feed the instrument trades on
 * @param symbol           the venue's symbol exactly as its frames spell it
 * @param coin             the base asset
 * @param type             linear (contracts of the coin) or inverse (contracts of USD)
 * @param contractSize     size of one contract, in {@code contractCurrency}
 * @param contractCurrency the coin's name for linear, "USD" for inverse
 * @param isUsdQuoted      whether prices are in USD or a USD stablecoin; false (e.g. ETHBTC) means no USD value
 */
public record InstrumentSpec(
        Venue venue,
        String symbol,
        Coin coin,
        ContractType type,
        double contractSize,
        String contractCurrency,
        boolean isUsdQuoted) {

    public InstrumentSpec {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(type, "type");
        if (!(contractSize > 0) || Double.isInfinite(contractSize)) {
            throw new IllegalArgumentException("contract size must be positive: " + contractSize + " for " + symbol);
        }
    }

    /** A linear instrument whose contract is one coin and whose price is in a USD stablecoin. */
    public static InstrumentSpec linear(Venue venue, String symbol, Coin coin) {
        return new InstrumentSpec(venue, symbol, coin, ContractType.LINEAR, 1.0, coin.name(), true);
    }

    /** An inverse instrument whose contract is {@code usdPerContract} USD. */
    public static InstrumentSpec inverse(Venue venue, String symbol, Coin coin, double usdPerContract) {
        return new InstrumentSpec(venue, symbol, coin, ContractType.INVERSE, usdPerContract, "USD", true);
    }
}
