package dev.cascade.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.model.Coin;
import dev.cascade.model.Exchange;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.output.json.FiguresJson;
import dev.cascade.output.json.Json;
import dev.cascade.output.json.LiquidationJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's history over a range ({@code GET /api/v1/history}): liquidations per bar stacked by side or
 * by exchange, and for one coin its price, open interest, funding by venue and net taker volume on the same
 * bars. Dense arrays, one value per bar (null where nothing is known), so that 30 days cost a few kilobytes.
 *
 * <pre>
 *   range   1h   4h   12h   24h   7d   30d
 *   bar     1m   5m   15m   15m   1h   1d
 * </pre>
 *
 * Liquidations come from the state's log, which keeps the recent past only (a live run 26 h, a replay 8 days):
 * {@code liquidationsFrom} says where it begins, and bars before it are null, not zero.
 */
final class History {
    /** A range and the bar it is drawn in. */
    enum Range {
        H1("1h", 60, 1), H4("4h", 240, 5), H12("12h", 720, 15), H24("24h", 1440, 15), D7("7d", 7 * 1440, 60),
        D30("30d", 30 * 1440, 1440);

        final String id;
        final long minutes;
        final long barMinutes;

        Range(String id, long minutes, long barMinutes) {
            this.id = id;
            this.minutes = minutes;
            this.barMinutes = barMinutes;
        }

        static Range byId(String id) {
            for (Range r : values()) {
                if (r.id.equals(id)) {
                    return r;
                }
            }
            return null;
        }

        String bar() {
            return barMinutes % 1440 == 0 ? barMinutes / 1440 + "d" : barMinutes % 60 == 0 ? barMinutes / 60 + "h"
                    : barMinutes + "m";
        }
    }

    private History() {
    }

    /**
     * The range ending at {@code endMicros}, bars aligned to the bar size (a daily bar is a UTC day), the last
     * bar the one holding {@code endMicros}. {@code coin} null means every coin (no price, OI or funding then).
     */
    static ObjectNode of(MarketState state, Range range, Coin coin, boolean isByExchange, long endMicros) {
        long bar = range.barMinutes * Micros.PER_MINUTE;
        int n = (int) (range.minutes / range.barMinutes);
        long last = Math.floorDiv(endMicros, bar);
        long first = last - n + 1;
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("range", range.id).put("bar", range.bar()).put("coin", coin == null ? null : coin.name());
        o.put("from", Micros.iso(first * bar)).put("to", Micros.iso(endMicros));
        ArrayNode times = o.putArray("times"); // epoch milliseconds of each bar's start
        for (int i = 0; i < n; i++) {
            times.add((first + i) * bar / 1000);
        }
        liquidations(o, state, coin, isByExchange, first, bar, n, endMicros);
        if (coin != null) {
            market(o, state, coin, first, bar, n, endMicros);
        }
        return o;
    }

    private static void liquidations(ObjectNode o, MarketState state, Coin coin, boolean isByExchange, long first,
                                     long bar, int n, long endMicros) {
        // bars of an hour or more come from the hourly totals (kept for weeks), shorter ones from the log (a day)
        boolean isHourly = bar >= Micros.PER_HOUR;
        long oldest = isHourly ? state.hours().firstMicros() : Long.MAX_VALUE;
        if (!isHourly) {
            long[] logged = {Long.MAX_VALUE};
            state.log().forEach(null, Long.MIN_VALUE, Long.MAX_VALUE, (i, s, p, u, t) -> logged[0] = Math.min(logged[0], t));
            oldest = logged[0];
        }
        // nothing dropped: the source covers the input from its first event; else from its oldest entry
        long from = oldest == Long.MAX_VALUE || oldest <= state.liquidations().firstMicros()
                ? state.counts().firstMicros() : oldest;
        String[] keys = isByExchange ? new String[Exchange.values().length] : new String[] {"long", "short"};
        if (isByExchange) {
            for (Exchange x : Exchange.values()) {
                keys[x.ordinal()] = x.id();
            }
        }
        double[][] usd = new double[keys.length][n];
        long[] counts = new long[n];
        boolean[] isUsed = new boolean[keys.length];
        double[][] exchanges = new double[Exchange.values().length][4]; // long USD, short USD, long n, short n
        if (isHourly) {
            state.hours().forEach(coin, first * bar, endMicros, (hour, x, longUsd, shortUsd, longs, shorts) -> {
                int b = (int) (Math.floorDiv(hour, bar) - first);
                if (isByExchange) {
                    usd[x.ordinal()][b] += longUsd + shortUsd;
                    isUsed[x.ordinal()] = true;
                } else {
                    usd[0][b] += longUsd;
                    usd[1][b] += shortUsd;
                }
                counts[b] += longs + shorts;
                double[] t = exchanges[x.ordinal()];
                t[0] += longUsd;
                t[1] += shortUsd;
                t[2] += longs;
                t[3] += shorts;
            });
        } else {
            state.log().forEach(coin, first * bar, endMicros, (instrument, side, price, u, time) -> {
                int k = isByExchange ? instrument.exchange().ordinal() : side == Side.LONG ? 0 : 1;
                int b = (int) (Math.floorDiv(time, bar) - first);
                usd[k][b] += u;
                counts[b]++;
                isUsed[k] = true;
                double[] x = exchanges[instrument.exchange().ordinal()];
                x[side == Side.LONG ? 0 : 1] += u;
                x[side == Side.LONG ? 2 : 3]++;
            });
        }
        int firstKnown = (int) Math.max(0, Math.min(n, Math.floorDiv(from, bar) - first));
        ObjectNode l = o.putObject("liquidations");
        l.put("by", isByExchange ? "exchange" : "side");
        l.put("from", from == Long.MIN_VALUE || from == Long.MAX_VALUE ? null : Micros.iso(from));
        ObjectNode series = l.putObject("series");
        for (int k = 0; k < keys.length; k++) {
            if (isUsed[k] || !isByExchange) {
                ArrayNode a = series.putArray(keys[k]);
                for (int b = 0; b < n; b++) {
                    if (b < firstKnown) {
                        a.addNull();
                    } else {
                        a.add(Math.round(usd[k][b]));
                    }
                }
            }
        }
        ObjectNode byExchange = l.putObject("byExchange"); // the range's totals, as the summary writes them
        for (Exchange x : Exchange.values()) {
            double[] t = exchanges[x.ordinal()];
            if (t[2] + t[3] > 0) {
                byExchange.putObject(x.id()).put("usd", LiquidationJson.usd(t[0] + t[1]))
                        .put("longUsd", LiquidationJson.usd(t[0])).put("shortUsd", LiquidationJson.usd(t[1]))
                        .put("count", (long) (t[2] + t[3])).put("longCount", (long) t[2])
                        .put("shortCount", (long) t[3]);
            }
        }
        ArrayNode c = l.putArray("counts");
        for (int b = 0; b < n; b++) {
            c.add(counts[b]);
        }
    }

