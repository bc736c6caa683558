package dev.cascade.sim;

import dev.cascade.model.Venue;
import java.util.List;

/**
 * The simulator's instruments and scripted price path: each coin drifts on a slow wave, and every
 * {@code dropEveryMinutes} falls about 3 % within a minute and recovers half of it, so that liquidations
 * bunch up the way they do around a drop. Prices are a function of time only: deterministic.
 */
public final class SimMarket {
    /** BTC, ETH and SOL on every venue, with each venue's contract conventions (each wire lists its own). */
    public static final List<SimInstrument> INSTRUMENTS = SimWires.ALL.stream()
            .flatMap(w -> w.scriptedInstruments().stream()).toList();

    private final long startMillis;
    private final int dropEveryMinutes;

    public SimMarket(long startMillis, int dropEveryMinutes) {
        this.startMillis = startMillis;
        this.dropEveryMinutes = Math.max(1, dropEveryMinutes);
    }

    /** The instrument's price at an epoch millisecond. */
    public double price(SimInstrument i, long millis) {
        double t = (millis - startMillis) / 1000.0;
        double wave = 1 + 0.004 * Math.sin(t / 90.0) + 0.001 * Math.sin(t / 7.0 + i.symbol().length());
        double cycle = (t / 60.0) % dropEveryMinutes;
        double drop = cycle < 1 ? 0.03 * cycle : Math.max(0.015, 0.03 - 0.015 * (cycle - 1));
        if (t < 60) {
            drop = 0;
        }
        return i.startPrice() * wave * (1 - drop);
    }

    /** Whether the price is falling at this millisecond: liquidations are then mostly longs. */
    public boolean isFalling(SimInstrument i, long millis) {
        return price(i, millis + 1000) < price(i, millis);
    }

    public List<SimInstrument> instruments(Venue venue) {
        return INSTRUMENTS.stream().filter(i -> i.venue() == venue).toList();
    }
}
