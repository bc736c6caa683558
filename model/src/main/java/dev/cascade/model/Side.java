package dev.cascade.model;

/**
 * Which position a liquidation closed. {@code LONG}: a long was liquidated, the forced order sells.
 * {@code SHORT}: a short was liquidated, the forced order buys. Venues disagree on how they say it; each
 * decoder maps its venue's field to this once (see the package documentation).
 */
public enum Side {
    LONG("long"),
    SHORT("short");

    private final String id;

    Side(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The liquidated position for a forced order on the given side: a forced sell closes a long. */
    public static Side ofForcedOrder(boolean isSell) {
        return isSell ? LONG : SHORT;
    }

    @Override
    public String toString() {
        return id;
    }
}
