package dev.cascade.model;

/**
 * The venue's mark price and, when sent, its index price (NaN otherwise).
 *
 * <p>Reused by its decoder: valid only during the callback, {@link #copy()} to keep it.
 */
public final class MarkPrice {
    private Instrument instrument;
    private double markPrice;
    private double indexPrice;
    private long exchangeMicros;
    private long receiveMicros;

    public MarkPrice set(Instrument instrument, double markPrice, double indexPrice, long exchangeMicros,
                         long receiveMicros) {
        this.instrument = instrument;
        this.markPrice = markPrice;
        this.indexPrice = indexPrice;
        this.exchangeMicros = exchangeMicros;
        this.receiveMicros = receiveMicros;
        return this;
    }

    public Instrument instrument() {
        return instrument;
    }

    public double markPrice() {
        return markPrice;
    }

    public double indexPrice() {
        return indexPrice;
    }

    public long exchangeMicros() {
        return exchangeMicros;
    }

    public long receiveMicros() {
        return receiveMicros;
    }

    public MarkPrice copy() {
        return new MarkPrice().set(instrument, markPrice, indexPrice, exchangeMicros, receiveMicros);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarkPrice x && x.instrument == instrument && Double.compare(x.markPrice, markPrice) == 0
                && Double.compare(x.indexPrice, indexPrice) == 0 && x.exchangeMicros == exchangeMicros
                && x.receiveMicros == receiveMicros;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(exchangeMicros) * 31 + Double.hashCode(markPrice);
    }

    @Override
    public String toString() {
        return "MarkPrice{" + instrument + " mark=" + markPrice + " index=" + indexPrice + " exchange="
                + Micros.iso(exchangeMicros) + "}";
    }
}
