package dev.cascade.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.MinuteBar;
import dev.cascade.model.Coin;
import dev.cascade.model.Exchange;
import dev.cascade.model.Instrument;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.output.json.Json;
import dev.cascade.output.json.LiquidationJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The JSON API, version 1 (documented in {@code /api/v1/openapi.json}). Summaries and sections come from the
 * latest published read-out, in the shapes of {@code cascade replay --format json}; lists and bars are queries
 * run by the state's owner, with time ranges capped at {@link #MAX_RANGE_MICROS} and pages at {@link #MAX_LIMIT}.
 */
final class Api {
    static final long MAX_RANGE_MICROS = 7 * Micros.PER_DAY;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> VENUES = Arrays.stream(Venue.values()).map(Venue::id).collect(Collectors.toSet());
    private static final Set<String> EXCHANGES = Arrays.stream(Exchange.values()).map(Exchange::id)
            .collect(Collectors.toSet());
    private static final Set<String> SIDES = Set.of("long", "short");
    /** Sections with a {@code byCoin} map, by endpoint. */
    private static final String[][] COIN_SECTIONS = {
        {"taker", "taker"}, {"price", "price"}, {"open-interest", "openInterest"}, {"heatmap", "heatmap"}};

    private final MarketView view;
    private final Stream stream;
    private final Runnable refresh;
    private final byte[] openApi;
    private final java.util.Map<GridKey, java.util.Optional<ObjectNode>> grids =
            new java.util.concurrent.ConcurrentHashMap<>();

    Api(MarketView view, Stream stream, Runnable refresh) {
        this.view = view;
        this.stream = stream;
        this.refresh = refresh;
        this.openApi = resource("/openapi.json");
    }

    void routes(RoutesConfig r) {
        r.get("/api/v1/health", this::health);
        r.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        r.get("/api/v1/liquidations/summary", this::summary);
        r.get("/api/v1/liquidations", this::list);
        r.get("/api/v1/liquidations/bars", this::bars);
        for (String[] s : COIN_SECTIONS) {
            r.get("/api/v1/" + s[0], ctx -> coinSection(ctx, s[1]));
        }
        r.get("/api/v1/heatmap/grid", this::heatmapGrid);
        r.get("/api/v1/history", this::history);
        r.get("/api/v1/events", this::events);
        r.get("/api/v1/overview", ctx -> plainSection(ctx, "overview"));
        r.get("/api/v1/sentiment", ctx -> plainSection(ctx, "sentiment"));
        SseHandler sse = new SseHandler(stream::add);
        r.get(Guard.STREAM_PATH, ctx -> {
            if (stream.isFull()) { // refused before the stream's 200 is sent, so the client knows to come back
                ctx.header("Retry-After", "30");
                throw new Unavailable("too many stream clients (at most " + Stream.MAX_CLIENTS + "); try again later");
            }
            sse.handle(ctx);
        });
        r.post("/api/v1/admin/refresh", this::refresh);
    }

    private void health(Context ctx) {
        new Params(ctx, Set.of());
        Published p = view.published();
        ObjectNode o = Json.MAPPER.createObjectNode().put("status", "ok").put("events", p.events());
        o.put("latest", p.atMicros() == 0 ? null : Micros.iso(p.atMicros()));
        o.put("streamClients", stream.clients());
        ArrayNode windows = o.putArray("windows"); // the liquidation windows the summaries are given for
        p.liquidations().keySet().stream().filter(w -> !w.equals("all")).forEach(windows::add);
        Server.json(ctx, o);
    }

    /** The {@code liquidations} object of a replay for a window, or one coin's, exchange's or venue's part. */
    private void summary(Context ctx) {
        Params p = new Params(ctx, Set.of("window", "coin", "exchange", "venue"));
        String window = p.raw("window") == null ? "24h" : p.raw("window");
        Published published = view.published();
        Map<String, byte[]> windows = published.liquidations(); // the figure settings' windows, and all
        if (!windows.isEmpty() && !windows.containsKey(window)) {
            throw new BadRequest("window must be one of " + String.join(", ", windows.keySet()));
        }
        String coin = p.coin();
        String exchange = p.oneOf("exchange", EXCHANGES);
        String venue = p.oneOf("venue", VENUES);
        if ((coin != null ? 1 : 0) + (exchange != null ? 1 : 0) + (venue != null ? 1 : 0) > 1) {
            throw new BadRequest("give at most one of coin, exchange and venue");
        }
        byte[] all = windows.get(window);
        if (all == null) {
            throw new BadRequest("no read-out yet: nothing has been received");
        }
        if (coin == null && exchange == null && venue == null) {
            Server.json(ctx, all);
            return;
        }
        String split = coin != null ? "byCoin" : exchange != null ? "byExchange" : "byVenue";
        String key = coin != null ? coin : exchange != null ? exchange : venue;
        JsonNode part = Published.tree(all).path(split).path(key);
        ObjectNode o = Json.MAPPER.createObjectNode().put("window", window).put(split.substring(2).toLowerCase(), key);
        if (part.isObject()) {
            o.setAll((ObjectNode) part);
        } else {
            o.setAll(LiquidationJson.noTotals()); // every field of the shape, at zero
        }
        Server.json(ctx, o);
    }

