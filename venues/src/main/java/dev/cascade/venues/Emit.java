package dev.cascade.venues;

import dev.cascade.model.Checks;
import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;

/**
 * The last step every decoder shares: validate what was read (the same rules for every venue, from
 * {@link Checks}) and hand the reused event to the listener, or report why not.
 */
public final class Emit {
    private Emit() {
    }

    /** Emits a liquidation, or rejects it; returns whether it was emitted. */
    public static boolean liquidation(Liquidation event, Instrument instrument, Side side, double quantity,
                                      double price, long exchangeMicros, long receiveMicros, MarketListener out) {
        Reject r = check(instrument, quantity, price, exchangeMicros);
        if (r != null) {
            out.onReject(r);
            return false;
        }
        out.onLiquidation(event.set(instrument, side, quantity, price, exchangeMicros,
                FrameDecoder.receiveOr(receiveMicros, exchangeMicros)));
        return true;
    }

    /** Emits a trade, or rejects it; returns whether it was emitted. */
    public static boolean trade(Trade event, Instrument instrument, TakerSide side, double quantity, double price,
                                long id, long exchangeMicros, long receiveMicros, MarketListener out) {
        return trade(event, instrument, side, quantity, price, id, id, exchangeMicros, receiveMicros, out);
    }

    /** As above, for an event that covers the venue's trade ids {@code firstId..id}. */
    public static boolean trade(Trade event, Instrument instrument, TakerSide side, double quantity, double price,
                                long id, long firstId, long exchangeMicros, long receiveMicros, MarketListener out) {
        Reject r = check(instrument, quantity, price, exchangeMicros);
        if (r != null) {
            out.onReject(r);
            return false;
        }
        out.onTrade(event.set(instrument, side, quantity, price, id, firstId, exchangeMicros,
                FrameDecoder.receiveOr(receiveMicros, exchangeMicros)));
        return true;
    }

    private static Reject check(Instrument instrument, double quantity, double price, long exchangeMicros) {
        if (instrument == null) {
            return Reject.UNKNOWN_INSTRUMENT;
        }
        Reject r = Checks.sizeAndPrice(quantity, price);
        if (r == null) {
            r = Checks.time(exchangeMicros);
        }
        if (r == null) {
            r = Checks.usdValued(instrument);
        }
        return r;
    }

    /** Milliseconds to microseconds, keeping the "not a number" sentinel so that the time check rejects it. */
    public static long millis(long millis) {
        return millis == dev.cascade.venues.codec.Ascii.NOT_A_LONG ? Long.MIN_VALUE : Micros.ofMillis(millis);
    }
}
