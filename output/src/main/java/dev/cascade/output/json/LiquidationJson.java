package dev.cascade.output.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.LargestLiquidation;
import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.analytics.MinuteBar;
import dev.cascade.analytics.SideTotals;
import dev.cascade.analytics.estimate.Estimate;
import dev.cascade.analytics.estimate.EstimateSummary;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The JSON shape of a liquidation summary (DESIGN.md), the {@code liquidations} object of
 * {@code cascade replay --format json}, and of one liquidation. USD amounts are dollars with two decimals
 * (exact to the cent).
 */
public final class LiquidationJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LiquidationJson() {
    }

    /** Reported totals with their estimate beside each: the {@code liquidations} object and each window's. */
    public static ObjectNode summary(Figures.Liquidations l) {
        LiquidationSummary s = l.reported();
        EstimateSummary e = l.estimated();
        ObjectNode o = totals(s.total(), e.total());
        o.put("estimatedLongUsd", usd(e.longs().usd()));
        o.put("estimatedShortUsd", usd(e.shorts().usd()));
        o.put("estimatedLongCount", Math.round(e.longs().count()));
        o.put("estimatedShortCount", Math.round(e.shorts().count()));
        o.put("longShare", share(s.total()));
        LargestLiquidation largest = s.largest();
        if (largest == null) {
            o.putNull("largest");
        } else {
            o.set("largest", event(largest.venue(), largest.symbol(), largest.coin(), largest.side(), largest.usd(),
                    largest.price(), largest.quantity(), largest.timeMicros()));
        }
        o.set("byCoin", split(s.byCoin(), e.byCoin()));
        o.set("byExchange", split(s.byExchange(), e.byExchange()));
        o.set("byVenue", split(s.byVenue(), e.byVenue()));
        ObjectNode estimate = o.putObject("estimate");
        estimate.put("method", "presence");
        estimate.put("confidence", 0.95);
        estimate.put("saturatedMinutes", e.saturatedMinutes());
        estimate.put("calibratedMinutes", e.calibratedMinutes());
        EstimateSummary.Check c = e.check();
        if (c.actualUsd() > 0) {
            ObjectNode check = estimate.putObject("check");
            check.put("venues", "bybit");
            check.put("actualUsd", usd(c.actualUsd()));
            check.put("throttledUsd", usd(c.throttledUsd()));
            check.put("estimatedUsd", usd(c.estimatedUsd()));
            check.put("lowUsd", usd(c.lowUsd()));
            check.put("highUsd", usd(c.highUsd()));
            check.put("throttledShare", ratio(c.throttledShare()));
            check.put("recovered", ratio(c.recovered()));
            check.put("actualCount", c.actualCount());
            check.put("throttledCount", c.throttledCount());
            check.put("estimatedCount", Math.round(c.estimatedCount()));
            check.put("lowCount", Math.round(c.lowCount()));
            check.put("highCount", Math.round(c.highCount()));
            check.put("recoveredCount", ratio(c.recoveredCount()));
        } else {
            estimate.putNull("check");
        }
        return o;
    }

    /**
     * One liquidation, in the one shape every door uses (the largest order of a summary, the API's list, the
     * stream): {@code quantity} is in the venue's own units (contracts or coins), null where it was not kept.
     */
    public static ObjectNode event(Venue venue, String symbol, String coin, Side side, double usd, double price,
                                   double quantity, long timeMicros) {
        ObjectNode x = NODES.objectNode();
        x.put("time", Micros.iso(timeMicros));
        x.put("exchange", venue.exchange().id());
        x.put("venue", venue.id());
        x.put("symbol", symbol);
        x.put("coin", coin);
        x.put("side", side.id());
        x.put("usd", usd(usd));
        x.put("price", Double.isFinite(price) ? BigDecimal.valueOf(price) : null);
        x.put("quantity", Double.isFinite(quantity) ? BigDecimal.valueOf(quantity) : null);
        return x;
    }

    public static ObjectNode bar(MinuteBar b) {
        ObjectNode o = NODES.objectNode();
        o.put("minute", Micros.iso(b.minuteMicros()));
        o.put("longUsd", usd(b.longUsd()));
        o.put("shortUsd", usd(b.shortUsd()));
        o.put("longCount", b.longCount());
        o.put("shortCount", b.shortCount());
        return o;
    }

    /** The totals of a coin, exchange or venue that had no liquidation: every field, at zero. */
    public static ObjectNode noTotals() {
        return totals(new SideTotals(0, 0, 0, 0), null);
    }

    private static ObjectNode split(Map<String, SideTotals> m, Map<String, Estimate> estimates) {
        ObjectNode o = NODES.objectNode();
        m.forEach((k, v) -> o.set(k, totals(v, estimates.get(k))));
        return o;
    }

    private static ObjectNode totals(SideTotals t, Estimate e) {
        ObjectNode o = NODES.objectNode();
        BigDecimal longUsd = usd(t.longUsd());
        BigDecimal shortUsd = usd(t.shortUsd());
        o.put("usd", longUsd.add(shortUsd)); // the cents of the sides add up to the total, always
        o.put("longUsd", longUsd);
        o.put("shortUsd", shortUsd);
        o.put("count", t.count());
        o.put("longCount", t.longCount());
        o.put("shortCount", t.shortCount());
        Estimate x = e == null ? Estimate.exact(t.usd(), t.count()) : e;
        // the estimate is never below what was reported: rounded on its own it could read a cent under the total
        // made of the sides' cents
        BigDecimal total = longUsd.add(shortUsd);
        o.put("estimatedUsd", usd(x.usd()).max(total));
        o.put("estimatedLowUsd", usd(x.lowUsd()).max(total));
        o.put("estimatedHighUsd", usd(x.highUsd()).max(total));
        // positions liquidated (an estimate) beside the orders received ("count")
        o.put("estimatedCount", Math.round(x.count()));
        o.put("estimatedLowCount", (long) Math.floor(x.lowCount() + 1e-6));
        o.put("estimatedHighCount", (long) Math.ceil(x.highCount() - 1e-6));
        return o;
    }

    private static BigDecimal ratio(double v) {
        return Double.isNaN(v) ? null : BigDecimal.valueOf(Math.round(v * 10_000), 4);
    }

    /** USD rounded to the cent. */
    public static BigDecimal usd(double usd) {
        double cents = usd * 100;
        // beyond a long's cents (9.2e16 dollars, far past any plausible total) exact decimal, never saturated
        return Math.abs(cents) < 0x1p62 || !Double.isFinite(cents) ? BigDecimal.valueOf(Math.round(cents), 2)
                : new BigDecimal(usd).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    /** The long share as a fraction with four decimals, or null when nothing was liquidated. */
    private static BigDecimal share(SideTotals t) {
        double share = t.longShare();
        return Double.isNaN(share) ? null : BigDecimal.valueOf(Math.round(share * 10_000), 4);
    }
}
