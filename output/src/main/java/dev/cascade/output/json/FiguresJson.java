package dev.cascade.output.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.events.Bursts;
import dev.cascade.analytics.events.FlushDetector;
import dev.cascade.analytics.figures.EventFigures;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.analytics.figures.OpenInterestFigures;
import dev.cascade.analytics.figures.PriceFigures;
import dev.cascade.analytics.figures.TakerFigures;
import dev.cascade.analytics.heatmap.Heatmap;
import dev.cascade.analytics.heatmap.HeatmapSettings;
import dev.cascade.analytics.oi.OpenInterestStats;
import dev.cascade.analytics.overview.MarketOverview;
import dev.cascade.analytics.overview.Sentiment;
import dev.cascade.analytics.price.PriceStats;
import dev.cascade.analytics.taker.TakerFlow;
import dev.cascade.model.Micros;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * The JSON of every section beyond liquidations: {@code taker}, {@code price}, {@code openInterest},
 * {@code heatmap}, {@code events}, {@code overview} and {@code sentiment} (README, "Output"). USD in dollars to the cent,
 * prices as they were, percentages and shares to four decimals, times in ISO-8601; a figure that cannot be
 * known is null.
 */
public final class FiguresJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FiguresJson() {
    }

    public static void sections(ObjectNode o, Figures f, FigureSettings s) {
        sections(f, s, o::set);
    }

    /**
     * Each section by name, in order, made only once the one before is handed over: a caller that writes each
     * out (the server's read-outs) holds one section's tree at a time, not all of them.
     */
    public static void sections(Figures f, FigureSettings s, java.util.function.BiConsumer<String, JsonNode> each) {
        each.accept("taker", taker(f.taker(), s));
        each.accept("price", price(f.price()));
        each.accept("openInterest", openInterest(f.openInterest()));
        each.accept("heatmap", heatmap(f.heatmaps(), s.heatmap()));
        each.accept("events", events(f.events()));
        each.accept("overview", f.overview() == null ? NODES.nullNode() : overview(f.overview()));
        each.accept("sentiment", f.sentiment() == null ? NODES.nullNode() : sentiment(f.sentiment()));
    }

    // ---- taker ----

    public static ObjectNode taker(TakerFigures t, FigureSettings s) {
        ObjectNode o = NODES.objectNode();
        o.put("bar", s.takerBar().id());
        o.put("maBars", s.taker().maBars());
        flow(o, t.all());
        ObjectNode byCoin = o.putObject("byCoin");
        t.byCoin().forEach((coin, f) -> byCoin.set(coin, flow(NODES.objectNode(), f)));
        ObjectNode byExchange = o.putObject("byExchange");
        t.byExchange().forEach((x, coins) -> {
            ObjectNode e = byExchange.putObject(x);
            coins.forEach((coin, f) -> e.set(coin, flow(NODES.objectNode(), f)));
        });
        if (s.withBars()) {
            ObjectNode bars = o.putObject("bars");
            t.bars().forEach((coin, list) -> {
                ArrayNode a = bars.putArray(coin);
                list.forEach(b -> a.add(bar(b)));
            });
        }
        return o;
    }

    private static ObjectNode flow(ObjectNode o, TakerFigures.Flow f) {
        o.put("buyUsd", usd(f.buyUsd()));
        o.put("sellUsd", usd(f.sellUsd()));
        o.put("netUsd", usd(f.netUsd()));
        o.put("buyShare", ratio(f.buyShare()));
        o.put("trades", f.trades()); // every documented field is present, 0 and null included
        if (f.lastBar() != null) {
            o.set("lastBar", bar(f.lastBar()));
        } else {
            o.putNull("lastBar");
        }
        return o;
    }

    private static ObjectNode bar(TakerFlow.Bar b) {
        ObjectNode o = NODES.objectNode();
        o.put("start", Micros.iso(b.startMicros()));
        o.put("buyUsd", usd(b.buyUsd()));
        o.put("sellUsd", usd(b.sellUsd()));
        o.put("netUsd", usd(b.netUsd()));
        o.put("buyShare", ratio(b.buyShare()));
        o.put("cvdUsd", usd(b.cvdUsd()));
        o.put("maUsd", usd(b.maUsd()));
        o.put("vsMaUsd", usd(b.vsMaUsd()));
        o.put("z", round(b.z(), 3));
        o.put("percentile", round(b.percentile(), 2));
        return o;
    }

    // ---- price ----

    public static ObjectNode price(PriceFigures p) {
        ObjectNode o = NODES.objectNode();
        ObjectNode byCoin = o.putObject("byCoin");
        p.byCoin().forEach((coin, c) -> byCoin.set(coin, coinPrice(c)));
        ObjectNode byVenue = o.putObject("byVenue");
        p.byVenue().forEach((venue, coins) -> {
            ObjectNode v = byVenue.putObject(venue);
            coins.forEach((coin, c) -> v.set(coin, coinPrice(c)));
        });
        return o;
    }

    private static ObjectNode coinPrice(PriceFigures.CoinPrice c) {
        PriceStats s = c.whole();
        ObjectNode o = NODES.objectNode();
        o.put("reference", s.reference());
        o.put("first", price(s.first()));
        o.put("firstTime", Micros.iso(s.firstMicros()));
        o.put("last", price(s.last()));
        o.put("lastTime", Micros.iso(s.lastMicros()));
        o.put("high", price(s.high()));
        o.put("highTime", Micros.iso(s.highMicros()));
        o.put("low", price(s.low()));
        o.put("lowTime", Micros.iso(s.lowMicros()));
        o.put("vwap", price(s.vwap()));
        o.put("changePct", round(s.changePct(), 4));
        o.put("volumeUsd", usd(s.volumeUsd()));
        o.put("trades", s.trades());
        ObjectNode changes = o.putObject("changes");
        c.changesPct().forEach((w, pct) -> changes.put(w, round(pct, 4)));
        PriceStats.VolumeChange v = c.volume24h();
        o.put("volume24hUsd", usd(v.lastDayUsd()));
        o.put("previous24hUsd", v.isPreviousCovered() ? usd(v.previousDayUsd()) : null);
        o.put("volumeChangePct", round(v.changePct(), 4));
        return o;
    }

    // ---- open interest ----

    public static ObjectNode openInterest(OpenInterestFigures f) {
        ObjectNode o = NODES.objectNode();
        o.put("usd", usd(f.usd()));
        ObjectNode byCoin = o.putObject("byCoin");
        f.byCoin().forEach((coin, s) -> byCoin.set(coin, oi(s)));
        ObjectNode byVenue = o.putObject("byVenue");
        f.byVenue().forEach((venue, coins) -> {
            ObjectNode v = byVenue.putObject(venue);
            coins.forEach((coin, s) -> v.set(coin, oi(s)));
        });
        return o;
    }

    private static ObjectNode oi(OpenInterestStats s) {
        ObjectNode o = NODES.objectNode();
        o.put("usd", usd(s.usd()));
        o.put("fundingRate", round(s.fundingRate(), 8));
        o.put("markPrice", price(s.markPrice()));
        ObjectNode changes = o.putObject("changes");
        s.changes().forEach((w, c) -> changes.putObject(w).put("fromUsd", usd(c.fromUsd()))
                .put("changeUsd", usd(c.changeUsd())).put("changePct", round(c.changePct(), 4)));
        return o;
    }

    // ---- heatmap ----

    public static ObjectNode heatmap(Map<String, Heatmap> heatmaps, HeatmapSettings s) {
        ObjectNode o = NODES.objectNode();
        o.put("model", "levels");
        ArrayNode tiers = o.putArray("tiers");
        for (int i = 0; i < s.leverages().length; i++) {
            tiers.addObject().put("leverage", s.leverages()[i]).put("weight", s.weights()[i]);
        }
        o.put("representativeUsd", s.representativeUsd());
        o.put("bucketPct", s.bucketPct());
        o.put("lookbackHours", s.lookbackMicros() / (double) Micros.PER_HOUR);
        ObjectNode byCoin = o.putObject("byCoin");
        heatmaps.forEach((coin, h) -> {
            ObjectNode c = byCoin.putObject(coin);
            c.put("from", Micros.iso(h.fromMicros()));
            c.put("to", Micros.iso(h.toMicros()));
            c.put("reference", h.reference());
            c.put("price", price(h.price()));
            Heatmap.HitRate r = h.hitRate();
            ObjectNode hit = c.putObject("hitRate");
            hit.put("share", ratio(r.share()));
            hit.put("realizedUsd", usd(r.realizedUsd()));
            hit.put("insideUsd", usd(r.insideUsd()));
            hit.put("longRealizedUsd", usd(r.longRealizedUsd()));
            hit.put("longInsideUsd", usd(r.longInsideUsd()));
            hit.put("shortRealizedUsd", usd(r.shortRealizedUsd()));
            hit.put("shortInsideUsd", usd(r.shortInsideUsd()));
            hit.put("meanCoveragePct", round(r.meanCoveragePct(), 2));
            hit.put("checks", r.checks());
            ArrayNode clusters = c.putArray("clusters");
            h.clusters().forEach(x -> clusters.add(cluster(x)));
            c.putPOJO("levels", new LevelsJson(h.levels()));
            if (!h.snapshots().isEmpty()) {
                c.putPOJO("snapshots", new SnapshotsJson(h.snapshots()));
            }
        });
        return o;
    }

    /**
     * Levels written as their tree would write them, straight to the output: with snapshots (the dashboard's) a
     * heatmap holds a few hundred thousand levels, 12 MB of JSON in the demo, and a node for each cost every
     * read-out about 100 MB of passing heap. Read back, they are the tree's nodes again.
     */
    private record LevelsJson(List<Heatmap.Level> levels) implements Streamed {
        @Override
        public void serialize(JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray();
            for (Heatmap.Level l : levels) {
                g.writeStartObject();
                number(g, "price", price(l.price()));
                number(g, "longUsd", usd(l.longUsd()));
                number(g, "shortUsd", usd(l.shortUsd()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private record SnapshotsJson(List<Heatmap.Snapshot> snapshots) implements Streamed {
        @Override
        public void serialize(JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray();
            for (Heatmap.Snapshot snap : snapshots) {
                g.writeStartObject();
                String time = Micros.iso(snap.timeMicros());
                if (time == null) {
                    g.writeNullField("time");
                } else {
                    g.writeStringField("time", time);
                }
                number(g, "price", price(snap.price()));
                g.writeFieldName("levels");
                new LevelsJson(snap.levels()).serialize(g, p);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    /** A value a tree holds as itself and writes out when the tree is written, typed or not. */
    private interface Streamed extends JsonSerializable {
        @Override
        default void serializeWithType(JsonGenerator g, SerializerProvider p, TypeSerializer t) throws IOException {
            serialize(g, p);
        }
    }

    /** A field as a tree's node writes it: a decimal, or null for a value that is not a number. */
    private static void number(JsonGenerator g, String name, BigDecimal v) throws IOException {
        g.writeFieldName(name);
        if (v == null) {
            g.writeNull();
        } else {
            g.writeNumber(v);
        }
    }

    private static ObjectNode cluster(Heatmap.Cluster c) {
        return NODES.objectNode().put("side", c.side().id()).put("price", price(c.price()))
                .put("lowPrice", price(c.lowPrice())).put("highPrice", price(c.highPrice())).put("usd", usd(c.usd()))
                .put("share", ratio(c.share()));
    }

    // ---- events ----

    public static ObjectNode events(EventFigures e) {
        ObjectNode o = NODES.objectNode();
        ArrayNode bursts = o.putArray("bursts");
        for (Bursts.Burst b : e.bursts()) {
            bursts.addObject().put("venue", b.venue().id()).put("exchange", b.venue().exchange().id())
                    .put("side", b.side().id()).put("start", Micros.iso(b.startMicros()))
                    .put("end", Micros.iso(b.endMicros())).put("minutes", b.minutes()).put("usd", usd(b.usd()))
                    .put("count", b.count()).put("peakUsd", usd(b.peakUsd()))
                    .put("peakMinute", Micros.iso(b.peakMicros()));
        }
        ArrayNode crossings = o.putArray("crossings");
        for (EventFigures.Crossing c : e.crossings()) {
            crossings.addObject().put("coin", c.coin()).put("reference", c.reference())
                    .put("time", Micros.iso(c.crossing().timeMicros())).put("kind", c.crossing().kind())
                    .put("level", price(c.crossing().level())).put("close", price(c.crossing().close()));
        }
        ArrayNode wicks = o.putArray("wicks");
        for (EventFigures.Wick w : e.wicks()) {
            wicks.addObject().put("coin", w.coin()).put("reference", w.reference())
                    .put("direction", w.wick().direction()).put("from", price(w.wick().fromPrice()))
                    .put("extreme", price(w.wick().extremePrice()))
                    .put("extremeTime", Micros.iso(w.wick().extremeMicros()))
                    .put("recoveredTo", price(w.wick().recoveredPrice()))
                    .put("recoveredTime", Micros.iso(w.wick().recoveredMicros()))
                    .put("depthPct", round(w.wick().depthPct(), 4));
        }
        ArrayNode swept = o.putArray("sweptClusters");
        for (EventFigures.Swept s : e.swept()) {
            ObjectNode n = cluster(s.swept().cluster());
            n.put("coin", s.coin());
            n.put("time", Micros.iso(s.swept().timeMicros()));
            swept.add(n);
        }
        ArrayNode flushes = o.putArray("flushes");
        for (FlushDetector.Flush f : e.flushes()) {
            FlushDetector.Evidence v = f.evidence();
            ObjectNode n = flushes.addObject().put("kind", f.kind()).put("coin", f.coin())
                    .put("start", Micros.iso(f.startMicros())).put("detected", Micros.iso(f.detectedMicros()))
                    .put("end", Micros.iso(f.endMicros()));
            n.putObject("evidence").put("from", Micros.iso(v.fromMicros())).put("to", Micros.iso(v.toMicros()))
                    .put("fromPrice", price(v.fromPrice())).put("toPrice", price(v.toPrice()))
                    .put("priceChangePct", round(v.priceChangePct(), 4)).put("oiFromUsd", usd(v.oiFromUsd()))
                    .put("oiToUsd", usd(v.oiToUsd())).put("oiChangePct", round(v.oiChangePct(), 4))
                    .put("longUsd", usd(v.longUsd())).put("shortUsd", usd(v.shortUsd()))
                    .put("longShare", ratio(v.longShare())).put("takerNetUsd", usd(v.takerNetUsd()))
                    .put("takerZ", round(v.takerZ(), 3));
        }
        ArrayNode extremes = o.putArray("takerExtremes");
        for (TakerFlow.Episode x : e.takerExtremes()) {
            ObjectNode n = extremes.addObject().put("scope", x.scope()).put("coin", x.coin())
                    .put("bar", x.resolution().id()).put("direction", x.direction())
                    .put("start", Micros.iso(x.startMicros())).put("end", Micros.iso(x.endMicros()))
                    .put("bars", x.bars()).put("netUsd", usd(x.netUsd()));
            n.set("peak", bar(x.peak()));
            n.put("monthOrdinal", x.monthOrdinal()).put("month", x.month());
        }
        return o;
    }

    // ---- overview and sentiment ----

    public static ObjectNode overview(MarketOverview.Overview v) {
        ObjectNode o = NODES.objectNode();
        o.put("time", v.timeMicros() == 0 ? null : Micros.iso(v.timeMicros()));
        o.put("totalMarketCapUsd", usd(v.totalMarketCapUsd()));
        o.put("marketCapChangePct24h", round(v.marketCapChangePct24h(), 4));
        o.put("totalVolumeUsd", usd(v.totalVolumeUsd()));
        o.put("volumeChangePct24h", round(v.volumeChangePct24h(), 4));
        o.put("btcDominancePct", round(v.btcDominancePct(), 4));
        o.put("ethDominancePct", round(v.ethDominancePct(), 4));
        o.put("btcDominanceChangePct24h", round(v.btcDominanceChangePct24h(), 4));
        o.put("coinsTime", v.coinsTimeMicros() == 0 ? null : Micros.iso(v.coinsTimeMicros()));
        movers(o.putArray("topGainers"), v.topGainers());
        movers(o.putArray("topLosers"), v.topLosers());
        return o;
    }

    private static void movers(ArrayNode a, List<MarketOverview.Mover> movers) {
        for (MarketOverview.Mover m : movers) {
            a.addObject().put("symbol", m.symbol()).put("name", m.name()).put("rank", m.rank())
                    .put("priceUsd", price(m.priceUsd())).put("changePct24h", round(m.changePct24h(), 4));
        }
    }

    public static ObjectNode sentiment(Sentiment.Index s) {
        ObjectNode o = NODES.objectNode();
        if (s.isComputed()) {
            o.put("value", s.value());
            o.put("classification", s.classification());
        } else {
            o.putNull("value");
            o.putNull("classification");
        }
        ArrayNode parts = o.putArray("components");
        for (Sentiment.Component c : s.components()) {
            parts.addObject().put("name", c.name()).put("weight", c.weight()).put("score", round(c.score(), 2))
                    .put("input", round(c.input(), 6)).put("description", c.inputDescription());
        }
        if (s.published() == null) {
            o.putNull("published");
        } else {
            o.putObject("published").put("value", s.published().value())
                    .put("classification", s.published().classification())
                    .put("time", Micros.iso(s.published().timeMicros())).put("source", "alternative.me");
        }
        return o;
    }

    // ---- numbers ----

    public static BigDecimal usd(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : LiquidationJson.usd(v);
    }

    public static BigDecimal price(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : new BigDecimal(v, MathContext.DECIMAL64)
                .round(new MathContext(10)).stripTrailingZeros();
    }

    public static BigDecimal ratio(double v) {
        return round(v, 4);
    }

    public static BigDecimal round(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null
                : BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
