package dev.cascade.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.output.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cascade serve} and {@code cascade live --serve}: the JSON API ({@link Api}), the live stream
 * ({@link Stream}), Prometheus metrics and the dashboard, on one port.
 *
 * <pre>
 *   request ─> Guard (headers, CORS, rate limit, body limit, token) ─> Api handler ─> MarketView (published read-out, or a query run by
 *                                                           the state's owner) ─> JSON
 * </pre>
 *
 * Bound to 127.0.0.1 unless told otherwise, and then only with a token of at least 16 characters. CORS is off
 * unless an origin is given. Request bodies are capped at 16 KB, declared or streamed, and headers at Jetty's 8 KB.
 */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    static final long MAX_REQUEST_BYTES = 16 * 1024;
    private static final String NO_SUCH_ENDPOINT = "no such endpoint: see /api/v1/openapi.json";

    /**
     * How to serve. {@code token} may be null (then only loopback binding is allowed, and admin endpoints are
     * closed); {@code corsOrigin} null keeps CORS off; {@code ratePerSecond} 0 turns the rate limit off;
     * {@code metrics} registers the caller's meters (feeds, pipeline); {@code refresh} re-reads the figures now.
     */
    public record Settings(String host, int port, String token, String corsOrigin, double ratePerSecond,
                           Consumer<MeterRegistry> metrics, Runnable refresh) {
        public static final double DEFAULT_RATE = 100;
        public static final int MIN_EXPOSED_TOKEN = 16;

        public static Settings local(int port) {
            return new Settings("127.0.0.1", port, null, null, DEFAULT_RATE, r -> { }, () -> { });
        }

        /** Throws {@link IllegalArgumentException} with a one-line reason when these settings may not be served. */
        public void check() {
            String p = problem();
            if (p != null) {
                throw new IllegalArgumentException(p);
            }
        }

        /**
         * Loopback with or without a token; any other address only with a token of at least
         * {@value #MIN_EXPOSED_TOKEN} characters, which a guess or a short password would not be. A token is
         * printable ASCII without spaces: what an {@code Authorization} header carries intact.
         */
        private String problem() {
            if (token != null && !token.chars().allMatch(c -> c > ' ' && c < 127)) {
                return "the token must be printable ASCII without spaces";
            }
            if (!isLoopback(host) && (token == null || token.length() < MIN_EXPOSED_TOKEN)) {
                return "binding to " + host + " needs a token of at least " + MIN_EXPOSED_TOKEN
                        + " characters (--token or CASCADE_TOKEN; e.g. openssl rand -hex 16)";
            }
            if (corsOrigin != null && normalOrigin(corsOrigin.contains("://") ? corsOrigin : "https://" + corsOrigin)
                    == null) {
                return "--cors-origin must be one origin, scheme://host[:port], like https://dash.example.com";
            }
            return null;
        }

        /** The allowed CORS origin (https:// when no scheme is given), normalised; null when CORS is off. */
        String origin() {
            return corsOrigin == null ? null
                    : normalOrigin(corsOrigin.contains("://") ? corsOrigin : "https://" + corsOrigin);
        }

        /** {@code scheme://host[:port]} in lower case without a default port, or null when not one origin. */
        static String normalOrigin(String origin) {
            try {
                URI u = new URI(origin);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                boolean isBare = (u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/"))
                        && u.getRawQuery() == null && u.getRawFragment() == null && u.getRawUserInfo() == null;
                if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null || !isBare) {
                    return null;
                }
                int port = u.getPort();
                boolean isDefault = port == -1 || port == 80 && scheme.equals("http")
                        || port == 443 && scheme.equals("https");
                return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (isDefault ? "" : ":" + port);
            } catch (URISyntaxException e) {
                return null;
            }
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
    private ServerMeters meters;

    private Server(Javalin app, Stream stream) {
        this.app = app;
        this.stream = stream;
    }

    /**
     * Starts serving {@code view}; throws {@link IllegalArgumentException} with a one-line reason for an exposed address
     * without a token, or an address it cannot listen on (a port in use).
     */
    public static Server start(MarketView view, Stream stream, Settings s) {
        s.check();
        Guard guard = new Guard(s.token(), s.origin(), s.ratePerSecond());
        Server[] self = new Server[1];
        Api api = new Api(view, stream, s.refresh());
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.requestLogger.http((ctx, millis) -> self[0].meters.request(ctx, millis));
            c.http.maxRequestSize = MAX_REQUEST_BYTES;
            c.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JettyErrors()));
            c.routes.before(guard::check);
            api.routes(c.routes);
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(self[0].registry.scrape()));
            DashboardFiles.routes(c.routes);
            c.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
            c.routes.exception(Guard.Refused.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
            c.routes.exception(Api.NotFound.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
            c.routes.exception(Api.Unavailable.class, (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE,
                    e.getMessage()));
            c.routes.exception(TimeoutException.class, (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE,
                    "the pipeline is busy; try again"));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, HttpStatus.forStatus(e.getStatus()),
                    e.getStatus() == HttpStatus.NOT_FOUND.getCode() ? NO_SUCH_ENDPOINT : e.getMessage()));
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.toString());
                error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
            });
            c.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
                if (!"application/json".equals(ctx.res().getContentType())) { // not an API answer: an unknown path
                    error(ctx, HttpStatus.NOT_FOUND, NO_SUCH_ENDPOINT);
                }
            });
            c.routes.error(HttpStatus.CONTENT_TOO_LARGE.getCode(), ctx -> error(ctx, HttpStatus.CONTENT_TOO_LARGE,
                    "request body over " + MAX_REQUEST_BYTES + " bytes"));
        });
        Server server = new Server(app, stream);
        self[0] = server;
        server.meters = new ServerMeters(server.registry, view, stream);
        s.metrics().accept(server.registry);
        try {
            app.start(s.host(), s.port());
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof java.net.BindException) {
                    app.stop();
                    server.meters.close();
                    throw new IllegalArgumentException("cannot listen on " + s.host() + ":" + s.port() + ": "
                            + (s.port() != 0 && "Address already in use".equals(c.getMessage())
                            ? "the port is in use" : c.getMessage()));
                }
            }
            throw e;
        }
        return server;
    }

    static void error(Context ctx, HttpStatus status, String reason) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("error", reason).put("status", status.getCode());
        ctx.status(status).contentType("application/json").result(Json.text(o));
    }

    /**
     * Answers with {@code node} and its ETag (a hash of the body), or 304 without a body when the client already
     * has it ({@code If-None-Match}): a dashboard that asks again after each read-out moves only what changed.
     * The answers stay {@code no-store}; the dashboard keeps its copies and sends the header itself.
     */
    static void json(Context ctx, JsonNode node) {
        json(ctx, Json.bytes(node)); // the command line's writer: the same section is the same bytes
    }

    /** Answers with JSON already written by {@link Json} (a published part), as {@link #json(Context, JsonNode)}. */
    static void json(Context ctx, byte[] body) {
        String etag = etag(body);
        ctx.header("ETag", etag);
        String asked = ctx.header("If-None-Match");
        if (asked != null && ctx.method() == HandlerType.GET && java.util.Arrays.asList(asked.split("\\s*,\\s*"))
                .contains(etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType("application/json").result(body);
    }

    static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        meters.close();
    }
}
