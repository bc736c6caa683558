package dev.cascade.analytics.figures;

import dev.cascade.analytics.bars.Resolution;
import dev.cascade.analytics.events.Bursts;
import dev.cascade.analytics.events.FlushDetector;
import dev.cascade.analytics.heatmap.HeatmapSettings;
import dev.cascade.analytics.price.Wicks;
import dev.cascade.analytics.taker.TakerFlow;
import dev.cascade.model.Micros;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the read-outs can be tuned by, validated once; {@link #DEFAULT} holds the documented defaults.
 * {@code detailCoins} bounds the coins that get the costlier read-outs (heatmap, crossings, wicks, flushes,
 * taker extremes): the most traded ones. {@code withBars} adds the bar series the charts draw, with a heatmap
 * snapshot every {@code snapshotMinutes}.
 */
public record FigureSettings(TakerFlow.Settings taker, Resolution takerBar, Wicks.Settings wicks,
                             Bursts.Settings bursts, FlushDetector.Settings flush, HeatmapSettings heatmap,
                             int detailCoins, int movers, Map<String, Long> windows,
                             Map<String, Long> liquidationWindows, boolean withBars, int snapshotMinutes) {
    /** The windows prices and open interest give their change over. */
    public static final Map<String, Long> WINDOWS = windows("1h", "4h", "24h");
    /**
     * The windows liquidation totals are given for, ending at the last event: every door (JSON, API, dashboard,
     * the live screen) shows these and no others.
     */
    public static final Map<String, Long> LIQUIDATION_WINDOWS = windows("1h", "4h", "12h", "24h");
    public static final FigureSettings DEFAULT = new FigureSettings(TakerFlow.Settings.DEFAULT, Resolution.HOUR,
            Wicks.Settings.DEFAULT, Bursts.Settings.DEFAULT, FlushDetector.Settings.DEFAULT, HeatmapSettings.DEFAULT, 10,
            5, WINDOWS, LIQUIDATION_WINDOWS, false, 10);

    public FigureSettings {
        if (detailCoins < 0 || movers < 0 || windows.isEmpty() || liquidationWindows.isEmpty() || snapshotMinutes < 1) {
            throw new IllegalArgumentException("detail coins and movers must not be negative; windows not empty; "
                    + "snapshots at least a minute apart");
        }
        windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows)); // in their order
        liquidationWindows = Collections.unmodifiableMap(new LinkedHashMap<>(liquidationWindows));
    }

    /** Windows named as they are written ("12h"), in that order. */
    private static Map<String, Long> windows(String... names) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String name : names) {
            m.put(name, Long.parseLong(name.substring(0, name.length() - 1)) * Micros.PER_HOUR);
        }
        return Collections.unmodifiableMap(m);
    }

    public FigureSettings withBars(boolean isWithBars) {
        return new FigureSettings(taker, takerBar, wicks, bursts, flush, heatmap, detailCoins, movers, windows,
                liquidationWindows, isWithBars, snapshotMinutes);
    }

    public FigureSettings withDetailCoins(int n) {
        return new FigureSettings(taker, takerBar, wicks, bursts, flush, heatmap, n, movers, windows,
                liquidationWindows, withBars, snapshotMinutes);
    }

    public FigureSettings withBursts(Bursts.Settings b) {
        return new FigureSettings(taker, takerBar, wicks, b, flush, heatmap, detailCoins, movers, windows,
                liquidationWindows, withBars, snapshotMinutes);
    }

    /** Bar series with a heatmap snapshot every {@code minutes} (the dashboard draws them). */
    public FigureSettings withSnapshots(int minutes) {
        return new FigureSettings(taker, takerBar, wicks, bursts, flush, heatmap, detailCoins, movers, windows,
                liquidationWindows, true, minutes);
    }
}