    /** Liquidations, newest first, filtered, a page at a time. */
    private void list(Context ctx) throws InterruptedException, TimeoutException {
        Params p = new Params(ctx, Set.of("coin", "exchange", "venue", "side", "from", "to", "minUsd", "limit",
                "cursor"));
        String coin = p.coin();
        String exchange = p.oneOf("exchange", EXCHANGES);
        String venue = p.oneOf("venue", VENUES);
        String side = p.oneOf("side", SIDES);
        double minUsd = p.number("minUsd", 0, 0, 1e12);
        int limit = p.integer("limit", 100, 1, MAX_LIMIT);
        long[] range = range(p);
        long[] cursor = p.cursor();
        long to = cursor == null ? range[1] : Math.min(range[1], cursor[0]);
        long skip = cursor == null ? 0 : cursor[1];
        List<Object[]> matched = view.query(state -> {
            List<Object[]> out = new ArrayList<>();
            state.log().forEach(null, range[0], to, (instrument, s, price, usd, time) -> {
                if (matches(instrument, s, usd, coin, exchange, venue, side, minUsd)) {
                    out.add(new Object[] {instrument, s, price, usd, time});
                }
            });
            return out;
        });
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode items = o.putArray("items");
        long lastTime = Long.MIN_VALUE;
        long sameTime = 0;
        int skipped = 0;
        for (int i = matched.size() - 1; i >= 0 && items.size() < limit; i--) {
            Object[] m = matched.get(i);
            long time = (long) m[4];
            if (cursor != null && time == cursor[0] && skipped < skip) {
                skipped++;
                continue;
            }
            sameTime = time == lastTime ? sameTime + 1 : (cursor != null && time == cursor[0] ? skip + 1 : 1);
            lastTime = time;
            items.add(item((Instrument) m[0], (Side) m[1], (double) m[2], (double) m[3], time));
        }
        boolean isMore = items.size() == limit && matched.size() > items.size() + skipped;
        o.put("next", isMore ? lastTime + ":" + sameTime : null);
        o.put("from", Micros.iso(range[0])).put("to", Micros.iso(range[1]));
        Server.json(ctx, o);
    }

    private static boolean matches(Instrument i, Side s, double usd, String coin, String exchange, String venue,
                                   String side, double minUsd) {
        return (coin == null || i.coin().name().equals(coin)) && (exchange == null || i.exchange().id().equals(exchange))
                && (venue == null || i.venue().id().equals(venue)) && (side == null || s.id().equals(side))
                && usd >= minUsd;
    }

    private static ObjectNode item(Instrument i, Side s, double price, double usd, long time) {
        // the log keeps no quantity: the one liquidation shape with quantity null
        return LiquidationJson.event(i.venue(), i.symbol(), i.coin().name(), s, usd, price, Double.NaN, time);
    }

    /** Per-minute liquidation bars by venue (the "liquidation incremental chart"). */
    private void bars(Context ctx) throws InterruptedException, TimeoutException {
        Params p = new Params(ctx, Set.of("venue", "from", "to"));
        String venue = p.oneOf("venue", VENUES);
        long[] range = range(p);
        ObjectNode o = view.query(state -> {
            ObjectNode out = Json.MAPPER.createObjectNode();
            ObjectNode byVenue = out.putObject("bars");
            for (Venue v : Venue.values()) {
                if (venue != null && !v.id().equals(venue)) {
                    continue;
                }
                ArrayNode a = Json.MAPPER.createArrayNode();
                for (MinuteBar b : state.liquidations().minuteBars(v)) {
                    if (b.minuteMicros() >= range[0] && b.minuteMicros() <= range[1]) {
                        a.add(LiquidationJson.bar(b));
                    }
                }
                if (!a.isEmpty()) {
                    byVenue.set(v.id(), a);
                }
            }
            return out;
        });
        o.put("from", Micros.iso(range[0])).put("to", Micros.iso(range[1]));
        Server.json(ctx, o);
    }

