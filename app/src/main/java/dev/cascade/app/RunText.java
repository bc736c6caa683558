package dev.cascade.app;

import dev.cascade.output.Formats;
import dev.cascade.analytics.LargestLiquidation;
import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.analytics.MinuteBar;
import dev.cascade.analytics.SideTotals;
import dev.cascade.analytics.estimate.Estimate;
import dev.cascade.analytics.estimate.EstimateSummary;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.ingest.OpenedInput;
import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run for a person ({@code cascade replay}, the live screen's session totals): aligned tables in the
 * {@link dev.cascade.output.Formats} of every output.
 */
final class RunText {

    private RunText() {
    }

    static String render(RunResult r, Figures f, int topCoins) {
        StringBuilder out = new StringBuilder();
        out.append("Cascade replay: ").append(plural(r.inputs().size(), "input")).append(", ")
                .append(plural(r.read().items(), "frame"));
        if (r.hasEvents()) {
            out.append(", ").append(Formats.timestamp(r.fromMicros())).append(" to ").append(Formats.timestamp(r.toMicros())).append(" (")
                    .append(Formats.duration(r.toMicros() - r.fromMicros())).append(')');
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
                .append(Formats.count(r.read().data())).append(" data, ").append(Formats.count(r.read().control()))
                .append(" control, ").append(Formats.count(r.read().ignored())).append(" ignored, ")
                .append(Formats.count(r.read().rejected())).append(" rejected");
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
            f.degraded().forEach((reason, n) -> out.append(' ').append(reason).append(' ').append(Formats.count(n)));
            out.append('\n');
        }
        return out.toString();
    }

    /** The final report of a live run: the same totals, for "this session", without the input summary. */
    static String renderSession(RunResult r, Figures f, int topCoins) {
        StringBuilder out = new StringBuilder();
        liquidations(out, r, f, topCoins, "this session");
        FiguresText.sections(out, f, topCoins);
        out.append('\n');
        counts(out, r);
        return out.toString();
    }

    /** Totals by period (reported and estimated), exchange, venue and coin, the largest order, the busiest minutes. */
    private static void liquidations(StringBuilder out, RunResult r, Figures f, int topCoins, String wholeLabel) {
        LiquidationSummary total = f.liquidations().reported();
        out.append("Liquidations, as reported by the venues, and estimated\n");
        TextTable periods = new TextTable("<Period", "Total", "Longs", "Shorts", "Orders", "Long share",
                "Estimated (95% range)");
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
            out.append("\nLargest single order: ").append(Formats.dollars(l.usd())).append(' ').append(l.side().id())
                    .append(" on ").append(l.venue().exchange().id()).append(' ').append(l.symbol()).append(" (")
                    .append(l.venue().id()).append(") at ").append(Formats.price(l.price())).append(", ")
                    .append(Formats.timestamp(l.timeMicros())).append("\n");
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
                    Formats.share(c.throttledShare()), Formats.money(c.actualUsd()), Formats.share(c.recovered()),
                    Formats.share(c.lowUsd() / c.actualUsd()), Formats.share(c.highUsd() / c.actualUsd())));
        }
        out.append(")\n");
    }

    /** Events, duplicates and rejections by reason. */
    private static void counts(StringBuilder out, RunResult r) {
        out.append("Events: ").append(plural(r.events().liquidations(), "liquidation")).append(", ")
                .append(plural(r.events().trades(), "trade")).append(", ")
                .append(plural(r.events().markPrices(), "mark price")).append(", ")
                .append(plural(r.events().fundingRates(), "funding rate")).append(", ")
                .append(Formats.count(r.events().openInterest())).append(" open interest, ")
                .append(plural(r.events().candles(), "candle")).append('\n');
        if (r.duplicateLiquidations() + r.duplicateTrades() > 0) {
            out.append("Duplicates dropped: ").append(plural(r.duplicateLiquidations(), "liquidation")).append(", ")
                    .append(plural(r.duplicateTrades(), "trade")).append('\n');
        }
        Map<String, Long> rejects = r.events().rejectsByReason();
        if (rejects.isEmpty()) {
            out.append("Rejected: none\n");
        } else {
            out.append("Rejected: ").append(Formats.count(r.events().rejected())).append('\n');
            TextTable reasons = new TextTable("<Reason", "Count");
            rejects.forEach((reason, n) -> reasons.row(reason, Formats.count(n)));
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
        TextTable t = new TextTable(first, "Total", "Longs", "Shorts", "Orders", "Long share", "Estimated (95% range)");
        rows.entrySet().stream().limit(limit).forEach(e -> t.row(cells(e.getKey(), e.getValue(), estimates.get(e.getKey()))));
        t.render(out, "  ");
    }

    /** The minutes with the most USD liquidated on one venue: the "liquidation incremental chart" at a glance. */
    private static void busiestMinutes(StringBuilder out, RunResult r) {
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
            t.row(Formats.minute(b.minuteMicros()), ((Venue) m[0]).id(), Formats.dollars(b.longUsd()),
                    Formats.dollars(b.shortUsd()), Formats.count(b.longCount() + b.shortCount()), "#".repeat(Math.max(1, width)));
        }
        t.render(out, "  ");
    }

    private static String[] cells(String name, SideTotals t, Estimate e) {
        String estimate = e == null || e.reportedUsd() <= 0 ? Formats.UNKNOWN
                : Formats.money(e.usd()) + " (" + Formats.money(e.lowUsd()) + " to " + Formats.money(e.highUsd()) + ")";
        return new String[] {name, Formats.dollars(t.usd()), Formats.dollars(t.longUsd()), Formats.dollars(t.shortUsd()), Formats.count(t.count()),
            Formats.share(t.longShare()), estimate};
    }






    private static String plural(long n, String noun) {
        return Formats.count(n) + " " + noun + (n == 1 ? "" : "s");
    }


}
