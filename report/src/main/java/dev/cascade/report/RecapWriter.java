package dev.cascade.report;

import static dev.cascade.report.Words.and;
import static dev.cascade.report.Words.dollars;
import static dev.cascade.report.Words.money;
import static dev.cascade.report.Words.moved;
import static dev.cascade.report.Words.percent;
import static dev.cascade.report.Words.price;
import static dev.cascade.report.Words.share;
import static dev.cascade.report.Words.time;

import dev.cascade.analytics.LargestLiquidation;
import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.analytics.SideTotals;
import dev.cascade.analytics.estimate.Estimate;
import dev.cascade.analytics.events.Bursts;
import dev.cascade.analytics.events.FlushDetector;
import dev.cascade.analytics.figures.EventFigures;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.analytics.figures.PriceFigures;
import dev.cascade.analytics.figures.TakerFigures;
import dev.cascade.analytics.heatmap.Heatmap;
import dev.cascade.analytics.oi.OpenInterestStats;
import dev.cascade.analytics.overview.MarketOverview;
import dev.cascade.analytics.overview.Sentiment;
import dev.cascade.analytics.price.PriceStats;
import dev.cascade.analytics.taker.TakerFlow;
import dev.cascade.model.Exchange;
import dev.cascade.model.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the recap of a period from its {@link Figures}, as a market article would. Every sentence that states
 * a figure is made from that figure here; a fact that did not happen (no wick, no burst, no overview) makes no
 * sentence, and a section without any facts is left out.
 */
public final class RecapWriter {
    /** Coins whose prices are narrated (the most traded); bursts and swept clusters told (the largest). */
    static final int NARRATED_COINS = 3;
    static final int TOP_EVENTS = 3;

    private RecapWriter() {
    }

    public static Recap write(Figures f, FigureSettings settings, List<Recap.Chart> charts) {
        String lead = leadCoin(f);
        List<Recap.Section> sections = new ArrayList<>();
        add(sections, "Prices", prices(f));
        add(sections, "Liquidations", liquidations(f));
        add(sections, "Liquidation heatmap", heatmap(f));
        add(sections, "Taker flow", taker(f, settings));
        add(sections, "Open interest and funding", openInterest(f));
        add(sections, "Market overview and sentiment", overview(f));
        add(sections, "Verdict", verdict(f, lead));
        String period = f.fromMicros() == 0 ? "no data" : Words.dayTime(f.fromMicros()) + " to " + Words.dayTime(f.toMicros());
        return new Recap(headline(f, lead), period, lede(f, lead), sections, charts);
    }

    private static void add(List<Recap.Section> sections, String heading, List<String> paragraphs) {
        if (!paragraphs.isEmpty()) {
            sections.add(new Recap.Section(heading, paragraphs));
        }
    }

    /** The coin the story is about: the most traded, else the most liquidated. */
    static String leadCoin(Figures f) {
        if (!f.price().byCoin().isEmpty()) {
            return f.price().byCoin().keySet().iterator().next();
        }
        Map<String, SideTotals> byCoin = f.liquidations().reported().byCoin();
        return byCoin.isEmpty() ? null : byCoin.keySet().iterator().next();
    }

    private static String headline(Figures f, String lead) {
        SideTotals t = f.liquidations().reported().total();
        PriceStats p = lead == null || !f.price().byCoin().containsKey(lead) ? null : f.price().byCoin().get(lead).whole();
        if (p != null && t.count() > 0) {
            return String.format("%s %s %s to %s as %s was liquidated", lead, moved(p.changePct()), percent(p.changePct()),
                    price(p.last()), money(t.usd()));
        }
        if (t.count() > 0) {
            return money(t.usd()) + " liquidated, " + share(t.longShare()) + " of it longs";
        }
        return p != null ? String.format("%s %s %s to %s", lead, moved(p.changePct()), percent(p.changePct()),
                price(p.last())) : "A quiet period";
    }

    private static String lede(Figures f, String lead) {
        List<String> parts = new ArrayList<>();
        PriceStats p = lead == null || !f.price().byCoin().containsKey(lead) ? null : f.price().byCoin().get(lead).whole();
        if (p != null) {
            parts.add(String.format("%s traded between %s and %s and ended at %s, %s %s", lead, price(p.low()),
                    price(p.high()), price(p.last()), p.changePct() >= 0 ? "up" : "down", percent(p.changePct())));
        }
        SideTotals t = f.liquidations().reported().total();
        if (t.count() > 0) {
            parts.add(String.format("%s was liquidated across %,d orders, %s of it longs", money(t.usd()), t.count(),
                    share(t.longShare())));
        }
        return parts.isEmpty() ? "Nothing was traded or liquidated in the period." : Words.capitalized(
                String.join("; ", parts)) + ".";
    }

