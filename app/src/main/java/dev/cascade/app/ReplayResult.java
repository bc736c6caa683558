package dev.cascade.app;

import dev.cascade.analytics.EventCounts;
import dev.cascade.analytics.LiquidationTotals;
import dev.cascade.ingest.OpenedInput;
import dev.cascade.ingest.ReadStats;
import dev.cascade.model.Micros;
import java.util.List;

/** Everything a replay found, for the text and JSON reports. */
record ReplayResult(List<OpenedInput> inputs, ReadStats read, EventCounts events, long duplicateLiquidations,
                    long duplicateTrades, LiquidationTotals liquidations) {

    /** The rolling windows every report shows, ending at the last event. */
    static final List<Window> WINDOWS = List.of(new Window("1h", Micros.PER_HOUR), new Window("4h", 4 * Micros.PER_HOUR),
            new Window("12h", 12 * Micros.PER_HOUR), new Window("24h", 24 * Micros.PER_HOUR));

    record Window(String name, long lengthMicros) {
    }

    boolean hasEvents() {
        return events.events() > 0;
    }

    /** Exchange time of the first event of any kind (0 when there was none). */
    long fromMicros() {
        return hasEvents() ? events.firstMicros() : 0;
    }

    /** Exchange time of the last event of any kind: where the rolling windows end. */
    long toMicros() {
        return hasEvents() ? events.lastMicros() : 0;
    }
}
