package dev.cascade.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.model.Micros;
import dev.cascade.server.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cascade serve} and {@code cascade live --serve}: the JSON API ({@link Api}), the live stream
 * ({@link Stream}), Prometheus metrics and the dashboard, on one port.
 *
 * <pre>
 *   request ─> Guard (rate limit, token) ─> Api handler ─> MarketView (published read-out, or a query run by
 *                                                           the state's owner) ─> JSON
 * </pre>
 *
 * Bound to 127.0.0.1 unless told otherwise, and then only with a token. CORS is off unless an origin is given.
 * Request bodies are capped at 16 KB and headers at Jetty's 8 KB.
 */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    static final long MAX_REQUEST_BYTES = 16 * 1024;

    /**
     * How to serve. {@code token} may be null (then only loopback binding is allowed, and admin endpoints are
     * closed); {@code corsOrigin} null keeps CORS off; {@code ratePerSecond} 0 turns the rate limit off;
     * {@code metrics} registers the caller's meters (feeds, pipeline); {@code refresh} re-reads the figures now.
     */
    public record Settings(String host, int port, String token, String corsOrigin, double ratePerSecond,
                           Consumer<MeterRegistry> metrics, Runnable refresh) {
        public static final double DEFAULT_RATE = 100;

        public static Settings local(int port) {
            return new Settings("127.0.0.1", port, null, null, DEFAULT_RATE, r -> { }, () -> { });
        }

        /** Whether these settings may be served: loopback, or any address with a token. */
        public boolean isAllowed() {
            return isLoopback(host) || token != null && !token.isBlank();
        }

        public Settings withToken(String t) {
            return new Settings(host, port, t, corsOrigin, ratePerSecond, metrics, refresh);
        }

        public Settings withRate(double perSecond) {
            return new Settings(host, port, token, corsOrigin, perSecond, metrics, refresh);
        }
    }

    private final Javalin app;
    private final Stream stream;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private Server(Javalin app, Stream stream) {
        this.app = app;
        this.stream = stream;
    }

    /** Starts serving {@code view}; throws {@link IllegalArgumentException} for an exposed address without a token. */
    public static Server start(MarketView view, Stream stream, Settings s) {
        if (!s.isAllowed()) {
            throw new IllegalArgumentException("binding to " + s.host() + " needs a token (--token or CASCADE_TOKEN)");
        }
        Guard guard = new Guard(s.token(), s.ratePerSecond());
        Server[] self = new Server[1];
        Api api = new Api(view, stream, s.refresh());
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = MAX_REQUEST_BYTES;
            c.staticFiles.enableWebjars();
            c.staticFiles.add(f -> {
                f.hostedPath = "/";
                f.directory = "/dashboard";
                f.location = Location.CLASSPATH;
            });
            if (s.corsOrigin() != null) {
                c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> rule.allowHost(s.corsOrigin())));
            }
            c.routes.before(ctx -> {
                guard.check(ctx);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Cache-Control", "no-store");
            });
            api.routes(c.routes);
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(self[0].registry.scrape()));
            c.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
            c.routes.exception(Guard.Refused.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
            c.routes.exception(Api.NotFound.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
            c.routes.exception(TimeoutException.class, (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE,
                    "the pipeline is busy; try again"));
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.toString());
                error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
            });
            c.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
                if (ctx.result() == null) {
                    error(ctx, HttpStatus.NOT_FOUND, "no such endpoint: see /api/v1/openapi.json");
                }
            });
            c.routes.error(HttpStatus.CONTENT_TOO_LARGE.getCode(), ctx -> error(ctx, HttpStatus.CONTENT_TOO_LARGE,
                    "request body over " + MAX_REQUEST_BYTES + " bytes"));
        });
        Server server = new Server(app, stream);
        self[0] = server;
        server.registry.gauge("cascade_stream_clients", stream, x -> x.clients());
        server.registry.gauge("cascade_stream_dropped", stream, x -> x.dropped());
        server.registry.gauge("cascade_events", view, v -> v.published().events());
        server.registry.gauge("cascade_event_lag_seconds", view, v -> v.published().atMicros() == 0 ? Double.NaN
                : (Micros.of(java.time.Instant.now()) - v.published().atMicros()) / 1e6);
        s.metrics().accept(server.registry);
        app.start(s.host(), s.port());
        return server;
    }

    static void error(Context ctx, HttpStatus status, String reason) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("error", reason).put("status", status.getCode());
        ctx.status(status).contentType("application/json").result(o.toString());
    }

    static void json(Context ctx, JsonNode node) {
        ctx.contentType("application/json").result(node.toString());
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public int port() {
        return app.port();
    }

    /** For the caller's meters (registered once at start through {@link Settings#metrics}). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Tells stream clients about a new read-out; call after each publication. */
    public void published(Published p) {
        stream.published(p);
    }

    @Override
    public void close() {
        stream.close();
        app.stop();
    }
}