    // ---- sections ----

    private static List<String> prices(Figures f) {
        List<String> out = new ArrayList<>();
        int told = 0;
        for (Map.Entry<String, PriceFigures.CoinPrice> e : f.price().byCoin().entrySet()) {
            if (told++ == NARRATED_COINS) {
                break; // the most traded coins carry the story; the table has the rest
            }
            String coin = e.getKey();
            PriceStats p = e.getValue().whole();
            StringBuilder s = new StringBuilder(String.format("%s opened at %s, traded up to %s at %s and down to %s at %s,"
                    + " and closed at %s (%s %s). Its average trading price was %s on %s of volume",
                    coin, price(p.first()), price(p.high()), time(p.highMicros()), price(p.low()), time(p.lowMicros()),
                    price(p.last()), p.changePct() >= 0 ? "up" : "down", percent(p.changePct()), price(p.vwap()),
                    money(p.volumeUsd())));
            PriceStats.VolumeChange v = e.getValue().volume24h();
            if (v != null && v.isPreviousCovered() && !Double.isNaN(v.changePct())) {
                s.append(String.format(", %s %s on the day before", v.changePct() >= 0 ? "up" : "down",
                        percent(v.changePct())));
            }
            out.add(s.append('.').toString());
            crossings(f.events(), coin, out);
            for (EventFigures.Wick w : f.events().wicks()) {
                if (w.coin().equals(coin) && w.wick().depthPct() >= 1.25) {
                    out.add(String.format("A wick took %s %s to %s at %s, %s from %s, and it was back at %s by %s.",
                            coin, w.wick().isDown() ? "down" : "up", price(w.wick().extremePrice()),
                            time(w.wick().extremeMicros()), percent(w.wick().depthPct()), price(w.wick().fromPrice()),
                            price(w.wick().recoveredPrice()), time(w.wick().recoveredMicros())));
                }
            }
        }
        return out;
    }

    /** "BTC fell below $105,000 at 14:53, $104,000 at 15:21 and $103,000 at 15:35 UTC, and recovered $103,000 ..." */
    private static void crossings(EventFigures events, String coin, List<String> out) {
        List<String> below = new ArrayList<>();
        List<String> above = new ArrayList<>();
        List<String> recovered = new ArrayList<>();
        for (EventFigures.Crossing c : events.crossings()) {
            if (!c.coin().equals(coin)) {
                continue;
            }
            String at = price(c.crossing().level()) + " at " + time(c.crossing().timeMicros());
            (c.crossing().isDown() ? below : c.crossing().isRecovery() ? recovered : above).add(at);
        }
        List<String> clauses = new ArrayList<>();
        if (!above.isEmpty()) {
            clauses.add("rose above " + levels(above));
        }
        if (!below.isEmpty()) {
            clauses.add("fell below " + levels(below));
        }
        if (!recovered.isEmpty()) {
            clauses.add("recovered " + levels(recovered));
        }
        if (!clauses.isEmpty()) {
            out.add(coin + " " + String.join("; it ", clauses) + ".");
        }
    }

    /** Up to four levels by name; more as the first, the last and how many. */
    private static String levels(List<String> at) {
        if (at.size() <= 4) {
            return and(at);
        }
        return at.get(0) + " and on through " + at.get(at.size() - 1) + " (" + at.size() + " round levels)";
    }

    /** An exchange id ("binance", or "all" for every venue) as written. */
    private static String exchangeName(String id) {
        for (Exchange e : Exchange.values()) {
            if (e.id().equals(id)) {
                return Words.exchange(e);
            }
        }
        return id.equals("all") ? "Market-wide" : Words.capitalized(id);
    }

