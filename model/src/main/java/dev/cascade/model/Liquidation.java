package dev.cascade.model;

import java.util.Objects;

/**
 * A forced order that closed a position: which side was liquidated, how much, at what price, and its USD
 * value (see the package documentation for which venue field is which).
 *
 * <p>Decoders reuse one instance per decoder, so an instance handed to a listener is valid only during the
 * callback; call {@link #copy()} to keep it.
 */
public final class Liquidation {
    private Instrument instrument;
    private Side side;
    private double quantity;
    private double price;
    private double usd;
    private long exchangeMicros;
    private long receiveMicros;

    /**
     * Fills this event. {@code quantity} is in the instrument's contracts; the USD value follows from
     * {@link Instrument#notionalUsd(double, double)}.
     */
    public Liquidation set(Instrument instrument, Side side, double quantity, double price,
                           long exchangeMicros, long receiveMicros) {
        this.instrument = instrument;
        this.side = side;
        this.quantity = quantity;
        this.price = price;
        this.usd = instrument.notionalUsd(quantity, price);
        this.exchangeMicros = exchangeMicros;
        this.receiveMicros = receiveMicros;
        return this;
    }

    public Instrument instrument() {
        return instrument;
    }

    public Venue venue() {
        return instrument.venue();
    }

    public Exchange exchange() {
        return instrument.exchange();
    }

    public Coin coin() {
        return instrument.coin();
    }

    public String symbol() {
        return instrument.symbol();
    }

    public Side side() {
        return side;
    }

    /** Quantity in the instrument's contracts (coins for linear venues with contract size 1). */
    public double quantity() {
        return quantity;
    }

    public double price() {
        return price;
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

    public Liquidation copy() {
        Liquidation c = new Liquidation();
        c.instrument = instrument;
        c.side = side;
        c.quantity = quantity;
        c.price = price;
        c.usd = usd;
        c.exchangeMicros = exchangeMicros;
        c.receiveMicros = receiveMicros;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Liquidation l && l.instrument == instrument && l.side == side
                && Double.compare(l.quantity, quantity) == 0 && Double.compare(l.price, price) == 0
                && l.exchangeMicros == exchangeMicros && l.receiveMicros == receiveMicros;
    }

    @Override
    public int hashCode() {
        return Objects.hash(instrument, side, quantity, price, exchangeMicros, receiveMicros);
    }

    @Override
    public String toString() {
        return "Liquidation{" + instrument + " " + side + " qty=" + quantity + " price=" + price + " usd=" + usd
                + " exchange=" + Micros.iso(exchangeMicros) + " receive=" + Micros.iso(receiveMicros) + "}";
    }
}
