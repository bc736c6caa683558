package dev.cascade.venues.htx;

import dev.cascade.model.Coin;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Venue;
import dev.cascade.venues.codec.Ascii;

/**
 * HTX swap contract codes: {@code BTC-USDT} is USDT-M (linear; its contract size differs by coin, so only the
 * contract list can place it), {@code BTC-USD} coin-M (inverse: 100 USD a contract for BTC, 10 USD for the others,
 * research/venues-next.md §3). The contract lists take precedence.
 */
public final class HtxSymbols implements InstrumentRegistry.Convention {
    public static final HtxSymbols INSTANCE = new HtxSymbols();
    private static final byte[] USDT = Ascii.bytes("-USDT");

    private HtxSymbols() {
    }

    /** The venue of a contract code: {@code -USDT} is USDT-M, anything else coin-M. Allocates nothing. */
    public static Venue venueOf(byte[] b, int off, int len) {
        return len > USDT.length && Ascii.equals(b, off + len - USDT.length, off + len, USDT) ? Venue.HTX_LINEAR : Venue.HTX_INVERSE;
    }

    @Override
    public InstrumentSpec infer(Venue venue, String code) {
        if (!code.endsWith("-USD") || code.length() < 5 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
            return null;
        }
        String coin = code.substring(0, code.length() - 4);
        return InstrumentSpec.inverse(Venue.HTX_INVERSE, code, Coin.of(coin), coin.equals("BTC") ? 100 : 10);
    }
}
