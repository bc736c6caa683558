package dev.cascade.sim;

import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final List<SimInstrument> instruments;
    private final Map<SimInstrument, Double> activity = new HashMap<>();

    public SimMarket(long startMillis, int dropEveryMinutes) {
        this(startMillis, dropEveryMinutes, 0);
    }

    /**
     * A market of {@code count} instruments (0: the scripted ones): the scripted instruments, then made-up coins
     * ({@code QAAA}, {@code QAAB}, ...) each listed on every venue, as most coins are, with the symbol and contract
     * of the venue's first scripted instrument (its coin replaced). Like a real market's long tail, the n-th coin
     * trades 1/(n+2) as often as a scripted one, and its price is anywhere from a cent to a hundred dollars.
     */
    public SimMarket(long startMillis, int dropEveryMinutes, int count) {
        this.startMillis = startMillis;
        this.dropEveryMinutes = Math.max(1, dropEveryMinutes);
        List<SimInstrument> all = new ArrayList<>(INSTRUMENTS);
        Map<Venue, SimInstrument> templates = new LinkedHashMap<>();
        INSTRUMENTS.forEach(i -> templates.putIfAbsent(i.venue(), i));
        for (int coin = 0; all.size() < count; coin++) {
            String name = "Q" + (char) ('A' + coin / 676 % 26) + (char) ('A' + coin / 26 % 26) + (char) ('A' + coin % 26);
            double price = Math.pow(10, -2 + 4 * ((coin * 0.618034) % 1)); // spread evenly on a log scale
            for (SimInstrument t : templates.values()) {
                if (all.size() == count) {
                    break;
                }
                String symbol = t.symbol().replace(t.symbol().contains("XBT") ? "XBT" : t.coin(), name);
                SimInstrument i = new SimInstrument(t.venue(), symbol, name, t.isInverse(),
                        t.isInverse() ? t.contractSize() : 1, price);
                all.add(i);
                activity.put(i, 1.0 / (coin + 2));
            }
        }
        this.instruments = List.copyOf(all);
    }

    /** Every instrument listed. */
    public List<SimInstrument> instruments() {
        return instruments;
    }

    /** How busy an instrument is next to a scripted one (1): trades, liquidations and new positions scale with it. */
    public double activity(SimInstrument i) {
        return activity.getOrDefault(i, 1.0);
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
        return instruments.stream().filter(i -> i.venue() == venue).toList();
    }
}
