package dev.cascade.venues.bybit;

import dev.cascade.model.Coin;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Venue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bybit symbol conventions, which fix the contract without metadata: linear contracts are one coin
 * (BTCUSDT, BTCPERP for USDC perpetuals, BTCUSDT-26DEC25 and BTC-26DEC25 futures), inverse contracts are one
 * USD (BTCUSD, BTCUSDH26 quarterlies). instruments-info, when loaded, takes precedence.
 */
public final class BybitSymbols implements InstrumentRegistry.Convention {
    public static final BybitSymbols INSTANCE = new BybitSymbols();

    private static final Pattern LINEAR_QUOTED = Pattern.compile("([A-Z0-9]+?)(USDT|USDC)(-\\d{2}[A-Z]{3}\\d{2})?");
    private static final Pattern LINEAR_USDC = Pattern.compile("([A-Z0-9]+?)(PERP|-\\d{2}[A-Z]{3}\\d{2})");
    private static final Pattern INVERSE = Pattern.compile("([A-Z0-9]+?)USD([FGHJKMNQUVXZ]\\d{2})?");

    private BybitSymbols() {
    }

    @Override
    public InstrumentSpec infer(Venue venue, String symbol) {
        Matcher m = LINEAR_QUOTED.matcher(symbol);
        if (m.matches()) {
            return InstrumentSpec.linear(Venue.BYBIT_LINEAR, symbol, Coin.of(m.group(1)));
        }
        m = INVERSE.matcher(symbol);
        if (m.matches()) {
            return InstrumentSpec.inverse(Venue.BYBIT_INVERSE, symbol, Coin.of(m.group(1)), 1.0);
        }
        m = LINEAR_USDC.matcher(symbol);
        if (m.matches()) {
            return InstrumentSpec.linear(Venue.BYBIT_LINEAR, symbol, Coin.of(m.group(1)));
        }
        return null;
    }
}
