package dev.cascade.flink;

import dev.cascade.model.Venue;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Stamps a minute's read-out with its instrument, its minute and its revision: 0 when the watermark first
 * closes the window, then 1, 2, ... for each firing that a late event (within the allowed lateness) causes.
 */
public final class StampMinute extends ProcessWindowFunction<InstrumentMinute, InstrumentMinute, String, TimeWindow> {
    private static final ValueStateDescriptor<Long> FIRINGS = new ValueStateDescriptor<>("firings", Long.class);

    @Override
    public void process(String key, Context context, Iterable<InstrumentMinute> readOuts, Collector<InstrumentMinute> out)
            throws Exception {
        ValueState<Long> firings = context.windowState().getState(FIRINGS);
        long revision = firings.value() == null ? 0 : firings.value();
        firings.update(revision + 1);
        int colon = key.indexOf(':');
        Venue venue = Venue.byId(key.substring(0, colon));
        for (InstrumentMinute m : readOuts) {
            m.venue = venue.id();
            m.exchange = venue.exchange().id();
            m.symbol = key.substring(colon + 1);
            m.minuteMicros = context.window().getStart() * 1000;
            m.revision = revision;
            out.collect(m);
        }
    }

    @Override
    public void clear(Context context) throws Exception {
        context.windowState().getState(FIRINGS).clear();
    }
}
