package dev.cascade.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every request passes before a handler: a per-client rate limit (a token bucket per address), a size
 * limit on bodies (a body without a length is cut off at the same size by Javalin when read), and the
 * token where one is needed. With a token configured, everything but health and the dashboard's files needs it
 * (as {@code Authorization: Bearer TOKEN}, or {@code ?access_token=TOKEN} where a browser cannot set headers:
 * EventSource). Admin endpoints always need it: without a configured token they are closed.
 */
final class Guard {
    static final String TOKEN_PARAMETER = "access_token";
    private static final int MAX_CLIENTS = 10_000;

    private final byte[] token;
    private final double ratePerSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    Guard(String token, double ratePerSecond) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.ratePerSecond = ratePerSecond;
        this.burst = Math.max(1, ratePerSecond * 2);
    }

    boolean hasToken() {
        return token != null;
    }

    void check(Context ctx) {
        if (ratePerSecond > 0 && !allow(ctx.ip())) {
            ctx.header("Retry-After", "1");
            throw new Refused(HttpStatus.TOO_MANY_REQUESTS, "rate limit: at most " + (long) ratePerSecond
                    + " requests a second from one address");
        }
        if (ctx.contentLength() > Server.MAX_REQUEST_BYTES) {
            throw new Refused(HttpStatus.CONTENT_TOO_LARGE, "request body over " + Server.MAX_REQUEST_BYTES + " bytes");
        }
        String path = ctx.path();
        if (path.startsWith("/api/v1/admin/")) {
            if (token == null) {
                throw new Refused(HttpStatus.FORBIDDEN, "admin endpoints are closed: start the server with a token");
            }
            requireToken(ctx);
        } else if (token != null && isProtected(path)) {
            requireToken(ctx);
        }
    }

    private static boolean isProtected(String path) {
        return path.startsWith("/api/") && !path.equals("/api/v1/health") || path.equals("/metrics");
    }

    private void requireToken(Context ctx) {
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim()
                : ctx.queryParam(TOKEN_PARAMETER);
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new Refused(HttpStatus.UNAUTHORIZED, "a valid token is required (Authorization: Bearer TOKEN)");
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
