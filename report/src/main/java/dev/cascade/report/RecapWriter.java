package dev.cascade.report;

import static dev.cascade.report.Words.and;
import static dev.cascade.output.Formats.dollars;
import static dev.cascade.output.Formats.money;
import static dev.cascade.report.Words.moved;
import static dev.cascade.report.Words.magnitude;
import static dev.cascade.output.Formats.price;
import static dev.cascade.output.Formats.share;

import dev.cascade.output.Formats;
import dev.cascade.analytics.LargestLiquidation;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.analytics.SideTotals;
import dev.cascade.analytics.estimate.Estimate;
import dev.cascade.analytics.events.Bursts;
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
import dev.cascade.analytics.price.RoundLevels;
import dev.cascade.model.Coin;
import dev.cascade.model.Exchange;
import dev.cascade.model.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the recap of a period from its {@link Figures}, as a market article would: a headline and a lede that
 * tell the story (what moved, how far, how much was liquidated and who), then the sections, each in time order,
 * the lead coins in prose and the per-coin repetition in tables, and a one-paragraph verdict. Every sentence
 * that states a figure is made from that figure here; a fact that did not happen (no wick, no burst, no
 * overview) makes no sentence, and a section without any facts is left out.
 */
public final class RecapWriter {
    /** Coins whose prices are narrated (the most traded); bursts and swept clusters told (the largest). */
    static final int NARRATED_COINS = 3;
    static final int TOP_EVENTS = 3;
    /** Rows of a per-coin table. */
    static final int TABLE_ROWS = 10;

    private RecapWriter() {
    }

    /** The recap of {@code f}; {@code state} (the same period) gives the minute prices the wicks are told from. */
    public static Recap write(MarketState state, Figures f, FigureSettings settings, List<Recap.Chart> charts) {
        String lead = leadCoin(f);
        Times t = Times.of(f.fromMicros(), f.toMicros());
        List<Recap.Section> sections = new ArrayList<>();
        add(sections, "Prices", prices(state, f, t), List.of(priceTable(f)));
        add(sections, "Liquidations", liquidations(f, t), List.of(liquidationTable(f)));
        add(sections, "Liquidation heatmap", heatmap(f, lead, t), List.of(hitRateTable(f, lead)));
        add(sections, "Taker flow", taker(f, settings, lead, t), List.of());
        add(sections, "Open interest and funding", openInterest(f, lead, t), List.of(openInterestTable(f, lead)));
        add(sections, "Market overview and sentiment", overview(f, t), List.of());
        add(sections, "Verdict", lead == null ? List.of() : List.of(Verdict.paragraph(f.events().flushes(), t)),
                List.of());
        String period = f.fromMicros() == 0 ? "no data" : Formats.dateTime(f.fromMicros()) + " to " + Formats.dateTime(f.toMicros());
        return new Recap(headline(f, lead), period, lede(f, lead, t), sections, charts);
    }

