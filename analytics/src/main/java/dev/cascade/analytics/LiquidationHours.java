package dev.cascade.analytics;

import dev.cascade.model.Coin;
import dev.cascade.model.Exchange;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Liquidations by hour, coin, exchange and side (USD and orders), for as long as the market bars keep hours (five
 * weeks live): what a chart of the last 7 or 30 days draws, where the per-liquidation log keeps a day.
 *
 * <pre>
 *   hour ─> coin ─> [exchange × (long USD, short USD, long orders, short orders)]
 * </pre>
 *
 * Pure and mergeable: hours older than the retention, counted back from the latest liquidation's hour, are
 * dropped, so the result does not depend on the order events came in.
 */
public final class LiquidationHours implements MarketListener {
    private static final int FIELDS = 4;

    /** Receives one hour's figures for one exchange. */
    public interface HourVisitor {
        void accept(long hourStartMicros, Exchange exchange, double longUsd, double shortUsd, long longs, long shorts);
    }

    private final long retentionHours;
    private final TreeMap<Long, Map<Coin, double[]>> hours = new TreeMap<>();
    private long lastHour = Long.MIN_VALUE;
    /** The hour liquidations came in last, and its coins: most come in the hour before, without boxing its key. */
    private long cachedHour = Long.MIN_VALUE;
    private Map<Coin, double[]> cached;

    public LiquidationHours(long retentionMicros) {
        this.retentionHours = Math.max(1, retentionMicros / Micros.PER_HOUR);
    }

    @Override
    public void onLiquidation(Liquidation l) {
        double usd = l.usd();
        if (!(usd >= 0)) {
            return; // not valued in USD
        }
        long hour = Math.floorDiv(l.exchangeMicros(), Micros.PER_HOUR);
        if (lastHour != Long.MIN_VALUE && hour <= lastHour - retentionHours) {
            return; // older than the retention already
        }
        int at = l.instrument().exchange().ordinal() * FIELDS + (l.side() == Side.LONG ? 0 : 1);
        if (hour != cachedHour || cached == null) {
            cached = hours.computeIfAbsent(hour, h -> new HashMap<>());
            cachedHour = hour;
        }
        double[] x = cached.computeIfAbsent(l.instrument().coin(), c -> new double[Exchange.values().length * FIELDS]);
        x[at] += usd;
        x[at + 2]++;
        advance(hour);
    }

    private void advance(long hour) {
        if (hour > lastHour && hour != Long.MIN_VALUE) {
            lastHour = hour;
            hours.headMap(lastHour - retentionHours, true).clear();
        }
    }

    public void merge(LiquidationHours other) {
        other.hours.forEach((hour, coins) -> coins.forEach((coin, o) -> {
            double[] x = hours.computeIfAbsent(hour, h -> new HashMap<>())
                    .computeIfAbsent(coin, c -> new double[o.length]);
            for (int k = 0; k < o.length; k++) {
                x[k] += o[k];
            }
        }));
        advance(Math.max(lastHour, other.lastHour));
    }

    /** The first hour held (its start), or Long.MAX_VALUE when none. */
    public long firstMicros() {
        return hours.isEmpty() ? Long.MAX_VALUE : hours.firstKey() * Micros.PER_HOUR;
    }

    /**
     * Visits the hours starting in {@code [fromMicros, toMicros]}, in time order, exchange by exchange, for
     * {@code coin} (null: every coin summed).
     */
    public void forEach(Coin coin, long fromMicros, long toMicros, HourVisitor visitor) {
        long from = Math.floorDiv(fromMicros, Micros.PER_HOUR);
        long to = Math.floorDiv(toMicros, Micros.PER_HOUR);
        double[] sum = new double[Exchange.values().length * FIELDS];
        for (Map.Entry<Long, Map<Coin, double[]>> e : hours.subMap(from, true, to, true).entrySet()) {
            java.util.Arrays.fill(sum, 0);
            for (Map.Entry<Coin, double[]> c : e.getValue().entrySet()) {
                if (coin == null || coin.equals(c.getKey())) {
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += c.getValue()[k];
                    }
                }
            }
            for (Exchange x : Exchange.values()) {
                int at = x.ordinal() * FIELDS;
                if (sum[at + 2] + sum[at + 3] > 0) {
                    visitor.accept(e.getKey() * Micros.PER_HOUR, x, sum[at], sum[at + 1], (long) sum[at + 2],
                            (long) sum[at + 3]);
                }
            }
        }
    }
}
