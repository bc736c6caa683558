package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.Venue;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * A loopback exchange: the WebSocket and REST endpoints Cascade uses of every exchange of {@link SimWires},
 * in their real wire formats, each under its venue's path (see {@code Endpoints.simulator}; each wire lists
 * its routes), fed by {@link SimFeed}'s scripted market, with {@link Faults} to inject. Listens on 127.0.0.1
 * unless told otherwise. The market overview is served under {@code /coingecko/api/v3/global},
 * {@code /coingecko/api/v3/coins/markets} and {@code /alternative-me/fng/}.
 */
public final class Simulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimConfig config;
    private final SimStats stats = new SimStats();
    private final Faults faults = new Faults(this);
    private final Map<String, SimSession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim-delay");
        t.setDaemon(true);
        return t;
    });
    private final SimFeed feed;
    private Javalin app;

    /** In playback, the scenario's instruments and the overview documents it has published so far. */
    private volatile List<SimInstrument> playbackInstruments;
    private final Map<String, String> playbackDocuments = new ConcurrentHashMap<>();

    private Simulator(SimConfig config) {
        this.config = config;
        this.feed = new SimFeed(this, config, System.currentTimeMillis());
    }

    /** The instruments a venue lists: the scripted market's, or in playback the scenario's. */
    private List<SimInstrument> instruments(Venue venue) {
        List<SimInstrument> p = playbackInstruments;
        return p == null ? feed.market().instruments(venue) : p.stream().filter(i -> i.venue() == venue).toList();
    }

    /** What the overview endpoints ask a client to wait, in seconds, before a scenario has published a document. */
    static final int NOT_PUBLISHED_RETRY_SECONDS = 2;

    /**
     * An overview document: the scripted market's, or in playback the latest the scenario published; before the
     * scenario has published one, 404 with a Retry-After (a client says "not yet", not "bad document").
     */
    private void overview(Context ctx, String kind, java.util.function.Supplier<String> scripted) {
        if (playbackInstruments == null) {
            rest(ctx, scripted);
            return;
        }
        String doc = playbackDocuments.get(kind);
        if (doc == null) {
            stats.restRequests.incrementAndGet();
            ctx.status(404).header("Retry-After", Integer.toString(NOT_PUBLISHED_RETRY_SECONDS))
                    .contentType("application/json").result("{\"error\":\"no " + kind + " document published yet\"}");
            return;
        }
        rest(ctx, () -> doc);
    }

    /**
     * Starts the server without the scripted market: a {@link ScenarioPlayer} publishes a scenario's frames
     * through it, and its REST endpoints list the scenario's instruments.
     */
    public static Simulator startPlayback(SimConfig config, List<SimInstrument> instruments) {
        return start(config, instruments);
    }

    /** Records an overview document ({@code global}, {@code markets}, {@code fng}) for the REST endpoints. */
    void document(String kind, String json) {
        playbackDocuments.put(kind, json);
    }

    /** Starts the server and the market; returns once both run. */
    public static Simulator start(SimConfig config) {
        return start(config, null);
    }

    private static Simulator start(SimConfig config, List<SimInstrument> playback) {
        Simulator s = new Simulator(config);
        s.playbackInstruments = playback == null ? null : List.copyOf(playback);
        s.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.routes.wsBeforeUpgrade(ctx -> s.upgrade());
            SimWire.Routes routes = new SimWire.Routes() {
                @Override
                public void socket(String path, Venue venue, boolean isCombined) {
                    s.socket(c.routes::ws, path, venue, isCombined);
                }

                @Override
                public void get(String path, java.util.function.Function<Context, String> body) {
                    c.routes.get(path, ctx -> s.rest(ctx, () -> body.apply(ctx)));
                }

                @Override
                public List<SimInstrument> instruments(Venue venue) {
                    return s.instruments(venue);
                }

                @Override
                public TradeHistory history(Venue venue, String symbol) {
                    return s.feed.history(venue, symbol);
                }
            };
            SimWires.ALL.forEach(w -> w.routes(routes));
            c.routes.get("/coingecko/api/v3/global", ctx -> s.overview(ctx, "global",
                    () -> OverviewWire.global(s.feed.market(), System.currentTimeMillis())));
            c.routes.get("/coingecko/api/v3/coins/markets", ctx -> s.overview(ctx, "markets",
                    () -> OverviewWire.markets(s.feed.market(), System.currentTimeMillis())));
            c.routes.get("/alternative-me/fng/", ctx -> s.overview(ctx, "fng",
                    () -> OverviewWire.fearGreed(s.feed.market(), System.currentTimeMillis())));
        }).start(config.host(), config.port());
        if (playback == null) {
            s.feed.start();
        }
        return s;
    }

    public URI uri() {
        return URI.create("http://" + config.host() + ":" + app.port());
    }

    public int port() {
        return app.port();
    }

    public Faults faults() {
        return faults;
    }

    public SimStats stats() {
        return stats;
    }

    /** The liquidations the venues published (after Binance's and OKX's one-per-second rule), the newest 131,072. */
    public List<SimFeed.Published> publishedLiquidations() {
        return feed.published();
    }

    /** The trade ids a venue that serves its trade history (Binance, OKX) has published so far, [first, next); else null. */
    public long[] aggTradeIds(Venue venue, String symbol) {
        TradeHistory h = feed.history(venue, symbol);
        return h == null ? null : new long[] {h.firstId(), h.nextId()};
    }

    /**
     * When (System.nanoTime, so only meaningful in this JVM) a Binance trade was published; 0 if unknown.
     * For measuring end-to-end latency from the simulator to a client's aggregator.
     */
    public long sentNanos(Venue venue, String symbol, long id) {
        TradeHistory h = feed.history(venue, symbol);
        return h == null ? 0 : h.sentNanos(id);
    }

    /** Sessions of a venue, or of every venue when null. */
    List<SimSession> sessions(Venue venue) {
        List<SimSession> out = new ArrayList<>();
        for (SimSession s : sessions.values()) {
            if (venue == null || s.venue == venue) {
                out.add(s);
            }
        }
        return out;
    }

    /** Publishes a frame to every session of the venue subscribed to the topic. */
    void publish(Venue venue, String topic, String payload, boolean isAggTrade) {
        for (SimSession s : sessions.values()) {
            if (s.venue == venue && s.topics.contains(topic)) {
                String frame = s.wire.frame(s, topic, payload);
                if (isAggTrade) {
                    s.sendAggTrade(frame);
                } else {
                    s.send(frame);
                }
            }
        }
    }

    /** Sends a WebSocket ping to every client of an exchange whose server pings (Binance). */
    void pingClients() {
        for (SimSession s : sessions.values()) {
            if (s.wire.hasServerPings()) {
                s.ping();
            }
        }
    }

    @Override
    public void close() {
        feed.stop();
        if (app != null) {
            app.stop();
        }
        delayer.shutdownNow();
    }

    // --- WebSocket protocol ------------------------------------------------------------------------------

    private void upgrade() {
        if (faults.refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            stats.refused.incrementAndGet();
            throw new ServiceUnavailableResponse("simulated refusal");
        }
    }

    private void socket(java.util.function.BiConsumer<String, Consumer<WsConfig>> route, String path, Venue venue,
                        boolean isCombined) {
        route.accept(path, ws -> {
            ws.onConnect(ctx -> {
                ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(30));
                SimSession s = new SimSession(venue, SimWires.of(venue), isCombined, ctx, faults, stats, delayer);
                sessions.put(ctx.sessionId(), s);
                stats.connections.incrementAndGet();
                String streams = ctx.queryParam("streams");
                if (streams != null) {
                    s.topics.addAll(List.of(streams.split("/")));
                }
                String stream = ctx.pathParamMap().get("stream");
                if (stream != null) {
                    s.topics.add(stream);
                }
            });
            ws.onMessage(ctx -> {
                SimSession s = sessions.get(ctx.sessionId());
                if (s != null && !s.isStalled()) {
                    message(s, ctx, ctx.message());
                }
            });
            ws.onClose(ctx -> closed(ctx));
            ws.onError(ctx -> closed(ctx));
        });
    }

    private void closed(WsContext ctx) {
        SimSession s = sessions.remove(ctx.sessionId());
        if (s != null) {
            s.closed();
        }
    }

    private void message(SimSession s, WsContext ctx, String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (Exception e) {
            m = null;
        }
        s.wire.onMessage(server, s, text, m);
    }

    /** What a wire's message handling may ask of the simulator. */
    private final SimWire.Server server = new SimWire.Server() {
        @Override
        public boolean isPlayback() {
            return playbackInstruments != null;
        }

        @Override
        public String snapshot(Venue venue, String topic) {
            return feed.snapshot(venue, topic);
        }
    };

    // --- REST --------------------------------------------------------------------------------------------

    private void rest(Context ctx, java.util.function.Supplier<String> body) {
        stats.restRequests.incrementAndGet();
        if (faults.rest429Next.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refuseRest(ctx, 429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}");
            return;
        }
        if (faults.rest418Next.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refuseRest(ctx, 418, "{\"code\":-1003,\"msg\":\"Way too many requests; IP banned.\"}");
            return;
        }
        ctx.contentType("application/json").result(body.get());
    }

    private void refuseRest(Context ctx, int status, String body) {
        stats.restRefused.incrementAndGet();
        ctx.status(status).header("Retry-After", Long.toString(faults.retryAfterSeconds.get()))
                .contentType("application/json").result(body);
    }
}
