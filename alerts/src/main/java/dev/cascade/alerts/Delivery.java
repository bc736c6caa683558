package dev.cascade.alerts;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts to their sinks from one thread, so that a slow endpoint never holds up the pipeline. Each send
 * is retried on failure (an I/O error, a 5xx, a 429) with exponential backoff, honouring Retry-After, up to
 * {@code maxAttempts}; a 4xx other than 429 is a configuration error and is not retried. A send that succeeded is
 * never repeated (each alert id is delivered once per sink), and each request carries the alert id as
 * {@code Idempotency-Key} for receivers that deduplicate a retry whose answer was lost.
 */
public final class Delivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    private static final int REMEMBERED = 10_000;

    /** How to wait between attempts; tests record instead of sleeping. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private record Job(Alert alert, Sink sink) {
    }

    private static final Job END = new Job(null, null);

    private final List<Sink> sinks;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final long baseMillis;
    private final long maxMillis;
    private final int maxAttempts;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>(10_000);
    private final LinkedHashSet<String> delivered = new LinkedHashSet<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    /** Jobs queued or in flight. */
    private final AtomicLong pending = new AtomicLong();
    private final Thread thread = new Thread(this::run, "alerts");

    public Delivery(List<Sink> sinks, HttpClient http, Sleeper sleeper, Duration base, Duration max, int maxAttempts) {
        this.sinks = List.copyOf(sinks);
        this.http = http;
        this.sleeper = sleeper;
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
        this.maxAttempts = maxAttempts;
        thread.setDaemon(true);
        thread.start();
    }

    /** The usual policy: 1 s doubling to 60 s, 6 attempts. */
    public static Delivery standard(List<Sink> sinks) {
        return new Delivery(sinks, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Thread::sleep,
                Duration.ofSeconds(1), Duration.ofSeconds(60), 6);
    }

    /** Queues an alert for every sink; never blocks the caller (a full queue drops and counts). */
    public void send(List<Alert> alerts) {
        for (Alert a : alerts) {
            for (Sink s : sinks) {
                pending.incrementAndGet();
                if (!queue.offer(new Job(a, s))) {
                    pending.decrementAndGet();
                    failed.incrementAndGet();
                    LOG.warn("alerts: queue full, dropped {}", a.key());
                }
            }
        }
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    public long attempts() {
        return attempts.get();
    }

    /** Waits until the queue is empty (or {@code timeout} passes); for tests and shutdown. */
    public boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void run() {
        try {
            while (true) {
                Job j = queue.take();
                if (j == END) {
                    return;
                }
                try {
                    deliver(j);
                } finally {
                    pending.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Job j) throws InterruptedException {
        String once = j.sink().type() + " " + j.sink().uri() + " " + j.alert().id();
        if (delivered.contains(once)) {
            return; // the same alert queued twice: it went out already
        }
        HttpRequest request = HttpRequest.newBuilder(j.sink().uri()).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Idempotency-Key", j.alert().id())
                .header("User-Agent", "cascade-alerts").POST(HttpRequest.BodyPublishers.ofString(j.sink().body(j.alert())))
                .build();
        long wait = baseMillis;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            attempts.incrementAndGet();
            long retryAfter = -1;
            String problem;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if (status >= 200 && status < 300) {
                    remember(once);
                    sent.incrementAndGet();
                    return;
                }
                if (status >= 400 && status < 500 && status != 429) {
                    failed.incrementAndGet();
                    LOG.warn("alerts: {} refused {} with HTTP {}: not retried", j.sink().describe(), j.alert().rule(), status);
                    return;
                }
                problem = "HTTP " + status;
                retryAfter = r.headers().firstValue("Retry-After").map(Delivery::seconds).orElse(-1L);
            } catch (IOException e) {
                problem = e.toString();
            }
            if (attempt == maxAttempts) {
                failed.incrementAndGet();
                LOG.warn("alerts: {} failed {} times ({}), giving up on {}", j.sink().describe(), attempt, problem,
                        j.alert().rule());
                return;
            }
            sleeper.sleep(Math.min(maxMillis, Math.max(wait, retryAfter * 1000)));
            wait = Math.min(maxMillis, wait * 2);
        }
    }

    private static long seconds(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void remember(String once) {
        delivered.add(once);
        if (delivered.size() > REMEMBERED) {
            delivered.remove(delivered.iterator().next());
        }
    }

    @Override
    public void close() {
        try {
            queue.put(END);
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every sink's description, for a status line. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        sinks.forEach(s -> out.add(s.describe()));
        return out;
    }
}