    private static List<String> liquidations(Figures f) {
        List<String> out = new ArrayList<>();
        LiquidationSummary r = f.liquidations().reported();
        SideTotals t = r.total();
        if (t.count() == 0) {
            return out;
        }
        Estimate e = f.liquidations().estimated().total();
        out.add(String.format("Reported liquidations came to %s across %,d orders: %s of longs and %s of shorts, a long"
                        + " share of %s.", money(t.usd()), t.count(), money(t.longUsd()), money(t.shortUsd()),
                share(t.longShare())));
        if (e.usd() > e.reportedUsd() * 1.0005) {
            out.add(String.format("Binance and OKX report at most one liquidation per symbol per second, so the true"
                            + " total was higher: Cascade estimates %s (95%% range %s to %s).", money(e.usd()),
                    money(e.lowUsd()), money(e.highUsd())));
        }
        List<Map.Entry<String, SideTotals>> coins = new ArrayList<>(r.byCoin().entrySet());
        if (coins.size() >= 2) {
            Map.Entry<String, SideTotals> a = coins.get(0);
            Map.Entry<String, SideTotals> b = coins.get(1);
            out.add(String.format("%s liquidations (%s) exceeded %s's (%s).", a.getKey(), money(a.getValue().usd()),
                    b.getKey(), money(b.getValue().usd())));
        }
        LargestLiquidation l = r.largest();
        if (l != null) {
            out.add(String.format("The largest single order was a %s %s liquidation of %s on %s %s (%s) at %s, %s.",
                    l.coin(), l.side() == Side.LONG ? "long" : "short", dollars(l.usd()),
                    Words.exchange(l.venue().exchange()), l.symbol(), Words.venue(l.venue()), price(l.price()),
                    time(l.timeMicros())));
        }
        List<Bursts.Burst> bursts = new ArrayList<>(f.events().bursts());
        bursts.sort(java.util.Comparator.comparingDouble(Bursts.Burst::usd).reversed());
        for (Bursts.Burst b : bursts.subList(0, Math.min(TOP_EVENTS, bursts.size()))) {
            out.add(String.format("%s %s liquidations passed %s within %d minutes (%s to %s), peaking at %s in one minute.",
                    Words.venue(b.venue()), b.side() == Side.LONG ? "long" : "short", money(b.usd()),
                    b.minutes(), time(b.startMicros()), time(b.endMicros()), money(b.peakUsd())));
        }
        return out;
    }

    private static List<String> heatmap(Figures f) {
        List<String> out = new ArrayList<>();
        List<EventFigures.Swept> swept = new ArrayList<>(f.events().swept());
        String lead = leadCoin(f);
        // the lead coin's first, then the largest
        swept.sort(java.util.Comparator.comparing((EventFigures.Swept x) -> !x.coin().equals(lead))
                .thenComparing(java.util.Comparator.comparingDouble((EventFigures.Swept x) -> x.swept().cluster().usd())
                        .reversed()));
        for (EventFigures.Swept s : swept.subList(0, Math.min(TOP_EVENTS, swept.size()))) {
            Heatmap.Cluster c = s.swept().cluster();
            out.add(String.format("The %s %s liquidation cluster on the %s heatmap (%s of predicted positions) was swept"
                            + " at %s.", price(c.price()), c.side() == Side.LONG ? "long" : "short", s.coin(),
                    money(c.usd()), time(s.swept().timeMicros())));
        }
        for (Map.Entry<String, Heatmap> e : f.heatmaps().entrySet()) {
            Heatmap.HitRate h = e.getValue().hitRate();
            if (h.realizedUsd() > 0 && !Double.isNaN(h.share())) {
                out.add(String.format("The %s heatmap's clusters, predicted before each minute, held %s of the %s"
                                + " liquidated while they covered %.0f%% of the price range within 10%%.", e.getKey(),
                        share(h.share()), money(h.realizedUsd()), h.meanCoveragePct()));
            }
        }
        return out;
    }

    private static List<String> taker(Figures f, FigureSettings settings) {
        String bar = switch (settings.takerBar()) {
            case HOUR -> "hour";
            case FIVE_MINUTES -> "five minutes";
            default -> "minute";
        };
        List<String> out = new ArrayList<>();
        TakerFigures t = f.taker();
        for (Map.Entry<String, Map<String, TakerFigures.Flow>> x : t.byExchange().entrySet()) {
            for (Map.Entry<String, TakerFigures.Flow> c : x.getValue().entrySet()) {
                TakerFlow.Bar b = c.getValue().lastBar();
                if (b == null || Double.isNaN(b.maUsd())) {
                    continue;
                }
                out.add(String.format("%s %s net taker volume was %s in the %s from %s, %s %s its %d-%s moving"
                                + " average.", exchangeName(x.getKey()), c.getKey(), money(b.netUsd()), bar,
                        time(b.startMicros()), money(Math.abs(b.vsMaUsd())), b.vsMaUsd() < 0 ? "below" : "above",
                        settings.taker().maBars(), bar.equals("five minutes") ? "bar" : bar));
                break; // the exchange's most traded coin
            }
        }
        // the day's largest extremes (the month's are context: the ordinal)
        List<TakerFlow.Episode> recent = new ArrayList<>();
        for (TakerFlow.Episode e : t.extremes()) {
            if (e.endMicros() > f.toMicros() - dev.cascade.model.Micros.PER_DAY && !e.scope().equals("all")) {
                recent.add(e);
            }
        }
        String lead = leadCoin(f);
        recent.sort(java.util.Comparator.comparing((TakerFlow.Episode e) -> !e.coin().equals(lead))
                .thenComparingDouble(e -> -Math.abs(e.netUsd())));
        for (TakerFlow.Episode e : recent.subList(0, Math.min(TOP_EVENTS, recent.size()))) {
            out.add(String.format("%s %s net taker volume reached a %s extreme of %s from %s, the %s such extreme of %s.",
                    exchangeName(e.scope()), e.coin(), e.direction(), money(e.netUsd()), Words.dayTime(e.startMicros()),
                    Words.ordinal(e.monthOrdinal()), e.month()));
        }
        return out;
    }

