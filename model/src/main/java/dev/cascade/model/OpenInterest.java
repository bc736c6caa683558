package dev.cascade.model;

/**
 * Open interest of one instrument, single-sided (one long and one short contract make one contract of open
 * interest). {@link #quantity()} is in contracts; {@link #usd()} is the venue's own USD figure when it sends
 * one, else the value from {@link Instrument#notionalUsd(double, double)} at the price the source gave, and
 * NaN when neither is known (a linear instrument without a price).
 *
 * <p>Reused by its decoder: valid only during the callback, {@link #copy()} to keep it.
 */
public final class OpenInterest {
    private Instrument instrument;
    private double quantity;
    private double usd;
    private long exchangeMicros;
    private long receiveMicros;

    public OpenInterest set(Instrument instrument, double quantity, double usd, long exchangeMicros,
                            long receiveMicros) {
        this.instrument = instrument;
        this.quantity = quantity;
        this.usd = usd;
        this.exchangeMicros = exchangeMicros;
        this.receiveMicros = receiveMicros;
        return this;
    }

    public Instrument instrument() {
        return instrument;
    }

    public double quantity() {
        return quantity;
    }

    public double usd() {
        return usd;
    }

    public long exchangeMicros() {
        return exchangeMicros;
    }

    public long receiveMicros() {
        return receiveMicros;
    }

    public OpenInterest copy() {
        return new OpenInterest().set(instrument, quantity, usd, exchangeMicros, receiveMicros);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpenInterest x && x.instrument == instrument && Double.compare(x.quantity, quantity) == 0
                && Double.compare(x.usd, usd) == 0 && x.exchangeMicros == exchangeMicros
                && x.receiveMicros == receiveMicros;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(exchangeMicros) * 31 + Double.hashCode(quantity);
    }

    @Override
    public String toString() {
        return "OpenInterest{" + instrument + " qty=" + quantity + " usd=" + usd + " exchange="
                + Micros.iso(exchangeMicros) + "}";
    }
}
