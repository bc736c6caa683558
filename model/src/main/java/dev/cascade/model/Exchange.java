package dev.cascade.model;

/** The company behind one or more venues; liquidation totals are split by exchange. */
public enum Exchange {
    BINANCE("binance"),
    BYBIT("bybit"),
    OKX("okx");

    private final String id;

    Exchange(String id) {
        this.id = id;
    }

    /** The lower-case id used in output and configuration. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
