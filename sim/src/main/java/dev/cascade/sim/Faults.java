package dev.cascade.sim;

import dev.cascade.model.Venue;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults the simulator can inject, on demand (tests) or on a schedule ({@code cascade simulate} flags):
 * closing sockets (cleanly or by dropping the TCP connection), stalling them (no frames, no pings, no
 * replies), sending garbage, dropping chosen frames, delaying everything, refusing connections, and answering
 * REST with 429 or 418 and a Retry-After.
 */
public final class Faults {
    private final Simulator simulator;
    final AtomicInteger refuseNext = new AtomicInteger();
    final AtomicInteger rest429Next = new AtomicInteger();
    final AtomicInteger rest418Next = new AtomicInteger();
    final AtomicLong retryAfterSeconds = new AtomicLong(1);
    volatile int dropEveryAggTrade;
    volatile long delayMillis;

    Faults(Simulator simulator) {
        this.simulator = simulator;
    }

    /** Closes every socket of the venue (null: every venue); every other one is dropped without a close frame. */
    public int close(Venue venue) {
        int n = 0;
        for (SimSession s : simulator.sessions(venue)) {
            if (n++ % 2 == 0) {
                s.close();
            } else {
                s.disconnect();
            }
            simulator.stats().forcedCloses.incrementAndGet();
        }
        return n;
    }

    /** Stops every socket of the venue (null: every venue) from sending anything or answering for a while. */
    public int stall(Venue venue, Duration duration) {
        int n = 0;
        for (SimSession s : simulator.sessions(venue)) {
            s.stall(duration);
            simulator.stats().forcedStalls.incrementAndGet();
            n++;
        }
        return n;
    }

    /** Sends {@code count} frames that are not JSON to every socket of the venue (null: every venue). */
    public void garbage(Venue venue, int count) {
        for (SimSession s : simulator.sessions(venue)) {
            for (int i = 0; i < count; i++) {
                s.send(i % 2 == 0 ? "{\"truncated\":[1,2," : "\u0001\u0002 not json \u0003");
                simulator.stats().garbageSent.incrementAndGet();
            }
        }
    }

    /** Drops every n-th Binance aggTrade frame of each socket (0: none): the client must backfill them. */
    public void dropEveryAggTrade(int n) {
        dropEveryAggTrade = Math.max(0, n);
    }

    /** Delays every frame by this much (zero: none). */
    public void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** Refuses the next {@code n} WebSocket connections with HTTP 503. */
    public void refuse(int n) {
        refuseNext.set(n);
    }

    /** Answers the next {@code n} REST calls with 429 Too Many Requests and Retry-After. */
    public void rest429(int n, Duration retryAfter) {
        retryAfterSeconds.set(Math.max(0, retryAfter.toSeconds()));
        rest429Next.set(n);
    }

    /** Answers the next {@code n} REST calls with 418 (Binance's IP ban) and Retry-After. */
    public void rest418(int n, Duration retryAfter) {
        retryAfterSeconds.set(Math.max(0, retryAfter.toSeconds()));
        rest418Next.set(n);
    }
}
