package dev.cascade.venues.binance;

import dev.cascade.model.Coin;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Venue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binance symbol conventions. A USDⓈ-M symbol (BTCUSDT, 1000PEPEUSDT, BTCUSDT_250926) is a linear contract of
 * one coin quoted in a USD stablecoin and can be placed from its name. A COIN-M symbol (BTCUSD_PERP,
 * BTCUSD_250926) needs exchangeInfo's contractSize and is never guessed: it is unknown until metadata says.
 */
public final class BinanceSymbols implements InstrumentRegistry.Convention {
    public static final BinanceSymbols INSTANCE = new BinanceSymbols();

    private static final Pattern USDM = Pattern.compile("([A-Z0-9]+?)(USDT|USDC|FDUSD|BUSD)(_\\d{6})?");

    private BinanceSymbols() {
    }

    @Override
    public InstrumentSpec infer(Venue venue, String symbol) {
        Matcher m = USDM.matcher(symbol);
        if (!m.matches()) {
            return null;
        }
        return InstrumentSpec.linear(Venue.BINANCE_USDM, symbol, Coin.of(m.group(1)));
    }
}
