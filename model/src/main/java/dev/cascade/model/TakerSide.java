package dev.cascade.model;

/** The side of the aggressor (taker) of a trade; {@code UNKNOWN} when the source does not say. */
public enum TakerSide {
    BUY("buy"),
    SELL("sell"),
    UNKNOWN("unknown");

    private final String id;

    TakerSide(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
