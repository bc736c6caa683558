package dev.cascade.model;

/**
 * The validity rules every decoder applies to a decoded size, price and time, so that all venues reject the
 * same bad values for the same reason.
 */
public final class Checks {
    private Checks() {
    }

    /** Null when the quantity and price can make an event, else why not. */
    public static Reject sizeAndPrice(double quantity, double price) {
        if (Double.isNaN(quantity) || Double.isNaN(price) || Double.isInfinite(quantity) || Double.isInfinite(price)) {
            return Reject.NOT_A_NUMBER;
        }
        if (quantity <= 0) {
            return Reject.NON_POSITIVE_SIZE;
        }
        if (price <= 0) {
            return Reject.NON_POSITIVE_PRICE;
        }
        return null;
    }

    /** Null when the time is a plausible event time in microseconds, else {@link Reject#BAD_TIMESTAMP}. */
    public static Reject time(long micros) {
        return Micros.isPlausible(micros) ? null : Reject.BAD_TIMESTAMP;
    }

    /** Null when the instrument's events have a USD value, else {@link Reject#NON_USD_QUOTE}. */
    public static Reject usdValued(Instrument instrument) {
        return instrument.isUsdQuoted() ? null : Reject.NON_USD_QUOTE;
    }
}
