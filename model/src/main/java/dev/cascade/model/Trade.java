package dev.cascade.model;

import java.util.Objects;

/**
 * A public trade: the taker's side, quantity in contracts, price and USD value. {@link #id()} is the venue's
 * trade id (aggregate id on Binance), or a 64-bit hash of it when the venue uses non-numeric ids; trades
 * dedupe by it. {@link #firstId()} is the first venue id the event covers: OKX aggregates {@code count} fills
 * ending at {@code tradeId}; elsewhere it equals the id. Where ids are consecutive (Binance, OKX) a jump from
 * one event's id to the next event's first id is a gap.
 *
 * <p>Reused by its decoder: valid only during the callback, {@link #copy()} to keep it.
 */
public final class Trade {
    private Instrument instrument;
    private TakerSide takerSide;
    private double quantity;
    private double price;
    private double usd;
    private long id;
    private long firstId;
    private long exchangeMicros;
    private long receiveMicros;

    public Trade set(Instrument instrument, TakerSide takerSide, double quantity, double price, long id,
                     long exchangeMicros, long receiveMicros) {
        return set(instrument, takerSide, quantity, price, id, id, exchangeMicros, receiveMicros);
    }

    public Trade set(Instrument instrument, TakerSide takerSide, double quantity, double price, long id, long firstId,
                     long exchangeMicros, long receiveMicros) {
        this.instrument = instrument;
        this.takerSide = takerSide;
        this.quantity = quantity;
        this.price = price;
        this.usd = instrument.notionalUsd(quantity, price);
        this.id = id;
        this.firstId = firstId;
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

    public Coin coin() {
        return instrument.coin();
    }

    public TakerSide takerSide() {
        return takerSide;
    }

    public double quantity() {
        return quantity;
    }

    public double price() {
        return price;
    }

    public double usd() {
        return usd;
    }

    public long id() {
        return id;
    }

    public long firstId() {
        return firstId;
    }

    public long exchangeMicros() {
        return exchangeMicros;
    }

    public long receiveMicros() {
        return receiveMicros;
    }

    public Trade copy() {
        return new Trade().set(instrument, takerSide, quantity, price, id, firstId, exchangeMicros, receiveMicros);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trade t && t.instrument == instrument && t.takerSide == takerSide
                && Double.compare(t.quantity, quantity) == 0 && Double.compare(t.price, price) == 0
                && t.id == id && t.firstId == firstId && t.exchangeMicros == exchangeMicros && t.receiveMicros == receiveMicros;
    }

    @Override
    public int hashCode() {
        return Objects.hash(instrument, takerSide, quantity, price, id, exchangeMicros);
    }

    @Override
    public String toString() {
        return "Trade{" + instrument + " " + takerSide + " qty=" + quantity + " price=" + price + " usd=" + usd
                + " id=" + id + " exchange=" + Micros.iso(exchangeMicros) + "}";
    }
}
