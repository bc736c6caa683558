package dev.cascade.analytics;

import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import java.util.ArrayList;
import java.util.List;

/** The liquidation tape: the last {@code capacity} liquidations, newest first. Slots are reused. */
public final class LatestLiquidations implements MarketListener {
    private final Liquidation[] ring;
    private int next;
    private int size;

    public LatestLiquidations(int capacity) {
        ring = new Liquidation[capacity];
        for (int i = 0; i < capacity; i++) {
            ring[i] = new Liquidation();
        }
    }

    @Override
    public void onLiquidation(Liquidation l) {
        ring[next].set(l.instrument(), l.side(), l.quantity(), l.price(), l.exchangeMicros(), l.receiveMicros());
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** Copies of the kept liquidations, newest first. */
    public List<Liquidation> newestFirst() {
        List<Liquidation> out = new ArrayList<>(size);
        for (int k = 1; k <= size; k++) {
            out.add(ring[Math.floorMod(next - k, ring.length)].copy());
        }
        return out;
    }
}
