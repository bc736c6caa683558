package dev.cascade.venues.bitfinex;

import dev.cascade.model.Coin;
import dev.cascade.model.ContractType;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Venue;
import dev.cascade.venues.codec.Ascii;

/**
 * Bitfinex derivative symbols: {@code tBTCF0:USTF0} is the BTC perpetual margined and quoted in USDt (amounts in
 * coins, so linear with a contract of one coin); {@code tBTCF0:EUTF0} is quoted in EURt (no USD value); other
 * margin currencies are not placed. Symbols
 * without {@code F0:} are margin pairs ({@code tBSVUSD}), which the derivatives venue does not count.
 */
public final class BitfinexSymbols implements InstrumentRegistry.Convention {
    public static final BitfinexSymbols INSTANCE = new BitfinexSymbols();
    private static final byte[] PERPETUAL = Ascii.bytes("F0:");

    private BitfinexSymbols() {
    }

    /** Whether a symbol is a derivative ({@code F0:} in it); allocates nothing. */
    public static boolean isDerivative(byte[] b, int off, int len) {
        for (int i = off; i + PERPETUAL.length <= off + len; i++) {
            if (Ascii.equals(b, i, i + PERPETUAL.length, PERPETUAL)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public InstrumentSpec infer(Venue venue, String symbol) {
        int f0 = symbol.indexOf("F0:");
        if (!symbol.startsWith("t") || f0 < 2 || !symbol.endsWith("F0") || !symbol.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ':')) {
            return null;
        }
        boolean isUsd = symbol.endsWith(":USTF0");
        if (!isUsd && !symbol.endsWith(":EUTF0")) {
            return null; // a margin currency not known here: the derivatives status list would have to say
        }
        Coin coin = Coin.of(symbol.substring(1, f0));
        return new InstrumentSpec(Venue.BITFINEX, symbol, coin, ContractType.LINEAR, 1.0, coin.name(), isUsd);
    }
}
