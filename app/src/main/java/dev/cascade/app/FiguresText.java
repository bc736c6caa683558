package dev.cascade.app;

import dev.cascade.analytics.events.Bursts;
import dev.cascade.analytics.events.FlushDetector;
import dev.cascade.analytics.figures.EventFigures;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.analytics.figures.PriceFigures;
import dev.cascade.analytics.figures.TakerFigures;
import dev.cascade.analytics.heatmap.Heatmap;
import dev.cascade.analytics.oi.OpenInterestStats;
import dev.cascade.analytics.overview.MarketOverview;
import dev.cascade.analytics.overview.Sentiment;
import dev.cascade.analytics.price.PriceStats;
import dev.cascade.analytics.taker.TakerFlow;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The analytics sections of the text report: prices, taker flow, open interest, heatmaps, events, overview, sentiment. */
final class FiguresText {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int MAX_EVENTS = 24;

    private FiguresText() {
    }

    static void sections(StringBuilder out, Figures f, int top) {
        prices(out, f.price(), top);
        taker(out, f.taker(), top);
        openInterest(out, f, top);
        heatmaps(out, f.heatmaps());
        events(out, f.events());
        overview(out, f.overview());
        sentiment(out, f.sentiment());
    }

    /** The live screen's compact view: a line per coin, the latest events, sentiment. */
    static void live(StringBuilder out, Figures f, int top) {
        if (!f.price().byCoin().isEmpty()) {
            out.append("\nMarkets\n");
            List<String> windows = new ArrayList<>(f.price().byCoin().values().iterator().next().changesPct().keySet());
            List<String> columns = new ArrayList<>(List.of("<Coin", "Last"));
            windows.forEach(w -> columns.add(w));
            columns.addAll(List.of("Taker net", "Last bar vs MA", "Open interest", "OI 1h", "Funding"));
            TextTable t = new TextTable(columns.toArray(String[]::new));
            f.price().byCoin().entrySet().stream().limit(top).forEach(e -> {
                List<String> row = new ArrayList<>(List.of(e.getKey(), ReplayText.price(e.getValue().whole().last())));
                windows.forEach(w -> row.add(signed(e.getValue().changesPct().get(w))));
                TakerFigures.Flow flow = f.taker().byCoin().get(e.getKey());
                row.add(flow == null ? "-" : ReplayText.compact(flow.netUsd()));
                row.add(flow == null || flow.lastBar() == null ? "-" : ReplayText.compact(flow.lastBar().vsMaUsd()));
                OpenInterestStats oi = f.openInterest().byCoin().get(e.getKey());
                OpenInterestStats.Change hour = oi == null ? null : oi.changes().get("1h");
                row.add(oi == null ? "-" : ReplayText.compact(oi.usd()));
                row.add(hour == null ? "-" : signed(hour.changePct()));
                row.add(oi == null || Double.isNaN(oi.fundingRate()) ? "-"
                        : String.format(Locale.ROOT, "%+.4f %%", oi.fundingRate() * 100));
                t.row(row.toArray(String[]::new));
            });
            t.render(out, "  ");
        }
        List<Object[]> lines = eventLines(f.events());
        if (!lines.isEmpty()) {
            out.append("\nLatest events (UTC)\n");
            for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 6); i--) {
                out.append("  ").append(minute((Long) lines.get(i)[0])).append("  ").append(lines.get(i)[1]).append('\n');
            }
        }
        sentiment(out, f.sentiment());
    }

    private static void prices(StringBuilder out, PriceFigures p, int top) {
        if (p.byCoin().isEmpty()) {
            return;
        }
        out.append("\nPrices (first to last of the most traded instrument; VWAP and volume over every venue)\n");
        TextTable t = new TextTable("<Coin", "First", "Last", "Change", "High", "<at", "Low", "<at", "VWAP", "Volume",
                "24h vol vs day before");
        p.byCoin().entrySet().stream().limit(top).forEach(e -> {
            PriceStats s = e.getValue().whole();
            t.row(e.getKey(), ReplayText.price(s.first()), ReplayText.price(s.last()), signed(s.changePct()),
                    ReplayText.price(s.high()), minute(s.highMicros()), ReplayText.price(s.low()), minute(s.lowMicros()),
                    ReplayText.price(s.vwap()), ReplayText.compact(s.volumeUsd()), signed(e.getValue().volume24h().changePct()));
        });
        t.render(out, "  ");
    }

    private static void taker(StringBuilder out, TakerFigures t, int top) {
        if (t.byCoin().isEmpty()) {
            return;
        }
        out.append("\nTaker flow (net = taker buys - taker sells)\n");
        TextTable table = new TextTable("<Coin", "Buys", "Sells", "Net", "Buy share", "<Last bar", "Net", "vs MA", "z");
        t.byCoin().entrySet().stream().limit(top).forEach(e -> {
            TakerFigures.Flow f = e.getValue();
            TakerFlow.Bar b = f.lastBar();
            table.row(e.getKey(), ReplayText.compact(f.buyUsd()), ReplayText.compact(f.sellUsd()),
                    ReplayText.compact(f.netUsd()), ReplayText.percent(f.buyShare()), b == null ? "-" : minute(b.startMicros()),
                    b == null ? "-" : ReplayText.compact(b.netUsd()), b == null ? "-" : ReplayText.compact(b.vsMaUsd()),
                    b == null || Double.isNaN(b.z()) ? "-" : String.format(Locale.ROOT, "%+.1f", b.z()));
        });
        table.render(out, "  ");
    }

    private static void openInterest(StringBuilder out, Figures f, int top) {
        Map<String, OpenInterestStats> byCoin = f.openInterest().byCoin();
        if (byCoin.isEmpty()) {
            return;
        }
        out.append("\nOpen interest and funding\n");
        List<String> windows = new ArrayList<>(byCoin.values().iterator().next().changes().keySet());
        List<String> columns = new ArrayList<>(List.of("<Coin", "Open interest"));
        windows.forEach(w -> columns.add(w + " change"));
        columns.add("Funding");
        TextTable t = new TextTable(columns.toArray(String[]::new));
        byCoin.entrySet().stream().limit(top).forEach(e -> {
            OpenInterestStats s = e.getValue();
            List<String> row = new ArrayList<>(List.of(e.getKey(), ReplayText.compact(s.usd())));
            for (String w : windows) {
                OpenInterestStats.Change c = s.changes().get(w);
                row.add(c == null ? "-" : signed(c.changePct()));
            }
            row.add(Double.isNaN(s.fundingRate()) ? "-" : String.format(Locale.ROOT, "%+.4f %%", s.fundingRate() * 100));
            t.row(row.toArray(String[]::new));
        });
        t.render(out, "  ");
    }

    private static void heatmaps(StringBuilder out, Map<String, Heatmap> heatmaps) {
        if (heatmaps.isEmpty()) {
            return;
        }
        out.append("\nLiquidation heatmap (levels model; clusters of predicted liquidations; hit-rate = realized\n"
                + "liquidation USD that fell inside the clusters predicted just before)\n");
        heatmaps.forEach((coin, h) -> {
            out.append("  ").append(coin).append(" at ").append(ReplayText.price(h.price())).append(": ");
            out.append("long clusters ").append(clusters(h, Side.LONG)).append("; short clusters ")
                    .append(clusters(h, Side.SHORT)).append('\n');
            Heatmap.HitRate r = h.hitRate();
            out.append("    hit-rate ").append(r.checks() == 0 ? "- (no liquidation after the first hour)"
                    : ReplayText.percent(r.share()) + " of " + ReplayText.compact(r.realizedUsd())
                    + String.format(Locale.ROOT, " (clusters covered %.1f %% of price +-10 %%)", r.meanCoveragePct()))
                    .append("; ").append(h.swept().size()).append(" cluster").append(h.swept().size() == 1 ? "" : "s")
                    .append(" swept\n");
        });
    }

    private static String clusters(Heatmap h, Side side) {
        String s = h.clusters().stream().filter(c -> c.side() == side)
                .sorted(Comparator.comparingDouble(c -> Math.abs(c.price() - h.price()))).limit(3)
                .map(c -> ReplayText.price(c.price()) + " (" + ReplayText.compact(c.usd()) + ")")
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? "none" : s;
    }

    private static void events(StringBuilder out, EventFigures e) {
        List<Object[]> lines = eventLines(e);
        if (lines.isEmpty()) {
            return;
        }
        out.append("\nEvents (UTC)").append(lines.size() > MAX_EVENTS ? ", the first " + MAX_EVENTS + " of " + lines.size()
                + " (all in --format json)" : "").append('\n');
        lines.stream().limit(MAX_EVENTS).forEach(l -> out.append("  ").append(minute((Long) l[0])).append("  ")
                .append(l[1]).append('\n'));
    }

    /** Every event as (time, sentence), oldest first. */
    private static List<Object[]> eventLines(EventFigures e) {
        List<Object[]> lines = new ArrayList<>();
        for (Bursts.Burst b : e.bursts()) {
            lines.add(line(b.startMicros(), String.format(Locale.ROOT, "%s %s liquidations %s over %d min (peak %s/min)",
                    b.venue().id(), b.side().id(), ReplayText.compact(b.usd()), b.minutes(), ReplayText.compact(b.peakUsd()))));
        }
        for (EventFigures.Crossing c : e.crossings()) {
            String verb = c.crossing().isDown() ? "fell below" : c.crossing().isRecovery() ? "recovered" : "rose above";
            lines.add(line(c.crossing().timeMicros(), c.coin() + " " + verb + " " + ReplayText.price(c.crossing().level())));
        }
        for (EventFigures.Wick w : e.wicks()) {
            lines.add(line(w.wick().extremeMicros(), String.format(Locale.ROOT, "%s wick %s to %s (%.2f %% from %s), back to %s at %s",
                    w.coin(), w.wick().direction(), ReplayText.price(w.wick().extremePrice()), w.wick().depthPct(),
                    ReplayText.price(w.wick().fromPrice()), ReplayText.price(w.wick().recoveredPrice()),
                    minute(w.wick().recoveredMicros()))));
        }
        for (EventFigures.Swept s : e.swept()) {
            Heatmap.Cluster c = s.swept().cluster();
            lines.add(line(s.swept().timeMicros(), String.format(Locale.ROOT, "%s %s cluster at %s swept (%s predicted)",
                    s.coin(), c.side().id(), ReplayText.price(c.price()), ReplayText.compact(c.usd()))));
        }
        for (FlushDetector.Flush f : e.flushes()) {
            FlushDetector.Evidence v = f.evidence();
            lines.add(line(f.detectedMicros(), String.format(Locale.ROOT,
                    "%s %s until %s; strongest in the hour to %s: price %s, open interest %s, liquidations %s (%s longs)",
                    f.coin(), f.kind(), minute(f.endMicros()).substring(6), minute(v.toMicros()).substring(6),
                    signed(v.priceChangePct()), signed(v.oiChangePct()), ReplayText.compact(v.longUsd() + v.shortUsd()),
                    ReplayText.percent(v.longShare()))));
        }
        for (TakerFlow.Episode x : e.takerExtremes()) {
            lines.add(line(x.startMicros(), String.format(Locale.ROOT,
                    "%s %s net taker %s extreme: %s over %d %s bar%s, the %s such this month", x.scope(), x.coin(),
                    x.direction(), ReplayText.compact(x.netUsd()), x.bars(), x.resolution().id(), x.bars() == 1 ? "" : "s",
                    ordinal(x.monthOrdinal()))));
        }
        lines.sort(Comparator.comparingLong(l -> (Long) l[0]));
        return lines;
    }

    private static void overview(StringBuilder out, MarketOverview.Overview v) {
        if (v == null) {
            return;
        }
        out.append("\nMarket overview");
        if (!Double.isNaN(v.totalMarketCapUsd())) {
            out.append(": total cap ").append(ReplayText.compact(v.totalMarketCapUsd())).append(" (")
                    .append(signed(v.marketCapChangePct24h())).append(" in 24h), volume ")
                    .append(ReplayText.compact(v.totalVolumeUsd())).append(" (").append(signed(v.volumeChangePct24h()))
                    .append("), BTC dominance ").append(String.format(Locale.ROOT, "%.1f %%", v.btcDominancePct()));
        }
        out.append('\n');
        if (!v.topGainers().isEmpty()) {
            out.append("  top gainers of the top 100: ").append(movers(v.topGainers())).append('\n');
        }
        if (!v.topLosers().isEmpty()) {
            out.append("  top losers of the top 100: ").append(movers(v.topLosers())).append('\n');
        }
    }

    private static String movers(List<MarketOverview.Mover> movers) {
        return movers.stream().map(m -> m.symbol() + " " + signed(m.changePct24h())).collect(Collectors.joining(", "));
    }

    private static void sentiment(StringBuilder out, Sentiment.Index s) {
        if (s == null) {
            return;
        }
        out.append("\nSentiment: ");
        if (s.isComputed()) {
            out.append(s.value()).append(" (").append(s.classification()).append("), from ")
                    .append(s.components().stream().map(c -> String.format(Locale.ROOT, "%s %.0f", c.name(), c.score()))
                            .collect(Collectors.joining(", ")));
        } else {
            out.append("not computed (no BTC trades in the last 24 h, no dominance change)");
        }
        if (s.published() != null) {
            out.append("; alternative.me published ").append(s.published().value()).append(" (")
                    .append(s.published().classification()).append(") for ")
                    .append(Micros.toInstant(s.published().timeMicros()).toString(), 0, 10);
        }
        out.append('\n');
    }

    private static Object[] line(long micros, String text) {
        return new Object[] {micros, text};
    }

    private static String minute(long micros) {
        return MINUTE.format(Micros.toInstant(micros));
    }

    static String signed(double pct) {
        return Double.isNaN(pct) ? "-" : String.format(Locale.ROOT, "%+.2f %%", pct);
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
