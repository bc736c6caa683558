package dev.cascade.model;

/** The company behind one or more venues; liquidation totals are split by exchange. Append only, like {@link Venue}. */
public enum Exchange {
    BINANCE("binance", "Binance"),
    BYBIT("bybit", "Bybit"),
    OKX("okx", "OKX"),
    BITMEX("bitmex", "BitMEX"),
    DERIBIT("deribit", "Deribit"),
    KRAKEN("kraken", "Kraken"),
    DYDX("dydx", "dYdX"),
    BITGET("bitget", "Bitget"),
    HTX("htx", "HTX"),
    BITFINEX("bitfinex", "Bitfinex"),
    GATE("gate", "Gate");

    private final String id;
    private final String displayName;

    Exchange(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The name shown in reports: "Binance", "OKX". */
    public String displayName() {
        return displayName;
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
