package dev.cascade.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every request passes before a handler, in this order: the security headers (on every answer, refusals
 * included), CORS, a per-client rate limit (a token bucket per address), preflights (answered here, without a
 * token), the declared body length, the token where one is needed, then the body itself (chunked included),
 * read up to the limit.
 *
 * <p>Which paths need the token is decided on the path as sent, as decoded, and as resolved ({@link #canonical}):
 * a request is let through without the token only when every form is public. So
 * {@code /metrics/}, {@code //metrics}, {@code /METRICS}, {@code /%6detrics} and {@code /x/../metrics} are as
 * protected as {@code /metrics}. With a token configured, everything under {@code /api} (but health) and
 * {@code /metrics} needs it, as {@code Authorization: Bearer TOKEN}; {@code ?access_token=TOKEN} is taken only on
 * the event stream, where a browser's EventSource cannot set headers. Admin endpoints always need it: without a
 * configured token they are closed.
 */
final class Guard {
    static final String TOKEN_PARAMETER = "access_token";
    static final String STREAM_PATH = "/api/v1/stream";
    private static final String HEALTH_PATH = "/api/v1/health";
    private static final int MAX_CLIENTS = 10_000;
    /** The dashboard loads only its own files (script, style, ECharts' WebJar) and calls only its own API. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final byte[] token;
    private final String corsOrigin;
    private final double ratePerSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code corsOrigin} as {@link Server.Settings#origin()} gives it: normalised, or null for CORS off. */
    Guard(String token, String corsOrigin, double ratePerSecond) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.corsOrigin = corsOrigin;
        this.ratePerSecond = ratePerSecond;
        this.burst = Math.max(1, ratePerSecond * 2);
    }

    void check(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Cache-Control", "no-store");
        boolean isAllowedOrigin = cors(ctx);
        if (ratePerSecond > 0 && !allow(ctx.ip())) {
            ctx.header("Retry-After", "1");
            throw new Refused(HttpStatus.TOO_MANY_REQUESTS, "rate limit: at most " + (long) ratePerSecond
                    + " requests a second from one address");
        }
        if (ctx.method().equals(HandlerType.OPTIONS)) {
            options(ctx, isAllowedOrigin);
            return;
        }
        long declared = ctx.req().getContentLengthLong(); // a long: a length of 2^31 or more is not -1 here
        if (declared > Server.MAX_REQUEST_BYTES) {
            ctx.header("Connection", "close");
            throw tooLarge();
        }
        // the path as sent, decoded without resolving dot segments, and resolved: any of them may be what a
        // layer below serves, so each must pass
        String raw = ctx.path();
        String[] forms = {raw.toLowerCase(Locale.ROOT), normal(raw, false), canonical(raw)};
        boolean isAdmin = false;
        boolean isProtected = false;
        for (String form : forms) {
            isAdmin |= isUnder(form, "/api/v1/admin");
            isProtected |= isProtected(form);
        }
        if (isAdmin && token == null) {
            throw new Refused(HttpStatus.FORBIDDEN, "admin endpoints are closed: start the server with a token");
        }
        if (token != null && (isAdmin || isProtected)) {
            requireToken(ctx, isStream(raw));
        }
        if (declared > 0 || ctx.header("Transfer-Encoding") != null) {
            readBody(ctx);
        }
    }

    /**
     * A path as the router, the file handler or a proxy might read it: percent-decoded (repeatedly, so a
     * double encoding is seen through), backslashes as slashes, path parameters ({@code ;x}) dropped, empty and
     * {@code .} segments dropped, {@code ..} resolved, lower case, no trailing slash.
     */
    static String canonical(String raw) {
        return normal(raw, true);
    }

    private static String normal(String raw, boolean isResolvingDots) {
        String p = raw;
        for (int i = 0; i < 4; i++) {
            String decoded = percentDecoded(p);
            if (decoded.equals(p)) {
                break;
            }
            p = decoded;
        }
        ArrayDeque<String> segments = new ArrayDeque<>();
        for (String s : p.replace('\\', '/').split("/")) {
            int semicolon = s.indexOf(';');
            String seg = semicolon < 0 ? s : s.substring(0, semicolon);
            if (isResolvingDots && seg.equals("..")) {
                segments.pollLast();
            } else if (!seg.isEmpty() && !(isResolvingDots && seg.equals("."))) {
                segments.addLast(seg.toLowerCase(Locale.ROOT));
            }
        }
        return "/" + String.join("/", segments);
    }

    /** Only the stream's own path, as EventSource sends it, takes the token in the query. */
    private static boolean isStream(String raw) {
        return raw.equals(STREAM_PATH) || raw.equals(STREAM_PATH + "/");
    }

    private static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            int hi = i + 2 < b.length && b[i] == '%' ? Character.digit(b[i + 1], 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(b[i + 2], 16);
            if (lo < 0) {
                out.write(b[i]); // not an escape: kept as it is
            } else {
                out.write(hi * 16 + lo);
                i += 2;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Needs the token when one is configured: the API but health, and the metrics. */
    private static boolean isProtected(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return isUnder(p, "/api") && !p.equals(HEALTH_PATH) || isUnder(p, "/metrics");
    }

    /** Adds the CORS headers for the allowed origin; whether the request came from it. */
    private boolean cors(Context ctx) {
        String origin = ctx.header("Origin");
        if (corsOrigin == null || origin == null) {
            return false;
        }
        ctx.header("Vary", "Origin");
        if (!corsOrigin.equals(Server.Settings.normalOrigin(origin))) {
            return false;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Expose-Headers", "Retry-After, WWW-Authenticate");
        return true;
    }

    /**
     * Answers an OPTIONS request here: browsers never send a token on a preflight, and no endpoint answers
     * OPTIONS, so nothing is learned from it. A preflight from another origin is refused with the reason.
     */
    private void options(Context ctx, boolean isAllowedOrigin) {
        boolean isPreflight = ctx.header("Origin") != null && ctx.header("Access-Control-Request-Method") != null;
        if (isPreflight && !isAllowedOrigin) {
            throw new Refused(HttpStatus.FORBIDDEN, corsOrigin == null ? "CORS is off: start the server with "
                    + "--cors-origin" : "origin not allowed (allowed: " + corsOrigin + ")");
        }
        if (isPreflight) {
            ctx.header("Access-Control-Allow-Methods", "GET, POST");
            ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Last-Event-ID");
            ctx.header("Access-Control-Max-Age", "600");
        }
        ctx.header("Allow", "GET, POST, OPTIONS");
        ctx.status(HttpStatus.NO_CONTENT).skipRemainingHandlers();
    }

    /**
     * Reads a body now, whether declared or streamed (chunked), up to the limit: Javalin's bounded reader
     * refuses beyond it, and keeps the body for a handler that wants it.
     */
    private static void readBody(Context ctx) {
        try {
            ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            ctx.header("Connection", "close"); // the rest of the body is not worth reading
            throw e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode() ? tooLarge() : e;
        }
    }

    private static Refused tooLarge() {
        return new Refused(HttpStatus.CONTENT_TOO_LARGE, "request body over " + Server.MAX_REQUEST_BYTES + " bytes");
    }

    private void requireToken(Context ctx, boolean isQueryTokenTaken) {
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim()
                : isQueryTokenTaken ? ctx.queryParam(TOKEN_PARAMETER) : null;
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new Refused(HttpStatus.UNAUTHORIZED, "a valid token is required (Authorization: Bearer TOKEN; "
                    + "?" + TOKEN_PARAMETER + "= only on " + STREAM_PATH + ")");
        }
    }

    private boolean allow(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // a flood of addresses: forget them all rather than grow
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(burst)).take(ratePerSecond, burst);
    }

    /** A refusal with its status and reason. */
    static final class Refused extends RuntimeException {
        final HttpStatus status;

        Refused(HttpStatus status, String reason) {
            super(reason);
            this.status = status;
        }
    }

    private static final class Bucket {
        private double tokens;
        private long lastNanos = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        synchronized boolean take(double rate, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * rate);
            lastNanos = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
