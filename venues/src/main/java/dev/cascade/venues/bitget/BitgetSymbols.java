package dev.cascade.venues.bitget;

import dev.cascade.model.Coin;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Venue;

/** Bitget USDT-M symbols ({@code BTCUSDT}): linear in the coin before {@code USDT}; the contracts list takes precedence. */
public final class BitgetSymbols implements InstrumentRegistry.Convention {
    public static final BitgetSymbols INSTANCE = new BitgetSymbols();

    private BitgetSymbols() {
    }

    @Override
    public InstrumentSpec infer(Venue venue, String symbol) {
        return symbol.length() > 4 && symbol.endsWith("USDT") && symbol.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
                ? InstrumentSpec.linear(Venue.BITGET_USDTM, symbol, Coin.of(symbol.substring(0, symbol.length() - 4))) : null;
    }
}
