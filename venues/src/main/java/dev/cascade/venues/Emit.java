package dev.cascade.venues;

import dev.cascade.model.Checks;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;

/**
 * The last step every decoder shares: make prices per coin, validate what was read (the same rules for every
 * venue, from {@link Checks}) and hand the reused event to the listener, or report why not.
 */
public final class Emit {
    private Emit() {
    }

    /** Emits a liquidation, or rejects it; returns whether it was emitted. */
    public static boolean liquidation(Liquidation event, Instrument instrument, Side side, double quantity,
                                      double quotedPrice, long exchangeMicros, long receiveMicros, MarketListener out) {
        double price = unitPrice(instrument, quotedPrice);
        Reject r = check(instrument, quantity, price, exchangeMicros, receiveMicros);
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
        price = unitPrice(instrument, price);
        Reject r = check(instrument, quantity, price, exchangeMicros, receiveMicros);
        if (r != null) {
            out.onReject(r);
            return false;
        }
        out.onTrade(event.set(instrument, side, quantity, price, id, firstId, exchangeMicros,
                FrameDecoder.receiveOr(receiveMicros, exchangeMicros)));
        return true;
    }

    /** Emits a mark price (index price NaN when not sent), or rejects it; returns whether it was emitted. */
    public static boolean markPrice(MarkPrice event, Instrument instrument, double markPrice, double indexPrice,
                                    long exchangeMicros, long receiveMicros, MarketListener out) {
        markPrice = instrument.unitPrice(markPrice);
        indexPrice = instrument.unitPrice(indexPrice);
        Reject r = Checks.price(markPrice);
        if (r == null && !Double.isNaN(indexPrice)) {
            r = Checks.price(indexPrice);
        }
        if (r == null) {
            r = Checks.time(exchangeMicros, receiveMicros);
        }
        if (r != null) {
            out.onReject(r);
            return false;
        }
        out.onMarkPrice(event.set(instrument, markPrice, indexPrice, exchangeMicros,
                FrameDecoder.receiveOr(receiveMicros, exchangeMicros)));
        return true;
    }

    /** Emits a funding rate (next funding time 0 when unknown or implausible), or rejects it. */
    public static boolean fundingRate(FundingRate event, Instrument instrument, double rate, long nextFundingMicros,
                                      long exchangeMicros, long receiveMicros, MarketListener out) {
        Reject r = Checks.fundingRate(rate);
        if (r == null) {
            r = Checks.time(exchangeMicros, receiveMicros);
        }
        if (r != null) {
            out.onReject(r);
            return false;
        }
        long next = Micros.isPlausible(nextFundingMicros) ? nextFundingMicros : 0;
        out.onFundingRate(event.set(instrument, rate, next, exchangeMicros,
                FrameDecoder.receiveOr(receiveMicros, exchangeMicros)));
        return true;
    }

    /** Emits an open interest (USD NaN when unknown), or rejects it; returns whether it was emitted. */
    public static boolean openInterest(OpenInterest event, Instrument instrument, double contracts, double usd,
                                       long exchangeMicros, long receiveMicros, MarketListener out) {
        Reject r = Checks.openInterest(contracts, usd);
        if (r == null) {
            r = Checks.time(exchangeMicros, receiveMicros);
        }
        if (r != null) {
            out.onReject(r);
            return false;
        }
        out.onOpenInterest(event.set(instrument, contracts, usd, exchangeMicros,
                FrameDecoder.receiveOr(receiveMicros, exchangeMicros)));
        return true;
    }

    /** Prices leave the decoders per coin ({@link Instrument#unitPrice}): 1000PEPEUSDT's quote over 1,000. */
    private static double unitPrice(Instrument instrument, double quoted) {
        return instrument == null ? quoted : instrument.unitPrice(quoted);
    }

    private static Reject check(Instrument instrument, double quantity, double price, long exchangeMicros,
                                long receiveMicros) {
        if (instrument == null) {
            return Reject.UNKNOWN_INSTRUMENT;
        }
        Reject r = Checks.sizeAndPrice(quantity, price);
        if (r == null) {
            r = Checks.time(exchangeMicros, receiveMicros);
        }
        if (r == null) {
            r = Checks.usdValued(instrument);
        }
        if (r == null) {
            r = Checks.orderUsd(instrument.notionalUsd(quantity, price));
        }
        return r;
    }

    /** Milliseconds to microseconds, keeping the "not a number" sentinel so that the time check rejects it. */
    public static long millis(long millis) {
        return millis == dev.cascade.venues.codec.Ascii.NOT_A_LONG ? Long.MIN_VALUE : Micros.ofMillis(millis);
    }
}
