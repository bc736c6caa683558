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
 * A loopback exchange: the Binance (USDⓈ-M and COIN-M), Bybit and OKX WebSocket and REST endpoints Cascade
 * uses, in their real wire formats, each under its venue's path (see {@code Endpoints.simulator}), fed by
 * {@link SimFeed}'s scripted market, with {@link Faults} to inject. Listens on 127.0.0.1 unless told otherwise.
 *
 * <pre>
 *   ws   /binance-usdm/market/stream   /binance-usdm/market/ws[/stream]   (SUBSCRIBE, ?streams=)
 *        /binance-coinm/stream         /binance-coinm/ws[/stream]
 *        /bybit/v5/public/linear       /bybit/v5/public/inverse            (op subscribe, op ping)
 *        /okx/ws/v5/public                                                 (op subscribe, text ping)
 *   rest /binance-usdm/fapi/v1/exchangeInfo   /binance-usdm/fapi/v1/aggTrades?symbol=&amp;fromId=&amp;limit=
 *        /binance-coinm/dapi/v1/exchangeInfo  /binance-coinm/dapi/v1/aggTrades
 *        /bybit/v5/market/instruments-info?category=   /okx/api/v5/public/instruments?instType=SWAP
 *        /okx/api/v5/market/history-trades?instId=&amp;type=1&amp;after=&amp;limit=
 *        /coingecko/api/v3/global  /coingecko/api/v3/coins/markets  /alternative-me/fng/   (market overview)
 * </pre>
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
            s.socket(c.routes::ws, "/binance-usdm/market/stream", Venue.BINANCE_USDM, true);
            s.socket(c.routes::ws, "/binance-usdm/market/ws", Venue.BINANCE_USDM, false);
            s.socket(c.routes::ws, "/binance-usdm/market/ws/{stream}", Venue.BINANCE_USDM, false);
            s.socket(c.routes::ws, "/binance-coinm/stream", Venue.BINANCE_COINM, true);
            s.socket(c.routes::ws, "/binance-coinm/ws", Venue.BINANCE_COINM, false);
            s.socket(c.routes::ws, "/binance-coinm/ws/{stream}", Venue.BINANCE_COINM, false);
            s.socket(c.routes::ws, "/bybit/v5/public/linear", Venue.BYBIT_LINEAR, false);
            s.socket(c.routes::ws, "/bybit/v5/public/inverse", Venue.BYBIT_INVERSE, false);
            s.socket(c.routes::ws, "/okx/ws/v5/public", Venue.OKX_SWAP, false);
            c.routes.get("/binance-usdm/fapi/v1/exchangeInfo", ctx -> s.rest(ctx,
                    () -> BinanceWire.exchangeInfo(s.instruments(Venue.BINANCE_USDM), System.currentTimeMillis())));
            c.routes.get("/binance-coinm/dapi/v1/exchangeInfo", ctx -> s.rest(ctx,
                    () -> BinanceWire.exchangeInfo(s.instruments(Venue.BINANCE_COINM), System.currentTimeMillis())));
            c.routes.get("/binance-usdm/fapi/v1/aggTrades", ctx -> s.aggTrades(ctx, Venue.BINANCE_USDM));
            c.routes.get("/binance-coinm/dapi/v1/aggTrades", ctx -> s.aggTrades(ctx, Venue.BINANCE_COINM));
            c.routes.get("/bybit/v5/market/instruments-info", ctx -> s.rest(ctx, () -> {
                String category = ctx.queryParam("category");
                Venue v = "inverse".equals(category) ? Venue.BYBIT_INVERSE : Venue.BYBIT_LINEAR;
                return BybitWire.instrumentsInfo(category == null ? "linear" : category, s.instruments(v),
                        System.currentTimeMillis());
            }));
            c.routes.get("/okx/api/v5/market/history-trades", s::okxHistoryTrades);
            c.routes.get("/okx/api/v5/public/instruments", ctx -> s.rest(ctx,
                    () -> OkxWire.instruments(s.instruments(Venue.OKX_SWAP))));
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

    /** Every liquidation the venues published (after Binance's and OKX's one-per-second rule). */
    public List<SimFeed.Published> publishedLiquidations() {
        return feed.published();
    }

    /** The trade ids Binance or OKX has published for a symbol so far, [first, next); null for Bybit. */
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
                String frame = venue == Venue.BINANCE_USDM || venue == Venue.BINANCE_COINM
                        ? BinanceWire.wrap(topic, payload, s.isCombined) : payload;
                if (isAggTrade) {
                    s.sendAggTrade(frame);
                } else {
                    s.send(frame);
                }
            }
        }
    }

    void pingBinance() {
        for (SimSession s : sessions.values()) {
            if (s.venue == Venue.BINANCE_USDM || s.venue == Venue.BINANCE_COINM) {
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
                SimSession s = new SimSession(venue, isCombined, ctx, faults, stats, delayer);
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
        if (s.venue == Venue.OKX_SWAP && text.equals("ping")) {
            s.send("pong");
            return;
        }
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (Exception e) {
            m = null;
        }
        switch (s.venue) {
            case BINANCE_USDM, BINANCE_COINM -> binance(s, m);
            case BYBIT_LINEAR, BYBIT_INVERSE -> bybit(s, m);
            case OKX_SWAP -> okx(s, m);
        }
    }

    private void binance(SimSession s, JsonNode m) {
        String method = m == null ? "" : m.path("method").asText();
        JsonNode id = m == null ? null : m.get("id");
        if (method.equals("SUBSCRIBE") || method.equals("UNSUBSCRIBE")) {
            for (JsonNode p : m.path("params")) {
                if (method.equals("SUBSCRIBE")) {
                    s.topics.add(p.asText());
                } else {
                    s.topics.remove(p.asText());
                }
            }
            s.send("{\"result\":null,\"id\":" + id + "}");
        } else {
            s.send("{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown method\"},\"id\":" + id + "}");
        }
    }

    private void bybit(SimSession s, JsonNode m) {
        String op = m == null ? "" : m.path("op").asText();
        String reqId = m == null ? "" : m.path("req_id").asText("");
        if (op.equals("ping")) {
            s.send("{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"" + s.id() + "\",\"req_id\":\"" + reqId
                    + "\",\"op\":\"ping\"}");
        } else if (op.equals("subscribe")) {
            List<String> added = new ArrayList<>();
            for (JsonNode a : m.path("args")) {
                s.topics.add(a.asText());
                added.add(a.asText());
            }
            s.send("{\"success\":true,\"ret_msg\":\"\",\"conn_id\":\"" + s.id() + "\",\"req_id\":\"" + reqId
                    + "\",\"op\":\"subscribe\"}");
            if (playbackInstruments == null) { // in playback, the scenario sends its own tickers
                added.stream().filter(t -> t.startsWith("tickers.")).forEach(t -> feed.bybitSnapshot(s, t));
            }
        } else {
            s.send("{\"success\":false,\"ret_msg\":\"error:handler not found\",\"conn_id\":\"" + s.id() + "\",\"op\":\""
                    + op + "\"}");
        }
    }

    private void okx(SimSession s, JsonNode m) {
        if (m != null && m.path("op").asText().equals("subscribe")) {
            for (JsonNode a : m.path("args")) {
                String channel = a.path("channel").asText();
                String target = a.has("instId") ? a.path("instId").asText() : a.path("instType").asText();
                s.topics.add(channel + ":" + target);
                s.send("{\"event\":\"subscribe\",\"arg\":" + a + ",\"connId\":\"" + s.id() + "\"}");
            }
        } else {
            s.send("{\"event\":\"error\",\"code\":\"60012\",\"msg\":\"Invalid request\",\"connId\":\"" + s.id() + "\"}");
        }
    }

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

    private void aggTrades(Context ctx, Venue venue) {
        rest(ctx, () -> {
            String symbol = ctx.queryParam("symbol");
            TradeHistory h = symbol == null ? null : feed.history(venue, symbol);
            if (h == null) {
                ctx.status(400);
                return "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";
            }
            long from = parseLong(ctx.queryParam("fromId"), h.nextId());
            int limit = (int) Math.min(1000, Math.max(1, parseLong(ctx.queryParam("limit"), 500)));
            SimInstrument instrument = instruments(venue).stream()
                    .filter(i -> i.symbol().equals(symbol)).findFirst().orElseThrow();
            return BinanceWire.aggTradesPage(h.from(from, limit), instrument);
        });
    }

    /** OKX history-trades by trade id: older than {@code after}, newest first, at most 100 (type=2, by time: not served). */
    private void okxHistoryTrades(Context ctx) {
        rest(ctx, () -> {
            String instId = ctx.queryParam("instId");
            TradeHistory h = instId == null ? null : feed.history(Venue.OKX_SWAP, instId);
            if (h == null || !"1".equals(ctx.queryParamAsClass("type", String.class).getOrDefault("1"))) {
                return "{\"code\":\"51001\",\"msg\":\"Instrument ID does not exist\",\"data\":[]}";
            }
            long after = parseLong(ctx.queryParam("after"), h.nextId());
            int limit = (int) Math.min(100, Math.max(1, parseLong(ctx.queryParam("limit"), 100)));
            SimInstrument instrument = instruments(Venue.OKX_SWAP).stream()
                    .filter(i -> i.symbol().equals(instId)).findFirst().orElseThrow();
            return OkxWire.historyTrades(h.olderThan(after, limit), instrument);
        });
    }

    private static long parseLong(String s, long otherwise) {
        try {
            return s == null ? otherwise : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
