package dev.cascade.ingest.live;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GETs a venue's REST API politely. A 429 (too many requests) or 418 (Binance's IP ban) is waited out for its
 * {@code Retry-After} (never less than the backoff floor, so an absent or zero header cannot make a tight
 * loop); a 5xx or an I/O error is retried with backoff; any other status fails at once. A wait longer than
 * {@code maxWait} is not waited: the call fails, and the caller counts what it could not fetch.
 */
public final class RestClient {
    /** How the client waits; tests record the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** A response with a 2xx status. */
    public record Response(int status, byte[] body) {
    }

    /** Thrown when the venue keeps refusing or failing after the allowed attempts or wait. */
    public static final class RestException extends IOException {
        private final int status;
        private final long retryAfterMillis;

        public RestException(String message, int status) {
            this(message, status, 0);
        }

        public RestException(String message, int status, long retryAfterMillis) {
            super(message);
            this.status = status;
            this.retryAfterMillis = retryAfterMillis;
        }

        public int status() {
            return status;
        }

        /** The answer's Retry-After, in milliseconds; 0 when it had none. */
        public long retryAfterMillis() {
            return retryAfterMillis;
        }
    }

    private final HttpClient http;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final Duration timeout;
    private final int maxAttempts;
    private final long maxWaitMillis;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();

    public RestClient(HttpClient http, Sleeper sleeper, Backoff backoff, Duration timeout, int maxAttempts, Duration maxWait) {
        this.http = http;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.maxWaitMillis = maxWait.toMillis();
    }

    /** A client with the usual policy: 10 s timeout, 5 attempts, waits of at most 2 minutes. */
    public static RestClient standard(HttpClient http) {
        return new RestClient(http, Thread::sleep, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)),
                Duration.ofSeconds(10), 5, Duration.ofMinutes(2));
    }

    public Response get(URI uri) throws IOException, InterruptedException {
        return get(uri, null);
    }

    /**
     * As {@link #get(URI)}, but given up at {@code deadline} (a {@link System#nanoTime()} value; null for none): no
     * request outlives it and no wait is begun that would end after it, so a caller that must answer within a
     * time (a venue that cannot be reached, said within 30 s) gets the last failure by then.
     */
    public Response get(URI uri, Long deadline) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            Duration requestTimeout = timeout;
            if (deadline != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                requestTimeout = Duration.ofNanos(Math.min(left, timeout.toNanos()));
            }
            requests.incrementAndGet();
            long waitMillis;
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(requestTimeout).GET()
                        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = r.statusCode();
                if (status >= 200 && status < 300) {
                    return new Response(status, r.body());
                }
                if (status == 429 || status == 418) {
                    rateLimited.incrementAndGet();
                    waitMillis = Math.max(backoff.floorMillis(), retryAfterMillis(r.headers().firstValue("Retry-After")));
                    last = new RestException(uri.getPath() + ": HTTP " + status + ", retry after " + waitMillis + " ms", status);
                } else if (status >= 500) {
                    waitMillis = backoff.delayMillis(attempt);
                    last = new RestException(uri.getPath() + ": HTTP " + status, status);
                } else {
                    // not retried here; a Retry-After with it (a document not published yet) is the caller's to honour
                    throw new RestException(uri.getPath() + ": HTTP " + status, status,
                            retryAfterMillis(r.headers().firstValue("Retry-After")));
                }
            } catch (RestException e) {
                throw e;
            } catch (IOException e) {
                waitMillis = backoff.delayMillis(attempt);
                last = e;
            }
            if (attempt + 1 == maxAttempts || waitMillis > maxWaitMillis || deadline != null
                    && System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis) >= deadline) {
                break;
            }
            sleeper.sleep(waitMillis);
        }
        throw last != null ? last : new HttpTimeoutException("no time left to ask " + uri.getPath());
    }

    /** What went wrong, in words a user reads: the JDK's connect failures carry no message of their own. */
    public static String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (e instanceof ConnectException) {
            return e.getMessage() == null ? "connection refused" : e.getMessage();
        }
        if (e instanceof HttpTimeoutException) {
            return e.getMessage() == null ? "timed out" : e.getMessage();
        }
        if (e.getMessage() == null) {
            return e.getCause() instanceof IOException c ? reason(c) : e.getClass().getSimpleName();
        }
        return e.getMessage();
    }

    /** Retry-After in seconds (the only form venues send); 0 when absent or unreadable. */
    static long retryAfterMillis(Optional<String> header) {
        try {
            return header.map(h -> Math.round(Double.parseDouble(h.trim()) * 1000)).orElse(0L);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public long requests() {
        return requests.get();
    }

    public long rateLimited() {
        return rateLimited.get();
    }
}