    /** Price (the reference instrument's close), open interest summed over venues, funding by venue, net taker. */
    private static void market(ObjectNode o, MarketState state, Coin coin, long first, long bar, int n,
                               long endMicros) {
        List<InstrumentBars> group = Scope.ALL.select(state.bars(), coin);
        InstrumentBars reference = Scope.reference(group);
        Double[] close = new Double[n];
        Double[] oi = new Double[n];
        Double[] net = new Double[n];
        Map<String, Double[]> funding = new LinkedHashMap<>();
        boolean isMinutes = bar < Micros.PER_HOUR;
        long sourceBar = isMinutes ? Micros.PER_MINUTE : Micros.PER_HOUR;
        int lastBar = (int) Math.min(n - 1, Math.floorDiv(endMicros, bar) - first);
        for (InstrumentBars b : group) {
            BarSeries s = isMinutes ? b.minutes() : b.hours();
            double[] barOi = new double[n];
            double[] barFunding = new double[n];
            double[] barClose = new double[n];
            double carriedOi = Double.NaN;
            double carriedFunding = Double.NaN;
            double carriedClose = Double.NaN;
            int filled = 0; // bars before this are final: they hold the latest values at their end
            for (int j = 0; j < s.size(); j++) {
                long start = s.slot(j) * sourceBar;
                int k = (int) (Math.floorDiv(start, bar) - first);
                if (k > lastBar) {
                    break;
                }
                for (; filled < k; filled++) {
                    barOi[filled] = carriedOi;
                    barFunding[filled] = carriedFunding;
                    barClose[filled] = carriedClose;
                }
                if (s.openInterestTime(j) != BarSeries.NONE) {
                    carriedOi = b.openInterestUsd(s, j);
                }
                if (s.fundingTime(j) != BarSeries.NONE) {
                    carriedFunding = s.funding(j);
                }
                if (s.hasTrades(j)) {
                    carriedClose = s.close(j);
                    if (k >= 0) {
                        net[k] = (net[k] == null ? 0 : net[k]) + s.buyUsd(j) - s.sellUsd(j);
                    }
                }
            }
            for (; filled <= lastBar; filled++) {
                barOi[filled] = carriedOi;
                barFunding[filled] = carriedFunding;
                barClose[filled] = carriedClose;
            }
            Double[] f = new Double[n];
            boolean hasFunding = false;
            for (int k = 0; k <= lastBar; k++) {
                if (!Double.isNaN(barOi[k])) {
                    oi[k] = (oi[k] == null ? 0 : oi[k]) + barOi[k];
                }
                if (!Double.isNaN(barFunding[k])) {
                    f[k] = barFunding[k];
                    hasFunding = true;
                }
                if (b == reference && !Double.isNaN(barClose[k])) {
                    close[k] = barClose[k];
                }
            }
            if (hasFunding) {
                funding.put(b.instrument().venue().id() + " " + b.instrument().symbol(), f);
            }
        }
        array(o.putArray("price"), close, -1);
        array(o.putArray("openInterestUsd"), oi, 0);
        array(o.putArray("takerNetUsd"), net, 0);
        ObjectNode f = o.putObject("funding");
        funding.forEach((k, v) -> array(f.putArray(k), v, 8));
    }

    /** Writes values rounded to {@code decimals} (-1: ten significant digits, as prices are written elsewhere). */
    private static void array(ArrayNode a, Double[] values, int decimals) {
        for (Double v : values) {
            if (v == null || v.isNaN() || v.isInfinite()) {
                a.addNull();
            } else if (decimals < 0) {
                a.add(FiguresJson.price(v).doubleValue()); // a plain number, not 1.046E+5
            } else if (decimals == 0) {
                a.add(Math.round(v));
            } else {
                a.add(FiguresJson.round(v, decimals));
            }
        }
    }
}
