package dev.cascade.sim;

import dev.cascade.model.Venue;
import java.util.List;

/** The exchanges the simulator serves, one {@link SimWire} each: the only list of them in this module. */
final class SimWires {
    static final List<SimWire> ALL = List.of(
            new BinanceWire(),
            new BybitWire(),
            new OkxWire(),
            new BitmexWire(),
            new DeribitWire(),
            new KrakenWire(),
            new DydxWire(),
            new BitgetWire(),
            new HtxWire(),
            new BitfinexWire(),
            new GateWire());

    private SimWires() {
    }

    static SimWire of(Venue venue) {
        for (SimWire w : ALL) {
            if (w.venues().contains(venue)) {
                return w;
            }
        }
        throw new IllegalStateException("the simulator has no wire format for " + venue);
    }
}
