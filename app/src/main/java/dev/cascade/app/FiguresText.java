package dev.cascade.app;

import dev.cascade.output.Formats;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The analytics sections of the text report: prices, taker flow, open interest, heatmaps, events, overview, sentiment. */
final class FiguresText {
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
                List<String> row = new ArrayList<>(List.of(e.getKey(), Formats.price(e.getValue().whole().last())));
                windows.forEach(w -> row.add(Formats.signedPercent(e.getValue().changesPct().get(w))));
                TakerFigures.Flow flow = f.taker().byCoin().get(e.getKey());
                row.add(flow == null ? Formats.UNKNOWN : Formats.money(flow.netUsd()));
                row.add(flow == null || flow.lastBar() == null ? Formats.UNKNOWN : Formats.money(flow.lastBar().vsMaUsd()));
                OpenInterestStats oi = f.openInterest().byCoin().get(e.getKey());
                OpenInterestStats.Change hour = oi == null ? null : oi.changes().get("1h");
                row.add(oi == null ? Formats.UNKNOWN : Formats.money(oi.usd()));
                row.add(hour == null ? Formats.UNKNOWN : Formats.signedPercent(hour.changePct()));
                row.add(oi == null || Double.isNaN(oi.fundingRate()) ? Formats.UNKNOWN
                        : Formats.fundingRate(oi.fundingRate()));
                t.row(row.toArray(String[]::new));
            });
            t.render(out, "  ");
        }
        List<Object[]> lines = eventLines(f.events());
        if (!lines.isEmpty()) {
            out.append("\nLatest events (UTC)\n");
            for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 6); i--) {
                out.append("  ").append(Formats.minute((Long) lines.get(i)[0])).append("  ").append(lines.get(i)[1]).append('\n');
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
            t.row(e.getKey(), Formats.price(s.first()), Formats.price(s.last()), Formats.signedPercent(s.changePct()),
                    Formats.price(s.high()), Formats.minute(s.highMicros()), Formats.price(s.low()), Formats.minute(s.lowMicros()),
                    Formats.price(s.vwap()), Formats.money(s.volumeUsd()), Formats.signedPercent(e.getValue().volume24h().changePct()));
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
            table.row(e.getKey(), Formats.money(f.buyUsd()), Formats.money(f.sellUsd()),
                    Formats.money(f.netUsd()), Formats.share(f.buyShare()), b == null ? Formats.UNKNOWN : Formats.minute(b.startMicros()),
                    b == null ? Formats.UNKNOWN : Formats.money(b.netUsd()), b == null ? Formats.UNKNOWN : Formats.money(b.vsMaUsd()),
                    b == null || Double.isNaN(b.z()) ? Formats.UNKNOWN : String.format(Locale.ROOT, "%+.1f", b.z()));
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
            List<String> row = new ArrayList<>(List.of(e.getKey(), Formats.money(s.usd())));
            for (String w : windows) {
                OpenInterestStats.Change c = s.changes().get(w);
                row.add(c == null ? Formats.UNKNOWN : Formats.signedPercent(c.changePct()));
            }
            row.add(Formats.fundingRate(s.fundingRate()));
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
            out.append("  ").append(coin).append(" at ").append(Formats.price(h.price())).append(": ");
            out.append("long clusters ").append(clusters(h, Side.LONG)).append("; short clusters ")
                    .append(clusters(h, Side.SHORT)).append('\n');
            Heatmap.HitRate r = h.hitRate();
            out.append("    hit-rate ").append(r.checks() == 0 ? "- (no liquidation after the first hour)"
                    : Formats.share(r.share()) + " of " + Formats.money(r.realizedUsd())
                    + " (clusters covered " + Formats.percent(r.meanCoveragePct()) + " of price +-10%)")
                    .append("; ").append(h.swept().size()).append(" cluster").append(h.swept().size() == 1 ? "" : "s")
                    .append(" swept\n");
        });
    }

    private static String clusters(Heatmap h, Side side) {
        String s = h.clusters().stream().filter(c -> c.side() == side)
                .sorted(Comparator.comparingDouble(c -> Math.abs(c.price() - h.price()))).limit(3)
                .map(c -> Formats.price(c.price()) + " (" + Formats.money(c.usd()) + ")")
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
        lines.stream().limit(MAX_EVENTS).forEach(l -> out.append("  ").append(Formats.minute((Long) l[0])).append("  ")
                .append(l[1]).append('\n'));
    }

    /** Every event as (time, sentence), oldest first. */
    private static List<Object[]> eventLines(EventFigures e) {
        List<Object[]> lines = new ArrayList<>();
        for (Bursts.Burst b : e.bursts()) {
            lines.add(line(b.startMicros(), String.format(Locale.ROOT, "%s %s liquidations %s over %d min (peak %s/min)",
                    b.venue().id(), b.side().id(), Formats.money(b.usd()), b.minutes(), Formats.money(b.peakUsd()))));
        }
        for (EventFigures.Crossing c : e.crossings()) {
            String verb = c.crossing().isDown() ? "fell below" : c.crossing().isRecovery() ? "recovered" : "rose above";
            lines.add(line(c.crossing().timeMicros(), c.coin() + " " + verb + " " + Formats.price(c.crossing().level())));
        }
        for (EventFigures.Wick w : e.wicks()) {
            lines.add(line(w.wick().extremeMicros(), String.format(Locale.ROOT, "%s wick %s to %s (%s from %s), back to %s at %s",
                    w.coin(), w.wick().direction(), Formats.price(w.wick().extremePrice()), Formats.percent(w.wick().depthPct()),
                    Formats.price(w.wick().fromPrice()), Formats.price(w.wick().recoveredPrice()),
                    Formats.minute(w.wick().recoveredMicros()))));
        }
        for (EventFigures.Swept s : e.swept()) {
            Heatmap.Cluster c = s.swept().cluster();
            lines.add(line(s.swept().timeMicros(), String.format(Locale.ROOT, "%s %s cluster at %s swept (%s predicted)",
                    s.coin(), c.side().id(), Formats.price(c.price()), Formats.money(c.usd()))));
        }
        for (FlushDetector.Flush f : e.flushes()) {
            FlushDetector.Evidence v = f.evidence();
            lines.add(line(f.detectedMicros(), String.format(Locale.ROOT,
                    "%s %s until %s; strongest in the hour to %s: price %s, open interest %s, liquidations %s (%s longs)",
                    f.coin(), f.kind(), Formats.minute(f.endMicros()).substring(6), Formats.minute(v.toMicros()).substring(6),
                    Formats.signedPercent(v.priceChangePct()), Formats.signedPercent(v.oiChangePct()), Formats.money(v.longUsd() + v.shortUsd()),
                    Formats.share(v.longShare()))));
        }
        for (TakerFlow.Episode x : e.takerExtremes()) {
            lines.add(line(x.startMicros(), String.format(Locale.ROOT,
                    "%s %s net taker %s extreme: %s over %d %s bar%s, the %s such this month", x.scope(), x.coin(),
                    x.direction(), Formats.money(x.netUsd()), x.bars(), x.resolution().id(), x.bars() == 1 ? "" : "s",
                    Formats.ordinal(x.monthOrdinal()))));
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
            out.append(": total cap ").append(Formats.money(v.totalMarketCapUsd())).append(" (")
                    .append(Formats.signedPercent(v.marketCapChangePct24h())).append(" in 24h), volume ")
                    .append(Formats.money(v.totalVolumeUsd())).append(" (").append(Formats.signedPercent(v.volumeChangePct24h()))
                    .append("), BTC dominance ").append(Formats.percent(v.btcDominancePct()));
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
        return movers.stream().map(m -> m.symbol() + " " + Formats.signedPercent(m.changePct24h())).collect(Collectors.joining(", "));
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


}
