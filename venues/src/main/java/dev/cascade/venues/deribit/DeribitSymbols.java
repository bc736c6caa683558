package dev.cascade.venues.deribit;

import dev.cascade.model.Coin;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Venue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deribit instrument names, which fix the unit without metadata: {@code BTC-PERPETUAL} and {@code BTC-27JUN25}
 * are inverse (amounts in USD), {@code SOL_USDC-PERPETUAL} linear (amounts in coins). get_instruments, when
 * loaded, takes precedence.
 */
public final class DeribitSymbols implements InstrumentRegistry.Convention {
    public static final DeribitSymbols INSTANCE = new DeribitSymbols();

    private static final Pattern INVERSE = Pattern.compile("([A-Z0-9]+)-(PERPETUAL|\\d{1,2}[A-Z]{3}\\d{2})");
    private static final Pattern LINEAR = Pattern.compile("([A-Z0-9]+)_(USDC|USDT)-(PERPETUAL|\\d{1,2}[A-Z]{3}\\d{2})");

    private DeribitSymbols() {
    }

    @Override
    public InstrumentSpec infer(Venue venue, String symbol) {
        Matcher m = INVERSE.matcher(symbol);
        if (m.matches()) {
            return InstrumentSpec.inverse(Venue.DERIBIT, symbol, Coin.of(m.group(1)), 1.0);
        }
        m = LINEAR.matcher(symbol);
        if (m.matches()) {
            return InstrumentSpec.linear(Venue.DERIBIT, symbol, Coin.of(m.group(1)));
        }
        return null;
    }
}
