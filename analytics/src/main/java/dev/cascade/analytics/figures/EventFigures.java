package dev.cascade.analytics.figures;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.analytics.events.Bursts;
import dev.cascade.analytics.events.FlushDetector;
import dev.cascade.analytics.heatmap.Heatmap;
import dev.cascade.analytics.price.RoundLevels;
import dev.cascade.analytics.price.Wicks;
import dev.cascade.analytics.taker.TakerFlow;
import dev.cascade.model.Coin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The events section: what happened, each with its time: liquidation bursts (every venue), round-level
 * crossings and wicks of the detail coins' reference prices, clusters swept on their heatmaps, squeezes and
 * flushes, and taker-flow extremes. Each list is in time order, and holds at most {@link #MAX_PER_KIND}
 * events, the latest: what a cap leaves out is counted in the figures' {@code degraded} ({@code events-capped},
 * and {@code crossings-capped} for the levels {@link RoundLevels} leaves out).
 */
public record EventFigures(List<Bursts.Burst> bursts, List<Crossing> crossings, List<Wick> wicks, List<Swept> swept,
                           List<FlushDetector.Flush> flushes, List<TakerFlow.Episode> takerExtremes) {
    /** Events of one kind listed by a read-out; a recap reads a few dozen. */
    public static final int MAX_PER_KIND = 1_000;

    public record Crossing(String coin, String reference, double step, RoundLevels.Crossing crossing) {
    }

    public record Wick(String coin, String reference, Wicks.Wick wick) {
    }

    public record Swept(String coin, Heatmap.Swept swept) {
    }

    static EventFigures of(MarketState state, FigureSettings s, List<Coin> detail, Map<String, Heatmap> heatmaps,
                           List<TakerFlow.Episode> takerExtremes, Map<String, Long> degraded) {
        List<Crossing> crossings = new ArrayList<>();
        List<Wick> wicks = new ArrayList<>();
        List<FlushDetector.Flush> flushes = new ArrayList<>();
        for (Coin coin : detail) {
            InstrumentBars ref = Scope.reference(Scope.ALL.select(state.bars(), coin));
            if (ref == null || ref.minutes().isEmpty()) {
                continue;
            }
            String name = ref.instrument().toString();
            double step = RoundLevels.step(RoundLevels.referencePrice(ref.minutes()));
            RoundLevels.Result found = RoundLevels.evaluate(ref.minutes(), step);
            for (RoundLevels.Crossing c : found.crossings()) {
                crossings.add(new Crossing(coin.name(), name, step, c));
            }
            Figures.degrade(degraded, "crossings-capped", found.skipped());
            for (Wicks.Wick w : Wicks.find(ref.minutes(), s.wicks())) {
                wicks.add(new Wick(coin.name(), name, w));
            }
            flushes.addAll(FlushDetector.find(state.bars(), state.liquidations(), coin, s.flush()));
        }
        List<Swept> swept = new ArrayList<>();
        heatmaps.forEach((coin, h) -> h.swept().forEach(x -> swept.add(new Swept(coin, x))));
        crossings.sort(Comparator.comparingLong((Crossing c) -> c.crossing().timeMicros()).thenComparing(Crossing::coin));
        wicks.sort(Comparator.comparingLong((Wick w) -> w.wick().extremeMicros()).thenComparing(Wick::coin));
        swept.sort(Comparator.comparingLong((Swept w) -> w.swept().timeMicros()).thenComparing(Swept::coin));
        flushes.sort(Comparator.comparingLong(FlushDetector.Flush::startMicros).thenComparing(FlushDetector.Flush::coin));
        return new EventFigures(latest(Bursts.find(state.liquidations(), s.bursts()), degraded), latest(crossings, degraded),
                latest(wicks, degraded), latest(swept, degraded), latest(flushes, degraded), latest(takerExtremes, degraded));
    }

    /** The latest {@link #MAX_PER_KIND} of a list in time order; what is left out is counted. */
    private static <T> List<T> latest(List<T> events, Map<String, Long> degraded) {
        if (events.size() <= MAX_PER_KIND) {
            return events;
        }
        Figures.degrade(degraded, "events-capped", events.size() - MAX_PER_KIND);
        return new ArrayList<>(events.subList(events.size() - MAX_PER_KIND, events.size()));
    }
}
