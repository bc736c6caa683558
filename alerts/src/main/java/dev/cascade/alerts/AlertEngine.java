package dev.cascade.alerts;

import dev.cascade.output.Formats;
import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.SideTotals;
import dev.cascade.analytics.events.Bursts;
import dev.cascade.analytics.events.FlushDetector;
import dev.cascade.analytics.figures.EventFigures;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.analytics.heatmap.Heatmap;
import dev.cascade.analytics.taker.TakerFlow;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns read-outs into alerts. Runs where the state lives (the pipeline thread), after each read-out: every
 * rule is checked against the figures, a fact already alerted on (its key) is never alerted again, and after a
 * rule fires for a coin and exchange it waits out its cooldown (in event time, so a replay alerts as the live run
 * would have).
 */
public final class AlertEngine {
    private static final int REMEMBERED = 10_000;

    private final List<AlertRule> rules;
    private final LinkedHashSet<String> sent = new LinkedHashSet<>();
    private final Map<String, Long> quietUntil = new HashMap<>();

    public AlertEngine(List<AlertRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The new alerts of this read-out, oldest fact first. */
    public List<Alert> evaluate(MarketState state, Figures f) {
        List<Alert> out = new ArrayList<>();
        long now = f.toMicros();
        for (AlertRule r : rules) {
            switch (r.kind()) {
                case LIQUIDATIONS -> liquidations(r, state, now, out);
                case BURST -> {
                    for (Bursts.Burst b : f.events().bursts()) {
                        String exchange = b.venue().exchange().id();
                        if (b.usd() >= r.usd() && r.matches(null, exchange)) {
                            offer(out, r, "burst " + b.venue().id() + " " + b.side() + " " + b.startMicros(), null,
                                    exchange, b.endMicros(), String.format(Locale.ROOT,
                                            "%s %s liquidations: %s over %d min (peak %s/min) from %s",
                                            b.venue().id(), b.side() == Side.LONG ? "long" : "short", Formats.money(b.usd()),
                                            b.minutes(), Formats.money(b.peakUsd()), Formats.time(b.startMicros())));
                        }
                    }
                }
                case SWEPT_CLUSTER -> {
                    for (EventFigures.Swept s : f.events().swept()) {
                        Heatmap.Cluster c = s.swept().cluster();
                        if (r.matches(s.coin(), null)) {
                            offer(out, r, "swept " + s.coin() + " " + s.swept().timeMicros() + " " + c.price(), s.coin(),
                                    null, s.swept().timeMicros(), String.format(Locale.ROOT,
                                            "%s %s liquidation cluster at %s swept (%s predicted) at %s", s.coin(),
                                            c.side().id(), Formats.price(c.price()), Formats.money(c.usd()),
                                            Formats.time(s.swept().timeMicros())));
                        }
                    }
                }
                case TAKER_EXTREME -> {
                    for (TakerFlow.Episode e : f.events().takerExtremes()) {
                        if (r.matches(e.coin(), e.scope())) {
                            offer(out, r, "taker " + e.scope() + " " + e.coin() + " " + e.startMicros(), e.coin(),
                                    e.scope(), e.endMicros(), String.format(Locale.ROOT,
                                            "%s %s net taker volume %s extreme: %s, #%d of %s", e.scope(), e.coin(),
                                            e.direction(), Formats.money(e.netUsd()), e.monthOrdinal(), e.month()));
                        }
                    }
                }
                case FLUSH -> {
                    for (FlushDetector.Flush x : f.events().flushes()) {
                        FlushDetector.Evidence e = x.evidence();
                        if (r.matches(x.coin(), null)) {
                            offer(out, r, "flush " + x.kind() + " " + x.coin() + " " + x.startMicros(), x.coin(), null,
                                    x.detectedMicros(), String.format(Locale.ROOT,
                                            "%s %s: price %s, open interest %s, %s liquidated (%s longs)",
                                            x.coin(), x.kind(), Formats.signedPercent(e.priceChangePct()),
                                            Formats.signedPercent(e.oiChangePct()),
                                            Formats.money(e.longUsd() + e.shortUsd()), Formats.share(e.longShare())));
                        }
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong(Alert::timeMicros));
        return out;
    }

    private void liquidations(AlertRule r, MarketState state, long now, List<Alert> out) {
        LiquidationSummary s = state.liquidations().window(now, r.window().toNanos() / 1000);
        Map<String, SideTotals> groups = r.coin() != null ? s.byCoin() : r.exchange() != null ? s.byExchange()
                : Map.of("all", s.total());
        String window = r.window().toString().substring(2).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, SideTotals> g : groups.entrySet()) {
            String coin = r.coin() != null ? g.getKey() : null;
            String exchange = r.exchange() != null ? g.getKey() : null;
            if (!r.matches(coin, exchange) || g.getValue().usd() < r.usd()) {
                continue;
            }
            // one alert per crossing of the threshold: the cooldown keeps it from repeating while it stays above
            offer(out, r, "liquidations " + g.getKey() + " " + Math.floorDiv(now, Micros.PER_MINUTE), coin, exchange, now,
                    String.format(Locale.ROOT, "%s liquidations in the last %s: %s (%s longs), above %s",
                            g.getKey(), window, Formats.money(g.getValue().usd()), Formats.share(g.getValue().longShare()),
                            Formats.money(r.usd())));
        }
    }

    private void offer(List<Alert> out, AlertRule r, String fact, String coin, String exchange, long time, String text) {
        String key = r.name() + "|" + fact;
        if (sent.contains(key)) {
            return;
        }
        String scope = r.name() + "|" + coin + "|" + exchange;
        Long quiet = quietUntil.get(scope);
        if (quiet != null && time < quiet) {
            return;
        }
        quietUntil.put(scope, time + r.cooldown().toNanos() / 1000);
        remember(key);
        String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        out.add(new Alert(id, key, r.name(), r.kind().id(), coin, exchange, time, text));
    }

    private void remember(String key) {
        sent.add(key);
        if (sent.size() > REMEMBERED) {
            Iterator<String> oldest = sent.iterator();
            oldest.next();
            oldest.remove();
        }
    }


}
