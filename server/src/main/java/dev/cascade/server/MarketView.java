package dev.cascade.server;

import dev.cascade.analytics.MarketState;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * How the server reads the market: never from sockets, only from the aggregators' owner. A replay's state is
 * fixed and can be read directly; a live run's belongs to its pipeline thread, which publishes read-outs and
 * runs queries between frames.
 */
public interface MarketView {
    /** The latest read-out; {@link Published#EMPTY} before the first. */
    Published published();

    /** Runs {@code query} where the state may be read (the owner thread), and returns its result. */
    <T> T query(Function<MarketState, T> query) throws InterruptedException, TimeoutException;

    /** A view of a state that no longer changes (a finished replay). */
    static MarketView fixed(MarketState state, Published published) {
        return new MarketView() {
            @Override
            public Published published() {
                return published;
            }

            @Override
            public <T> T query(Function<MarketState, T> query) {
                synchronized (state) { // read-outs sort lazily, so even reads are serialized
                    return query.apply(state);
                }
            }
        };
    }
}