    private static List<String> openInterest(Figures f) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, OpenInterestStats> e : f.openInterest().byCoin().entrySet()) {
            OpenInterestStats s = e.getValue();
            if (Double.isNaN(s.usd())) {
                continue;
            }
            StringBuilder b = new StringBuilder(String.format("%s open interest stood at %s", e.getKey(), money(s.usd())));
            OpenInterestStats.Change hour = s.changes().get("1h");
            if (hour != null && !Double.isNaN(hour.changePct())) {
                b.append(String.format(", %s %s in the last hour", hour.changePct() >= 0 ? "up" : "down",
                        percent(hour.changePct())));
            }
            if (!Double.isNaN(s.fundingRate())) {
                b.append(String.format("; funding was %.4f%%", s.fundingRate() * 100));
            }
            out.add(b.append('.').toString());
        }
        return out;
    }

    private static List<String> overview(Figures f) {
        List<String> out = new ArrayList<>();
        MarketOverview.Overview o = f.overview();
        if (o != null && !Double.isNaN(o.totalMarketCapUsd())) {
            StringBuilder s = new StringBuilder("Total crypto market cap ");
            s.append(Double.isNaN(o.marketCapChangePct24h()) ? "stood at " + money(o.totalMarketCapUsd())
                    : String.format("%s %s to %s", moved(o.marketCapChangePct24h()), percent(o.marketCapChangePct24h()),
                    money(o.totalMarketCapUsd())));
            if (!Double.isNaN(o.volumeChangePct24h())) {
                s.append(String.format(" while volume %s %s to %s", moved(o.volumeChangePct24h()),
                        percent(o.volumeChangePct24h()), money(o.totalVolumeUsd())));
            }
            if (!Double.isNaN(o.btcDominancePct())) {
                s.append(String.format("; BTC dominance was %.1f%%", o.btcDominancePct()));
            }
            out.add(s.append('.').toString());
        }
        if (o != null && !o.topGainers().isEmpty()) {
            MarketOverview.Mover m = o.topGainers().get(0);
            out.add(String.format("%s (%s) was the top gainer of the top 100, up %s at %s.", m.name(), m.symbol(),
                    percent(m.changePct24h()), price(m.priceUsd())));
        }
        if (o != null && !o.topLosers().isEmpty()) {
            MarketOverview.Mover m = o.topLosers().get(0);
            out.add(String.format("%s (%s) fell the most, down %s.", m.name(), m.symbol(), percent(m.changePct24h())));
        }
        Sentiment.Index s = f.sentiment();
        if (s != null && s.published() != null) {
            out.add(String.format("The Fear & Greed Index read \"%s\" (%d)%s.", s.published().classification().toLowerCase(),
                    s.published().value(), s.isComputed() ? String.format("; Cascade's own index, from market data,"
                    + " read %d (%s)", s.value(), s.classification()) : ""));
        } else if (s != null && s.isComputed()) {
            out.add(String.format("Cascade's sentiment index, from market data, read %d (%s).", s.value(),
                    s.classification()));
        }
        return out;
    }

    private static List<String> verdict(Figures f, String lead) {
        List<String> out = new ArrayList<>();
        for (FlushDetector.Flush x : f.events().flushes()) {
            FlushDetector.Evidence e = x.evidence();
            out.add(String.format("%s: a %s from %s, with price %s %s, open interest %s %s and %s liquidated (%s longs)"
                            + " in the hour to %s.", x.coin(), x.kind().replace('-', ' '), time(x.detectedMicros()),
                    e.priceChangePct() >= 0 ? "up" : "down", percent(e.priceChangePct()),
                    e.oiChangePct() >= 0 ? "up" : "down", percent(e.oiChangePct()), money(e.longUsd() + e.shortUsd()),
                    share(e.longShare()), time(e.toMicros())));
        }
        if (out.isEmpty() && lead != null) {
            out.add("No leverage flush or squeeze met Cascade's thresholds (price 2%, open interest 1% or 4%,"
                    + " $2M liquidated in an hour, three quarters on one side).");
        }
        return out;
    }
}
