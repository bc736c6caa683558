package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import io.javalin.http.Context;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One exchange as the simulator serves it, listed once in {@link SimWires}: its WebSocket and REST routes
 * (under the paths its venue module's {@code simulator} endpoint names), its subscribe and keepalive protocol,
 * and how its market is published ({@link VenueFeed}: which frames, how often, which liquidations are pushed).
 */
interface SimWire {
    List<Venue> venues();

    /** Declares the exchange's WebSocket endpoints and REST answers. */
    void routes(Routes routes);

    /**
     * Answers a client's message: subscribe, ping, or an error reply. {@code m} is null when the text is not
     * JSON. Subscribed topics go into {@code session.topics}, named as {@link VenueFeed} publishes them.
     */
    void onMessage(Server server, SimSession session, String text, JsonNode m);

    /** The frame a session receives for a payload published under {@code topic} (Binance's combined envelope). */
    default String frame(SimSession session, String topic, String payload) {
        return payload;
    }

    /** The frame as a recording keeps it (what a combined-stream client received). */
    default String recorded(String topic, String payload) {
        return payload;
    }

    /** Whether every frame goes out gzip-compressed as a binary message (HTX). */
    default boolean isGzipBinary() {
        return false;
    }

    /** Whether the server sends WebSocket pings to this exchange's clients (Binance, every few minutes). */
    default boolean hasServerPings() {
        return false;
    }

    /** The scripted market's publisher for one of this exchange's venues. */
    VenueFeed feed(Venue venue, SimConfig config, Out out, SplittableRandom random);

    /** The instruments the scripted market trades on this exchange, with its contract conventions. */
    List<SimInstrument> scriptedInstruments();

    /** A query parameter as a number, or {@code otherwise} when it is absent or not one (as a venue's REST would). */
    static long queryLong(Context ctx, String name, long otherwise) {
        String s = ctx.queryParam(name);
        try {
            return s == null ? otherwise : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The instrument a venue lists under {@code symbol} (the caller has found its trade history already). */
    static SimInstrument listed(Routes r, Venue venue, String symbol) {
        return r.instruments(venue).stream().filter(i -> i.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    /** Where the routes go; implemented by the simulator. */
    interface Routes {
        void socket(String path, Venue venue, boolean isCombined);

        /** A REST GET whose answer {@code body} computes (it may set an error status on {@code ctx}). */
        void get(String path, java.util.function.Function<Context, String> body);

        /** The instruments a venue lists: the scripted market's, or in playback the scenario's. */
        List<SimInstrument> instruments(Venue venue);

        /** The REST trade history of an instrument (venues that serve one), or null. */
        TradeHistory history(Venue venue, String symbol);
    }

    /** What a client's message may need from the server. */
    interface Server {
        /** Whether a scenario is playing (it publishes its own snapshots). */
        boolean isPlayback();

        /** The snapshot a new subscriber of {@code topic} gets first, or null. */
        String snapshot(Venue venue, String topic);
    }

    /** Where a venue feed publishes. */
    interface Out {
        void publish(Venue venue, String topic, String payload, boolean isAggTrade);

        /** A liquidation the venue pushed: the truth a client's output is checked against. */
        void published(SimFeed.Published p);
    }

    /**
     * A venue's publication rules over the scripted market. The market loop calls it from one thread: trades
     * and liquidations as they happen, {@link #tick} every 10 ms, {@link #second} for each instrument once a
     * second, then {@link #endOfSecond}.
     */
    interface VenueFeed {
        void trade(SimInstrument i, long millis, double price, double contracts, boolean isBuy);

        /** A liquidation happened; the venue decides whether and when it is pushed. */
        void liquidation(SimInstrument i, SimFeed.Published p);

        /** Every 10 ms, from {@code last} to {@code now}: flush what the venue batches. */
        default void tick(long last, long now) {
        }

        /** Once a second per instrument: mark price, funding, open interest (in contracts). */
        void second(SimInstrument i, long now, double mark, double rate, double openInterest);

        default void endOfSecond(long now) {
        }

        /** The REST trade history of an instrument, or null when the venue serves none. */
        default TradeHistory history(SimInstrument i) {
            return null;
        }

        /** The snapshot a new subscriber of {@code topic} gets first, or null. */
        default String snapshot(SimInstrument i, String topic, long now, double mark, double openInterest) {
            return null;
        }
    }
}