    private static void add(List<Recap.Section> sections, String heading, List<String> paragraphs,
                            List<Recap.Table> tables) {
        List<Recap.Table> kept = tables.stream().filter(x -> !x.rows().isEmpty()).toList();
        if (!paragraphs.isEmpty() || !kept.isEmpty()) {
            sections.add(new Recap.Section(heading, paragraphs, kept));
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

    private static PriceStats whole(Figures f, String coin) {
        PriceFigures.CoinPrice p = coin == null ? null : f.price().byCoin().get(coin);
        return p == null ? null : p.whole();
    }

    private static String headline(Figures f, String lead) {
        SideTotals t = f.liquidations().reported().total();
        PriceStats p = whole(f, lead);
        if (p != null && t.count() > 0) {
            return String.format("%s %s %s to %s as %s was liquidated, %s of it longs", lead, moved(p.changePct()),
                    magnitude(p.changePct()), price(p.last()), money(t.usd()), share(t.longShare()));
        }
        if (t.count() > 0) {
            return money(t.usd()) + " liquidated, " + share(t.longShare()) + " of it longs";
        }
        return p != null ? String.format("%s %s %s to %s", lead, moved(p.changePct()), magnitude(p.changePct()),
                price(p.last())) : "A quiet period";
    }

    /**
     * What moved and how far (the lead coin from one extreme to the other, then its close, then the next coins'
     * changes), how much was liquidated and who (the long share, the most liquidated coins, the largest order).
     */
    private static String lede(Figures f, String lead, Times t) {
        List<String> sentences = new ArrayList<>();
        PriceStats p = whole(f, lead);
        if (p != null) {
            boolean isDrop = p.highMicros() < p.lowMicros();
            double from = isDrop ? p.high() : p.low();
            double to = isDrop ? p.low() : p.high();
            StringBuilder s = new StringBuilder(String.format("%s %s %s from %s at %s to %s at %s and ended at %s, %s %s",
                    lead, isDrop ? "fell" : "rose", magnitude((to / from - 1) * 100), price(from),
                    t.at(isDrop ? p.highMicros() : p.lowMicros()), price(to), t.at(isDrop ? p.lowMicros() : p.highMicros()),
                    price(p.last()), p.changePct() >= 0 ? "up" : "down", magnitude(p.changePct())));
            List<String> others = new ArrayList<>();
            for (Map.Entry<String, PriceFigures.CoinPrice> e : f.price().byCoin().entrySet()) {
                if (!e.getKey().equals(lead) && others.size() < NARRATED_COINS - 1) {
                    double c = e.getValue().whole().changePct();
                    others.add(String.format("%s %s %s", e.getKey(), c >= 0 ? "gained" : "lost", magnitude(c)));
                }
            }
            if (!others.isEmpty()) {
                s.append("; ").append(Words.and(others));
            }
            sentences.add(s.append('.').toString());
        }
        LiquidationSummary r = f.liquidations().reported();
        SideTotals total = r.total();
        if (total.count() > 0) {
            StringBuilder s = new StringBuilder(String.format("%s was liquidated across %,d orders, %s of it longs",
                    money(total.usd()), total.count(), share(total.longShare())));
            List<String> coins = new ArrayList<>();
            for (Map.Entry<String, SideTotals> e : r.byCoin().entrySet()) {
                if (coins.size() < 2) {
                    coins.add(String.format("%s (%s)", e.getKey(), money(e.getValue().usd())));
                }
            }
            s.append(coins.size() == 2 ? ", most of all in " + Words.and(coins) : "");
            LargestLiquidation l = r.largest();
            if (l != null) {
                s.append(String.format("; the largest single order was %s %s %s on %s", Words.a(money(l.usd())), l.coin(),
                        l.side() == Side.LONG ? "long" : "short", Words.exchange(l.venue().exchange())));
            }
            sentences.add(s.append('.').toString());
        }
        return sentences.isEmpty() ? "Nothing was traded or liquidated in the period." : String.join(" ", sentences);
    }

    // ---- sections ----

    private static List<String> prices(MarketState state, Figures f, Times t) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, PriceFigures.CoinPrice> e : f.price().byCoin().entrySet()) {
            if (out.size() == NARRATED_COINS) {
                break; // the most traded coins carry the story; the table has the rest
            }
            String coin = e.getKey();
            List<RoundLevels.Crossing> crossings = new ArrayList<>();
            for (EventFigures.Crossing c : f.events().crossings()) {
                if (c.coin().equals(coin)) {
                    crossings.add(c.crossing());
                }
            }
            InstrumentBars ref = Scope.reference(Scope.ALL.select(state.bars(), Coin.of(coin)));
            out.add(PriceStory.paragraph(coin, e.getValue(), crossings, ref == null ? null : ref.minutes(), t));
        }
        return out;
    }

