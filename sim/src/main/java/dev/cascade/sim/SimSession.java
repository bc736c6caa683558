package dev.cascade.sim;

import dev.cascade.model.Venue;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;

/** One client connection: its venue, what it subscribed to, and its fault state. */
final class SimSession {
    final Venue venue;
    final SimWire wire;
    /** Binance combined-stream connections wrap payloads as {"stream":...,"data":...}. */
    final boolean isCombined;
    final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final WsContext ctx;
    private final Faults faults;
    private final SimStats stats;
    private final ScheduledExecutorService delayer;
    /**
     * Frames handed to Jetty and not yet written. Jetty queues what it cannot write yet without bound, so a client
     * reading slower than the market is fed (the demo playing at 2,880x on a busy machine) had 38,000 frames, about
     * 20 MB, queued in the heap; past this many the sender waits for the client instead, as TCP would make it.
     */
    static final int MAX_UNWRITTEN = 2048;
    private static final long UNWRITTEN_WAIT_MILLIS = 10_000;
    private final Semaphore unwritten = new Semaphore(MAX_UNWRITTEN);
    private volatile long stalledUntilNanos;
    private volatile boolean isClosed;
    private long aggTrades;

    SimSession(Venue venue, SimWire wire, boolean isCombined, WsContext ctx, Faults faults, SimStats stats, ScheduledExecutorService delayer) {
        this.venue = venue;
        this.wire = wire;
        this.isCombined = isCombined;
        this.ctx = ctx;
        this.faults = faults;
        this.stats = stats;
        this.delayer = delayer;
    }

    String id() {
        return ctx.sessionId();
    }

    boolean isStalled() {
        return System.nanoTime() < stalledUntilNanos;
    }

    void stall(Duration d) {
        stalledUntilNanos = System.nanoTime() + d.toNanos();
    }

    /** Sends a frame unless stalled or closed, after the injected delay if any. */
    void send(String frame) {
        if (isClosed || isStalled()) {
            return;
        }
        long delay = faults.delayMillis;
        if (delay > 0) {
            delayer.schedule(() -> sendNow(frame), delay, TimeUnit.MILLISECONDS);
        } else {
            sendNow(frame);
        }
    }

    /** Sends an aggTrade frame, dropping every n-th when that fault is on. */
    void sendAggTrade(String frame) {
        int every = faults.dropEveryAggTrade;
        long n;
        synchronized (this) {
            n = ++aggTrades;
        }
        if (every > 0 && n % every == 0) {
            stats.framesDropped.incrementAndGet();
            return;
        }
        send(frame);
    }

    private synchronized void sendNow(String frame) {
        if (isClosed) {
            return;
        }
        try {
            // a client that reads nothing for 10 s gets the frame queued all the same, as before: never a deadlock
            boolean isCounted = unwritten.tryAcquire(UNWRITTEN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            Callback written = isCounted ? Callback.from(unwritten::release, e -> unwritten.release()) : Callback.NOOP;
            if (wire.isGzipBinary()) {
                ctx.session.sendBinary(java.nio.ByteBuffer.wrap(gzip(frame)), written);
            } else {
                ctx.session.sendText(frame, written);
            }
            stats.framesSent.incrementAndGet();
        } catch (RuntimeException e) {
            isClosed = true; // the client went away mid-send
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] gzip(String frame) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(frame.length() / 2 + 32);
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(bytes)) {
            z.write(frame.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** The client answered one of the venue's application-level pings. */
    void keepaliveAnswered() {
        stats.keepaliveReplies.incrementAndGet();
    }

    synchronized void ping() {
        if (!isClosed && !isStalled()) {
            try {
                ctx.sendPing();
            } catch (RuntimeException e) {
                isClosed = true;
            }
        }
    }

    void close() {
        isClosed = true;
        try {
            ctx.closeSession(1001, "simulated close");
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    void disconnect() {
        isClosed = true;
        try {
            ctx.session.disconnect();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    void closed() {
        isClosed = true;
    }
}
