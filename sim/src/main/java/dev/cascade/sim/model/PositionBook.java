package dev.cascade.sim.model;

import dev.cascade.model.Venue;
import java.util.PriorityQueue;

/**
 * The open leveraged positions of one coin: longs ordered by liquidation price from the highest (the first to
 * go when price falls), shorts from the lowest, and both by the time they close of their own accord. A position
 * leaves once: liquidated or closed, whichever comes first (the other queue skips it).
 */
final class PositionBook {
    /** One position; {@code usd} is its notional at entry. */
    static final class Position {
        final Venue venue;
        final boolean isLong;
        final double quantity;
        final double entry;
        final double liquidationPrice;
        final long closesAtMillis;
        boolean isGone;

        Position(Venue venue, boolean isLong, double quantity, double entry, double liquidationPrice, long closesAtMillis) {
            this.venue = venue;
            this.isLong = isLong;
            this.quantity = quantity;
            this.entry = entry;
            this.liquidationPrice = liquidationPrice;
            this.closesAtMillis = closesAtMillis;
        }
    }

    /** Receives what leaves the book. */
    interface Exit {
        void liquidated(Position p);
    }

    private final PriorityQueue<Position> longs = new PriorityQueue<>((a, b) -> Double.compare(b.liquidationPrice,
            a.liquidationPrice));
    private final PriorityQueue<Position> shorts = new PriorityQueue<>((a, b) -> Double.compare(a.liquidationPrice,
            b.liquidationPrice));
    private final PriorityQueue<Position> byClose = new PriorityQueue<>((a, b) -> Long.compare(a.closesAtMillis,
            b.closesAtMillis));
    private double openQuantity;
    private double longQuantity;

    void open(Position p) {
        (p.isLong ? longs : shorts).add(p);
        byClose.add(p);
        openQuantity += p.quantity;
        if (p.isLong) {
            longQuantity += p.quantity;
        }
    }

    /** Liquidates every position whose liquidation price {@code low} to {@code high} reached, most exposed first. */
    void liquidate(double low, double high, Exit exit) {
        while (!longs.isEmpty() && (longs.peek().isGone || longs.peek().liquidationPrice >= low)) {
            Position p = longs.poll();
            if (!p.isGone) {
                leave(p);
                exit.liquidated(p);
            }
        }
        while (!shorts.isEmpty() && (shorts.peek().isGone || shorts.peek().liquidationPrice <= high)) {
            Position p = shorts.poll();
            if (!p.isGone) {
                leave(p);
                exit.liquidated(p);
            }
        }
    }

    /** Closes the positions whose time has come (voluntary closes: open interest that leaves quietly). */
    void closeUntil(long millis) {
        while (!byClose.isEmpty() && byClose.peek().closesAtMillis <= millis) {
            Position p = byClose.poll();
            if (!p.isGone) {
                leave(p);
            }
        }
    }

    private void leave(Position p) {
        p.isGone = true;
        openQuantity -= p.quantity;
        if (p.isLong) {
            longQuantity -= p.quantity;
        }
    }

    /**
     * The longs' share of the open positions' coins, 0..1; one half when nothing is open. (The book pairs no
     * counterparties: it holds the leveraged traders' side of each position, so longs and shorts need not
     * balance.)
     */
    double longShare() {
        return openQuantity > 0 ? Math.min(1, Math.max(0, longQuantity / openQuantity)) : 0.5;
    }

    /** Coins of open positions, one side counted (as venues count open interest). */
    double openQuantity() {
        return Math.max(0, openQuantity);
    }
}