    private static Recap.Table priceTable(Figures f) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, PriceFigures.CoinPrice> e : f.price().byCoin().entrySet()) {
            if (rows.size() == TABLE_ROWS) {
                break;
            }
            PriceStats p = e.getValue().whole();
            PriceStats.VolumeChange v = e.getValue().volume24h();
            boolean isCovered = v != null && v.isPreviousCovered() && !Double.isNaN(v.changePct());
            rows.add(List.of(e.getKey(), price(p.first()), price(p.high()), price(p.low()), price(p.last()),
                    signed(p.changePct()), isCovered ? money(v.lastDayUsd()) : money(p.volumeUsd()),
                    isCovered ? signed(v.changePct()) : "n/a"));
        }
        return new Recap.Table("Prices by coin (the most traded instrument); volume over every venue in the last 24"
                + " hours against the 24 hours before", List.of("Coin", "Open", "High", "Low", "Close", "Change",
                "Volume 24h", "vs 24h before"), rows);
    }

    /** +2.0% or -4.4%: tables have no verb to carry the sign. */
    private static String signed(double pct) {
        return (pct >= 0 ? "+" : "-") + magnitude(pct);
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

    private static List<String> liquidations(Figures f, Times t) {
        List<String> out = new ArrayList<>();
        LiquidationSummary r = f.liquidations().reported();
        SideTotals total = r.total();
        if (total.count() == 0) {
            return out;
        }
        Estimate e = f.liquidations().estimated().total();
        StringBuilder s = new StringBuilder(String.format("Reported liquidations came to %s across %,d orders: %s of"
                        + " longs and %s of shorts, a long share of %s.", money(total.usd()), total.count(),
                money(total.longUsd()), money(total.shortUsd()), share(total.longShare())));
        if (e.usd() > e.reportedUsd() * 1.0005) {
            s.append(String.format(" Binance and OKX report at most one liquidation per symbol per second, so the true"
                            + " total was higher: Cascade estimates %s (95%% range %s to %s).", money(e.usd()),
                    money(e.lowUsd()), money(e.highUsd())));
        }
        if (e.count() >= 1) {
            // the article's "N traders were liquidated", only ever from the estimate and called one
            s.append(String.format(" Counting positions rather than orders received, about %s traders were"
                            + " liquidated: an estimate from the %,d orders received (95%% range %,d to %,d).",
                    about(e.count()), total.count(), (long) Math.floor(e.lowCount() + 1e-6),
                    (long) Math.ceil(e.highCount() - 1e-6)));
        }
        List<Map.Entry<String, SideTotals>> coins = new ArrayList<>(r.byCoin().entrySet());
        if (coins.size() >= 2) {
            Map.Entry<String, SideTotals> a = coins.get(0);
            Map.Entry<String, SideTotals> b = coins.get(1);
            s.append(String.format(" %s liquidations (%s) exceeded %s's (%s).", a.getKey(), money(a.getValue().usd()),
                    b.getKey(), money(b.getValue().usd())));
        }
        out.add(s.toString());
        // the largest bursts and the largest order, told in the order they happened
        List<Bursts.Burst> bursts = new ArrayList<>(f.events().bursts());
        bursts.sort(Comparator.comparingDouble(Bursts.Burst::usd).reversed());
        bursts = new ArrayList<>(bursts.subList(0, Math.min(TOP_EVENTS, bursts.size())));
        bursts.sort(Comparator.comparingLong(Bursts.Burst::startMicros));
        List<String> told = new ArrayList<>();
        LargestLiquidation l = r.largest();
        boolean isLargestTold = l == null;
        for (Bursts.Burst b : bursts) {
            if (!isLargestTold && l.timeMicros() < b.startMicros()) {
                told.add(largest(l, t));
                isLargestTold = true;
            }
            told.add(String.format("%s %s liquidations passed %s within %d minutes (%s to %s), peaking at %s in one"
                            + " minute.", Words.venue(b.venue()), b.side() == Side.LONG ? "long" : "short", money(b.usd()),
                    b.minutes(), t.at(b.startMicros()), t.at(b.endMicros()), money(b.peakUsd())));
        }
        if (!isLargestTold) {
            told.add(largest(l, t));
        }
        out.add(String.join(" ", told));
        return out;
    }

    /** A count rounded as an estimate deserves: to three significant figures ("127,000"). */
    static String about(double count) {
        if (count < 1_000) {
            return String.format("%,d", Math.round(count));
        }
        double unit = Math.pow(10, Math.floor(Math.log10(count)) - 2);
        return String.format("%,d", Math.round(Math.round(count / unit) * unit));
    }

    private static String largest(LargestLiquidation l, Times t) {
        return String.format("The largest single order was a %s %s liquidation of %s on %s %s (%s) at %s, %s.",
                l.coin(), l.side() == Side.LONG ? "long" : "short", dollars(l.usd()), Words.exchange(l.venue().exchange()),
                l.symbol(), Words.venue(l.venue()), price(l.price()), t.at(l.timeMicros()));
    }

    private static Recap.Table liquidationTable(Figures f) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, SideTotals> e : f.liquidations().reported().byCoin().entrySet()) {
            if (rows.size() == TABLE_ROWS) {
                break;
            }
            SideTotals x = e.getValue();
            rows.add(List.of(e.getKey(), money(x.usd()), money(x.longUsd()), money(x.shortUsd()), share(x.longShare()),
                    String.format("%,d", x.count())));
        }
        return new Recap.Table("Reported liquidations by coin", List.of("Coin", "Total", "Longs", "Shorts",
                "Long share", "Orders"), rows);
    }

    private static List<String> heatmap(Figures f, String lead, Times t) {
        List<String> out = new ArrayList<>();
        List<EventFigures.Swept> swept = new ArrayList<>(f.events().swept());
        // the lead coin's first, then the largest; told in the order they were swept
        swept.sort(Comparator.comparing((EventFigures.Swept x) -> !x.coin().equals(lead))
                .thenComparing(Comparator.comparingDouble((EventFigures.Swept x) -> x.swept().cluster().usd()).reversed()));
        swept = new ArrayList<>(swept.subList(0, Math.min(TOP_EVENTS, swept.size())));
        swept.sort(Comparator.comparingLong(x -> x.swept().timeMicros()));
        List<String> told = new ArrayList<>();
        for (EventFigures.Swept s : swept) {
            Heatmap.Cluster c = s.swept().cluster();
            told.add(String.format("The %s %s liquidation cluster on the %s heatmap (%s of predicted positions) was swept"
                            + " at %s.", price(c.price()), c.side() == Side.LONG ? "long" : "short", s.coin(),
                    money(c.usd()), t.at(s.swept().timeMicros())));
        }
        if (!told.isEmpty()) {
            out.add(String.join(" ", told));
        }
        Heatmap h = lead == null ? null : f.heatmaps().get(lead);
        if (h != null && h.hitRate().realizedUsd() > 0 && !Double.isNaN(h.hitRate().share())) {
            Heatmap.HitRate r = h.hitRate();
            out.add(String.format("The %s heatmap's clusters, predicted before each minute, held %s of the %s"
                            + " liquidated while they covered %s of the price range within 10%%; the table has every"
                            + " coin's.", lead, share(r.share()), money(r.realizedUsd()),
                    Formats.percent(r.meanCoveragePct())));
        }
        return out;
    }

    private static Recap.Table hitRateTable(Figures f, String lead) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Heatmap> e : f.heatmaps().entrySet()) {
            Heatmap.HitRate h = e.getValue().hitRate();
            if (rows.size() < TABLE_ROWS && h.realizedUsd() > 0 && !Double.isNaN(h.share())) {
                rows.add(List.of(e.getKey(), money(h.realizedUsd()), share(h.share()),
                        Formats.percent(h.meanCoveragePct())));
            }
        }
        return new Recap.Table("Heatmap hit-rate: liquidations inside the clusters predicted before each minute",
                List.of("Coin", "Liquidated", "Held by clusters", "Range covered"), rows);
    }

    private static List<String> taker(Figures f, FigureSettings settings, String lead, Times t) {
        String bar = switch (settings.takerBar()) {
            case HOUR -> "hour";
            case FIVE_MINUTES -> "five minutes";
            default -> "minute";
        };
        List<String> out = new ArrayList<>();
        TakerFigures taker = f.taker();
        for (Map.Entry<String, Map<String, TakerFigures.Flow>> x : taker.byExchange().entrySet()) {
            TakerFigures.Flow c = lead == null ? null : x.getValue().get(lead);
            TakerFlow.Bar b = c == null ? null : c.lastBar();
            if (b == null || Double.isNaN(b.maUsd())) {
                continue;
            }
            out.add(String.format("%s %s net taker volume was %s in the %s from %s, %s %s its %d-%s moving"
                            + " average.", exchangeName(x.getKey()), lead, money(b.netUsd()), bar,
                    t.at(b.startMicros()), money(Math.abs(b.vsMaUsd())), b.vsMaUsd() < 0 ? "below" : "above",
                    settings.taker().maBars(), bar.equals("five minutes") ? "bar" : bar));
            break; // the most traded exchange's; the others say the same in smaller numbers
        }
        // the period's largest extremes, told in time order (the month's are context: the ordinal)
        List<TakerFlow.Episode> recent = new ArrayList<>();
        for (TakerFlow.Episode e : taker.extremes()) {
            if (e.endMicros() > f.toMicros() - dev.cascade.model.Micros.PER_DAY && !e.scope().equals("all")) {
                recent.add(e);
            }
        }
        recent.sort(Comparator.comparing((TakerFlow.Episode e) -> !e.coin().equals(lead))
                .thenComparingDouble(e -> -Math.abs(e.netUsd())));
        recent = new ArrayList<>(recent.subList(0, Math.min(TOP_EVENTS, recent.size())));
        recent.sort(Comparator.comparingLong(TakerFlow.Episode::startMicros));
        List<String> told = new ArrayList<>();
        for (TakerFlow.Episode e : recent) {
            told.add(String.format("%s %s net taker volume reached a %s extreme of %s from %s, the %s such extreme of %s.",
                    exchangeName(e.scope()), e.coin(), e.direction(), money(e.netUsd()), Formats.dateTime(e.startMicros()),
                    Words.ordinal(e.monthOrdinal()), e.month()));
        }
        if (!told.isEmpty()) {
            out.add(String.join(" ", told));
        }
        return out;
    }

    private static List<String> openInterest(Figures f, String lead, Times t) {
        List<String> out = new ArrayList<>();
        OpenInterestStats s = lead == null ? null : f.openInterest().byCoin().get(lead);
        if (s == null || Double.isNaN(s.usd())) {
            return out;
        }
        StringBuilder b = new StringBuilder(String.format("%s open interest stood at %s at %s", lead, money(s.usd()),
                t.at(f.toMicros())));
        OpenInterestStats.Change hour = s.changes().get("1h");
        if (hour != null && !Double.isNaN(hour.changePct())) {
            b.append(String.format(", %s %s in the last hour", hour.changePct() >= 0 ? "up" : "down",
                    magnitude(hour.changePct())));
        }
        if (!Double.isNaN(s.fundingRate())) {
            b.append(String.format("; funding was %s", Formats.fundingRate(s.fundingRate())));
        }
        out.add(b.append('.').toString());
        return out;
    }


    private static Recap.Table openInterestTable(Figures f, String lead) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, OpenInterestStats> e : f.openInterest().byCoin().entrySet()) {
            OpenInterestStats s = e.getValue();
            if (rows.size() == TABLE_ROWS || Double.isNaN(s.usd())) {
                continue;
            }
            OpenInterestStats.Change hour = s.changes().get("1h");
            rows.add(List.of(e.getKey(), money(s.usd()), hour == null || Double.isNaN(hour.changePct()) ? "n/a"
                    : signed(hour.changePct()), Double.isNaN(s.fundingRate()) ? "n/a" : Formats.fundingRate(s.fundingRate())));
        }
        return new Recap.Table("Open interest at the end of the period, its change in the last hour, and funding",
                List.of("Coin", "Open interest", "1h change", "Funding"), rows);
    }

    /** Why the index reads what it does: each part's score, weight and input. */
    private static String components(Sentiment.Index s) {
        List<String> parts = new ArrayList<>();
        for (Sentiment.Component c : s.components()) {
            parts.add(String.format("%s %.0f of 100 (weight %.0f; %s)", c.name(), c.score(), c.weight(),
                    c.inputDescription()));
        }
        return String.join(", ", parts);
    }

    private static List<String> overview(Figures f, Times t) {
        List<String> out = new ArrayList<>();
        MarketOverview.Overview o = f.overview();
        if (o != null && !Double.isNaN(o.totalMarketCapUsd())) {
            StringBuilder s = new StringBuilder("Total crypto market cap ");
            s.append(Double.isNaN(o.marketCapChangePct24h()) ? "stood at " + money(o.totalMarketCapUsd())
                    : String.format("%s %s to %s", moved(o.marketCapChangePct24h()), magnitude(o.marketCapChangePct24h()),
                    money(o.totalMarketCapUsd())));
            if (!Double.isNaN(o.volumeChangePct24h())) {
                s.append(String.format(" while volume %s %s to %s", moved(o.volumeChangePct24h()),
                        magnitude(o.volumeChangePct24h()), money(o.totalVolumeUsd())));
            }
            if (!Double.isNaN(o.btcDominancePct())) {
                s.append("; BTC dominance was ").append(Formats.percent(o.btcDominancePct()));
            }
            out.add(s.append('.').toString());
        }
        if (o != null && !o.topGainers().isEmpty()) {
            MarketOverview.Mover m = o.topGainers().get(0);
            out.add(String.format("%s (%s) was the top gainer of the top 100, up %s at %s.", m.name(), m.symbol(),
                    magnitude(m.changePct24h()), price(m.priceUsd())));
        }
        if (o != null && !o.topLosers().isEmpty()) {
            MarketOverview.Mover m = o.topLosers().get(0);
            out.add(String.format("%s (%s) fell the most, down %s.", m.name(), m.symbol(), magnitude(m.changePct24h())));
        }
        Sentiment.Index s = f.sentiment();
        if (s != null && s.published() != null) {
            out.add(String.format("The Fear & Greed Index read \"%s\" (%d)%s.", s.published().classification().toLowerCase(),
                    s.published().value(), s.isComputed() ? String.format("; Cascade's own index, from market data,"
                    + " read %d (%s) at %s: %s", s.value(), s.classification(), t.at(f.toMicros()), components(s)) : ""));
        } else if (s != null && s.isComputed()) {
            out.add(String.format("Cascade's sentiment index, from market data, read %d (%s) at %s: %s.", s.value(),
                    s.classification(), t.at(f.toMicros()), components(s)));
        }
        return out;
    }
}