    /** {@code from}/{@code to}, defaulting to the day before the latest event, at most a week long. */
    private long[] range(Params p) {
        long latest = view.published().atMicros();
        long to = p.time("to", latest == 0 ? Micros.of(java.time.Instant.now()) : latest);
        long from = p.time("from", to - Micros.PER_DAY);
        if (from > to) {
            throw new BadRequest("from is after to");
        }
        if (to - from > MAX_RANGE_MICROS) {
            throw new BadRequest("the range is longer than 7 days");
        }
        return new long[] {from, to};
    }

    private void coinSection(Context ctx, String section) {
        String coin = new Params(ctx, Set.of("coin")).coin();
        byte[] s = published(section);
        if (coin == null) {
            Server.json(ctx, s);
            return;
        }
        JsonNode c = Published.tree(s).path("byCoin").path(coin);
        if (!c.isObject()) {
            throw new NotFound("no " + section + " figures for " + coin);
        }
        Server.json(ctx, c);
    }

    /** One coin's heatmap as compact arrays ({@link HeatmapGrid}), made once per read-out and coin. */
    private void heatmapGrid(Context ctx) {
        String coin = new Params(ctx, Set.of("coin")).coin();
        if (coin == null) {
            throw new BadRequest("coin is required, like coin=BTC");
        }
        Published p = view.published();
        ObjectNode grid = grids.computeIfAbsent(new GridKey(p, coin), k -> {
            grids.keySet().removeIf(g -> g.published() != p); // keep only the latest read-out's grids
            return java.util.Optional.ofNullable(HeatmapGrid.of(Published.tree(published("heatmap")), coin));
        }).orElseThrow(() -> new NotFound("no heatmap figures for " + coin));
        Server.json(ctx, grid);
    }

    private record GridKey(Published published, String coin) {
    }

    /** Liquidations, price, open interest, funding and taker flow over a range, in dense bars ({@link History}). */
    private void history(Context ctx) throws InterruptedException, TimeoutException {
        Params p = new Params(ctx, Set.of("range", "coin", "by"));
        History.Range range = History.Range.byId(p.raw("range") == null ? "24h" : p.raw("range"));
        if (range == null) {
            throw new BadRequest("range must be one of 1h, 4h, 12h, 24h, 7d, 30d");
        }
        String by = p.oneOf("by", Set.of("side", "exchange"));
        String name = p.coin();
        long end = view.published().atMicros();
        if (end == 0) {
            throw new NotFound("no read-out yet: nothing has been received");
        }
        ObjectNode o = view.query(state -> {
            // only a coin the state knows is looked up: Coin.of would intern any name a client sends
            boolean isKnown = name == null || state.liquidations().total().byCoin().containsKey(name)
                    || state.bars().coinsByVolume().stream().anyMatch(c -> c.name().equals(name));
            return isKnown ? History.of(state, range, name == null ? null : Coin.of(name), "exchange".equals(by), end)
                    : null;
        });
        if (o == null) {
            throw new NotFound("no figures for " + name);
        }
        Server.json(ctx, o);
    }

    private void events(Context ctx) {
        String coin = new Params(ctx, Set.of("coin")).coin();
        byte[] events = published("events");
        if (coin == null) {
            Server.json(ctx, events);
            return;
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        Published.tree(events).fields().forEachRemaining(e -> {
            ArrayNode a = o.putArray(e.getKey());
            for (JsonNode n : e.getValue()) {
                if (coin.equals(n.path("coin").asText(null))) {
                    a.add(n);
                }
            }
        });
        Server.json(ctx, o);
    }

    private void plainSection(Context ctx, String section) {
        new Params(ctx, Set.of());
        Server.json(ctx, published(section));
    }

    /** A section of the latest read-out, as the bytes it is served as. */
    private byte[] published(String section) {
        byte[] s = view.published().sections().get(section);
        if (s == null) {
            throw new NotFound("no read-out yet: nothing has been received");
        }
        return s;
    }

    private void refresh(Context ctx) {
        new Params(ctx, Set.of());
        refresh.run();
        Published p = view.published();
        Server.json(ctx, Json.MAPPER.createObjectNode().put("refreshed", true)
                .put("latest", p.atMicros() == 0 ? null : Micros.iso(p.atMicros())));
    }

    private static byte[] resource(String name) {
        try (InputStream in = Api.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 503 with a reason. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String reason) {
            super(reason);
        }
    }

    /** 404 with a reason. */
    static final class NotFound extends RuntimeException {
        NotFound(String reason) {
            super(reason);
        }
    }
}
