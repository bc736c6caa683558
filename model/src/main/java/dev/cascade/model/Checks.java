package dev.cascade.model;

/**
 * The plausibility rules for every value that enters Cascade, one method per field kind, so that all venues
 * reject the same bad values for the same reason and nothing implausible reaches an aggregator or the store.
 *
 * <p>A value must be finite, positive where the field is, and within a magnitude that no market reaches. The
 * bounds are generous on purpose: a price is never rejected for moving (a 90 % flash crash is the news), only
 * for being a number no instrument has ever had; a wild but possible print is the analytics' to bound.
 *
 * <pre>
 * kind                 rule                                      reason when broken
 * price (USD a coin)   1e-12 .. 1e9                              not-a-number, non-positive-price, implausible-price
 * quantity (order)     &gt; 0 .. 1e15 contracts or coins            not-a-number, non-positive-size, implausible-size
 * order USD value      .. 1e10 ($10B: no single order is larger)  implausible-value
 * open interest        0 .. 1e16 contracts, USD 0 .. 1e13          not-a-number, non-positive-size, implausible-value
 * funding rate         -1 .. 1 a funding interval (venues cap     not-a-number, implausible-funding
 *                      it at a few percent)
 * candle USD volume    0 .. 1e13                                 implausible-value
 * event time           2010 .. 2100, and at most 15 min after    bad-timestamp, implausible-time
 *                      the input's own clock
 * </pre>
 *
 * <p>Headroom of the sums: the totals add order USD values in doubles and print them as cents in a long.
 * At $1e10 an order, 9.2 million orders at the bound would be needed to reach a long's 9.2e16 dollars of
 * cents; a year of every venue's liquidations is of the order of 1e11 dollars, five orders of magnitude
 * below (and past a long, the JSON writer falls back to an exact decimal rather than saturate).
 */
public final class Checks {
    /** Lowest plausible price, USD a coin (the cheapest perpetuals trade near 1e-7, in 1000x units). */
    public static final double MIN_PRICE = 1e-12;
    /** Highest plausible price, USD a coin (BTC at $100k is 1e5). */
    public static final double MAX_PRICE = 1e9;
    /** Largest plausible order or trade quantity, contracts or coins (a billion dollars of a 1e-6 coin is 1e15). */
    public static final double MAX_QUANTITY = 1e15;
    /** Largest plausible USD value of one liquidation or trade. */
    public static final double MAX_ORDER_USD = 1e10;
    /** Largest plausible open interest of one instrument, contracts or coins. */
    public static final double MAX_OPEN_INTEREST = 1e16;
    /** Largest plausible open interest of one instrument, USD (all of BTC's is about 1e11). */
    public static final double MAX_OPEN_INTEREST_USD = 1e13;
    /** Largest plausible funding rate, as a fraction of one funding interval, either sign. */
    public static final double MAX_FUNDING_RATE = 1.0;
    /** Largest plausible USD (quote) volume of one candle. */
    public static final double MAX_CANDLE_USD = 1e13;
    /** How far an event may lie after the input's clock: clock skew between a venue and a recorder. */
    public static final long MAX_AHEAD_MICROS = 15 * Micros.PER_MINUTE;
    /** Passed as the input's clock when it has none. */
    public static final long NO_CLOCK = Long.MIN_VALUE;

    private Checks() {
    }

    /** Null when {@code price} (USD a coin, or the venue's quote) is plausible, else why not. */
    public static Reject price(double price) {
        if (!Double.isFinite(price)) {
            return Reject.NOT_A_NUMBER;
        }
        if (price <= 0) {
            return Reject.NON_POSITIVE_PRICE;
        }
        return price < MIN_PRICE || price > MAX_PRICE ? Reject.IMPLAUSIBLE_PRICE : null;
    }

    /** Null when an order's or trade's quantity is plausible, else why not. */
    public static Reject quantity(double quantity) {
        if (!Double.isFinite(quantity)) {
            return Reject.NOT_A_NUMBER;
        }
        if (quantity <= 0) {
            return Reject.NON_POSITIVE_SIZE;
        }
        return quantity > MAX_QUANTITY ? Reject.IMPLAUSIBLE_SIZE : null;
    }

    /** Null when the quantity and price can make an event, else why not (quantity first). */
    public static Reject sizeAndPrice(double quantity, double price) {
        Reject r = quantity(quantity);
        return r != null ? r : price(price);
    }

    /** Null when one order's USD value is plausible (NaN: not USD-valued, told apart elsewhere). */
    public static Reject orderUsd(double usd) {
        return usd > MAX_ORDER_USD || usd < 0 || Double.isInfinite(usd) ? Reject.IMPLAUSIBLE_VALUE : null;
    }

    /** Null when an open interest (contracts, and USD or NaN when unknown) is plausible, else why not. */
    public static Reject openInterest(double contracts, double usd) {
        if (!Double.isFinite(contracts) || Double.isInfinite(usd)) {
            return Reject.NOT_A_NUMBER;
        }
        if (contracts < 0) {
            return Reject.NON_POSITIVE_SIZE;
        }
        if (contracts > MAX_OPEN_INTEREST) {
            return Reject.IMPLAUSIBLE_SIZE;
        }
        return usd < 0 || usd > MAX_OPEN_INTEREST_USD ? Reject.IMPLAUSIBLE_VALUE : null;
    }

    /** Null when a funding rate (a fraction an interval) is plausible, else why not. */
    public static Reject fundingRate(double rate) {
        if (!Double.isFinite(rate)) {
            return Reject.NOT_A_NUMBER;
        }
        return Math.abs(rate) > MAX_FUNDING_RATE ? Reject.IMPLAUSIBLE_FUNDING : null;
    }

    /** Null when a candle's volumes are plausible: finite, not negative, USD within its bound. */
    public static Reject candleVolume(double volume, double quoteUsd) {
        if (!Double.isFinite(volume) || Double.isInfinite(quoteUsd)) {
            return Reject.NOT_A_NUMBER;
        }
        if (volume < 0) {
            return Reject.NON_POSITIVE_SIZE;
        }
        if (volume > MAX_OPEN_INTEREST) {
            return Reject.IMPLAUSIBLE_SIZE;
        }
        return quoteUsd < 0 || quoteUsd > MAX_CANDLE_USD ? Reject.IMPLAUSIBLE_VALUE : null;
    }

    /** Null when the time is a plausible event time in microseconds, else {@link Reject#BAD_TIMESTAMP}. */
    public static Reject time(long micros) {
        return Micros.isPlausible(micros) ? null : Reject.BAD_TIMESTAMP;
    }

    /**
     * Null when an event time is plausible and lies no later than {@link #MAX_AHEAD_MICROS} after the input's
     * own clock (the receive time of a recording or a live frame, the file's time for an archive;
     * {@link #NO_CLOCK} when there is none). Earlier times are let through: archives and replays are history,
     * and windows end at the latest event, so only a future time can take them over.
     */
    public static Reject time(long micros, long clockMicros) {
        if (!Micros.isPlausible(micros)) {
            return Reject.BAD_TIMESTAMP;
        }
        return clockMicros != NO_CLOCK && micros - clockMicros > MAX_AHEAD_MICROS ? Reject.IMPLAUSIBLE_TIME : null;
    }

    /** Null when the instrument's events have a USD value, else {@link Reject#NON_USD_QUOTE}. */
    public static Reject usdValued(Instrument instrument) {
        return instrument.isUsdQuoted() ? null : Reject.NON_USD_QUOTE;
    }
}
