package dev.cascade.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.LargestLiquidation;
import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.analytics.MinuteBar;
import dev.cascade.analytics.SideTotals;
import dev.cascade.model.Micros;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The JSON shape of a liquidation summary (DESIGN.md): the {@code liquidations} object of
 * {@code cascade replay --format json}. USD amounts are written in cents, never in exponent notation.
 */
final class LiquidationJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LiquidationJson() {
    }

    static ObjectNode summary(LiquidationSummary s) {
        ObjectNode o = totals(s.total());
        o.put("longShare", share(s.total()));
        LargestLiquidation l = s.largest();
        if (l == null) {
            o.putNull("largest");
        } else {
            ObjectNode largest = o.putObject("largest");
            largest.put("exchange", l.venue().exchange().id());
            largest.put("venue", l.venue().id());
            largest.put("symbol", l.symbol());
            largest.put("coin", l.coin());
            largest.put("side", l.side().id());
            largest.put("usd", usd(l.usd()));
            largest.put("price", BigDecimal.valueOf(l.price()));
            largest.put("quantity", BigDecimal.valueOf(l.quantity()));
            largest.put("time", Micros.iso(l.timeMicros()));
        }
        o.set("byCoin", split(s.byCoin()));
        o.set("byExchange", split(s.byExchange()));
        o.set("byVenue", split(s.byVenue()));
        return o;
    }

    static ObjectNode bar(MinuteBar b) {
        ObjectNode o = NODES.objectNode();
        o.put("minute", Micros.iso(b.minuteMicros()));
        o.put("longUsd", usd(b.longUsd()));
        o.put("shortUsd", usd(b.shortUsd()));
        o.put("longCount", b.longCount());
        o.put("shortCount", b.shortCount());
        return o;
    }

    private static ObjectNode split(Map<String, SideTotals> m) {
        ObjectNode o = NODES.objectNode();
        m.forEach((k, v) -> o.set(k, totals(v)));
        return o;
    }

    private static ObjectNode totals(SideTotals t) {
        ObjectNode o = NODES.objectNode();
        o.put("usd", usd(t.usd()));
        o.put("longUsd", usd(t.longUsd()));
        o.put("shortUsd", usd(t.shortUsd()));
        o.put("count", t.count());
        o.put("longCount", t.longCount());
        o.put("shortCount", t.shortCount());
        return o;
    }

    /** USD rounded to the cent. */
    static BigDecimal usd(double usd) {
        return BigDecimal.valueOf(Math.round(usd * 100), 2);
    }

    /** The long share as a fraction with four decimals, or null when nothing was liquidated. */
    private static BigDecimal share(SideTotals t) {
        double share = t.longShare();
        return Double.isNaN(share) ? null : BigDecimal.valueOf(Math.round(share * 10_000), 4);
    }
}
