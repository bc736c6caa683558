package dev.cascade.app;

import dev.cascade.analytics.LargestLiquidation;
import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.analytics.MinuteBar;
import dev.cascade.analytics.SideTotals;
import dev.cascade.analytics.estimate.Estimate;
import dev.cascade.analytics.estimate.EstimateSummary;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.ingest.OpenedInput;
import dev.cascade.model.Micros;
import dev.cascade.model.Venue;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code cascade replay} for a person: aligned tables, dollars with separators, long share in percent. */
final class ReplayText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ReplayText() {
    }

    static String render(ReplayResult r, Figures f, int topCoins) {
        StringBuilder out = new StringBuilder();
        out.append("Cascade replay: ").append(plural(r.inputs().size(), "input")).append(", ")
                .append(plural(r.read().items(), "frame"));
        if (r.hasEvents()) {
            out.append(", ").append(time(r.fromMicros())).append(" to ").append(time(r.toMicros())).append(" UTC (")
                    .append(duration(r.toMicros() - r.fromMicros())).append(')');
        }
        out.append('\n');
        for (OpenedInput in : r.inputs()) {
            out.append("  ").append(in.name()).append(": ").append(in.description()).append('\n');
        }
        if (!r.read().damaged().isEmpty()) {
            out.append("Damaged, read up to the damage (the figures below cover what was read):\n");
            r.read().damaged().forEach(d -> out.append("  ").append(d.input()).append(": ").append(d.reason()).append('\n'));
        }
        out.append('\n');
        liquidations(out, r, f, topCoins, "whole input");
        FiguresText.sections(out, f, topCoins);
        out.append("\nInput: ").append(plural(r.read().items(), "frame")).append(": ")
                .append(number(r.read().data())).append(" data, ").append(number(r.read().control()))
                .append(" control, ").append(number(r.read().ignored())).append(" ignored, ")
                .append(number(r.read().rejected())).append(" rejected");
        if (r.read().blankLines() > 0) {
            out.append(", ").append(plural(r.read().blankLines(), "blank line")).append(" skipped");
        }
        if (r.read().instrumentsLoaded() > 0) {
            out.append("; ").append(plural(r.read().instrumentsLoaded(), "instrument")).append(" from metadata");
        }
        out.append('\n');
        counts(out, r);
        if (!f.degraded().isEmpty()) {
            out.append("Figures degraded by their caps:");
            f.degraded().forEach((reason, n) -> out.append(' ').append(reason).append(' ').append(number(n)));
            out.append('\n');
        }
        return out.toString();
    }

    /** The final report of a live run: the same totals, for "this session", without the input summary. */
    static String renderSession(ReplayResult r, Figures f, int topCoins) {
        StringBuilder out = new StringBuilder();
        liquidations(out, r, f, topCoins, "this session");
        FiguresText.sections(out, f, topCoins);
        out.append('\n');
        counts(out, r);
        return out.toString();
    }

    /** Totals by period (reported and estimated), exchange, venue and coin, the largest order, the busiest minutes. */
    private static void liquidations(StringBuilder out, ReplayResult r, Figures f, int topCoins, String wholeLabel) {
        LiquidationSummary total = f.liquidations().reported();
        out.append("Liquidations, as reported by the venues, and estimated\n");
        TextTable periods = new TextTable("<Period", "Total", "Longs", "Shorts", "Orders", "Long share",
                "Estimated (95 % range)");
        periods.row(cells(wholeLabel, total.total(), f.liquidations().estimated().total()));
        f.windows().forEach((name, w) -> periods.row(cells("last " + name, w.reported().total(), w.estimated().total())));
        periods.render(out, "  ");
        if (total.total().count() > 0) {
            estimateNote(out, f.liquidations().estimated());
            section(out, "By exchange", "<Exchange", total.byExchange(), f.liquidations().estimated().byExchange(),
                    Integer.MAX_VALUE);
            section(out, "By venue", "<Venue", total.byVenue(), f.liquidations().estimated().byVenue(), Integer.MAX_VALUE);
            section(out, total.byCoin().size() > topCoins
                    ? "By coin (top " + topCoins + " of " + total.byCoin().size() + ")" : "By coin",
                    "<Coin", total.byCoin(), f.liquidations().estimated().byCoin(), topCoins);
            LargestLiquidation l = total.largest();
            out.append("\nLargest single order: ").append(dollars(l.usd())).append(' ').append(l.side().id())
                    .append(" on ").append(l.venue().exchange().id()).append(' ').append(l.symbol()).append(" (")
                    .append(l.venue().id()).append(") at ").append(price(l.price())).append(", ")
                    .append(time(l.timeMicros())).append(" UTC\n");
            busiestMinutes(out, r);
        }
    }

    /** What the estimate is, and how it did on the venue that reports everything. */
    private static void estimateNote(StringBuilder out, EstimateSummary e) {
        out.append("  (Binance and OKX push at most one liquidation per symbol per second; the estimate scales each\n"
                + "   symbol-minute by how many of its seconds had one.");
        EstimateSummary.Check c = e.check();
        if (c.actualUsd() > 0) {
            out.append(String.format(Locale.ROOT, " Check on Bybit, which reports everything: throttled the same\n"
                    + "   way it would have shown %s of its %s; the estimate recovers %s (range %s to %s).",
                    percent(c.throttledShare()), compact(c.actualUsd()), percent(c.recovered()),
                    percent(c.lowUsd() / c.actualUsd()), percent(c.highUsd() / c.actualUsd())));
        }
        out.append(")\n");
    }

    /** Events, duplicates and rejections by reason. */
    private static void counts(StringBuilder out, ReplayResult r) {
        out.append("Events: ").append(plural(r.events().liquidations(), "liquidation")).append(", ")
                .append(plural(r.events().trades(), "trade")).append(", ")
                .append(plural(r.events().markPrices(), "mark price")).append(", ")
                .append(plural(r.events().fundingRates(), "funding rate")).append(", ")
                .append(number(r.events().openInterest())).append(" open interest, ")
                .append(plural(r.events().candles(), "candle")).append('\n');
        if (r.duplicateLiquidations() + r.duplicateTrades() > 0) {
            out.append("Duplicates dropped: ").append(plural(r.duplicateLiquidations(), "liquidation")).append(", ")
                    .append(plural(r.duplicateTrades(), "trade")).append('\n');
        }
        Map<String, Long> rejects = r.events().rejectsByReason();
        if (rejects.isEmpty()) {
            out.append("Rejected: none\n");
        } else {
            out.append("Rejected: ").append(number(r.events().rejected())).append('\n');
            TextTable reasons = new TextTable("<Reason", "Count");
            rejects.forEach((reason, n) -> reasons.row(reason, number(n)));
            reasons.render(out, "  ");
            if (rejects.containsKey("unknown-instrument")) {
                out.append("  (unknown-instrument: the venue's instrument metadata was not in the input; pass its\n"
                        + "   exchangeInfo, instruments-info or instruments JSON file along with the data)\n");
            }
        }
    }

    private static void section(StringBuilder out, String title, String first, Map<String, SideTotals> rows,
                                Map<String, Estimate> estimates, int limit) {
        out.append('\n').append(title).append('\n');
        TextTable t = new TextTable(first, "Total", "Longs", "Shorts", "Orders", "Long share", "Estimated (95 % range)");
        rows.entrySet().stream().limit(limit).forEach(e -> t.row(cells(e.getKey(), e.getValue(), estimates.get(e.getKey()))));
        t.render(out, "  ");
    }

    /** The minutes with the most USD liquidated on one venue: the "liquidation incremental chart" at a glance. */
    private static void busiestMinutes(StringBuilder out, ReplayResult r) {
        List<Object[]> minutes = new ArrayList<>();
        for (Venue v : Venue.values()) {
            for (MinuteBar b : r.liquidations().minuteBars(v)) {
                minutes.add(new Object[] {v, b});
            }
        }
        minutes.sort(Comparator.comparingDouble(m -> -((MinuteBar) m[1]).usd()));
        if (minutes.isEmpty()) {
            return;
        }
        double max = ((MinuteBar) minutes.get(0)[1]).usd();
        out.append("\nBusiest minutes (UTC)\n");
        TextTable t = new TextTable("<Minute", "<Venue", "Longs", "Shorts", "Orders", "<");
        for (Object[] m : minutes.subList(0, Math.min(8, minutes.size()))) {
            MinuteBar b = (MinuteBar) m[1];
            int width = max > 0 ? (int) Math.round(24 * b.usd() / max) : 0;
            t.row(MINUTE.format(Micros.toInstant(b.minuteMicros())), ((Venue) m[0]).id(), dollars(b.longUsd()),
                    dollars(b.shortUsd()), number(b.longCount() + b.shortCount()), "#".repeat(Math.max(1, width)));
        }
        t.render(out, "  ");
    }

    private static String[] cells(String name, SideTotals t, Estimate e) {
        String estimate = e == null || e.reportedUsd() <= 0 ? "-"
                : compact(e.usd()) + " (" + compact(e.lowUsd()) + " to " + compact(e.highUsd()) + ")";
        return new String[] {name, dollars(t.usd()), dollars(t.longUsd()), dollars(t.shortUsd()), number(t.count()),
            percent(t.longShare()), estimate};
    }

    /** $1.23B, $45.6M, $789.0K, $512. */
    static String compact(double usd) {
        double a = Math.abs(usd);
        if (Double.isNaN(usd)) {
            return "-";
        }
        if (a >= 1e12) {
            return String.format(Locale.ROOT, "$%.2fT", usd / 1e12);
        }
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "$%.2fB", usd / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "$%.1fM", usd / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "$%.1fK", usd / 1e3);
        }
        return String.format(Locale.ROOT, "$%.0f", usd);
    }

    static String dollars(double usd) {
        return String.format(Locale.ROOT, "$%,.0f", usd);
    }

    static String price(double price) {
        return price >= 100 ? String.format(Locale.ROOT, "$%,.1f", price) : "$" + java.math.BigDecimal.valueOf(price)
                .stripTrailingZeros().toPlainString();
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String plural(long n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }

    static String time(long micros) {
        return TIME.format(Micros.toInstant(micros));
    }

    private static String duration(long micros) {
        Duration d = Duration.ofNanos(micros * 1000);
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m " + d.toSecondsPart() + "s";
        }
        return d.toSeconds() + "s";
    }
}
