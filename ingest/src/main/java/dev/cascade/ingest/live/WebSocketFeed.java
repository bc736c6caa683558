package dev.cascade.ingest.live;

import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.feed.Keepalive;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue connection kept alive whatever the socket does, declared by a {@link ConnectionSpec} and owning
 * the rest: connect, subscribe (spaced), keepalive, stale detection, reconnect with backoff, and rotation
 * before the venue's own cut-off.
 *
 * <pre>
 *   connect ─> open ─> subscribe messages, spaced ─> frames ─> sink
 *      ^         │
 *      │         ├─ watchdog: silent for staleAfter?  ─> abort ─┐
 *      │         ├─ closed or failed by the server    ──────────┤
 *      │         └─ open for rotateAfter? ─> connect a second session; once it carries data and the
 *      │            overlap has passed, close the first (frames seen twice meanwhile are deduped downstream)
 *      └──── backoff delay (floor..cap, jittered) <──────────────┘
 * </pre>
 *
 * Frames of a message arriving in parts are joined. Binary messages that are gzip streams (HTX compresses every
 * frame) are inflated to text here, at the transport, so that decoders and recordings see JSON as they do for
 * every other venue; other binary messages are counted and skipped. WebSocket pings are answered by the JDK
 * client, a venue's pings in text frames by its {@link Keepalive#replyTo} rule; every frame, ping and pong counts
 * as a sign of life. Thread-safe: callbacks arrive on the HTTP client's threads, the
 * watchdog on the scheduler's.
 */
public final class WebSocketFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketFeed.class);

    /** Receives every complete text frame; may block (the socket then stops being read). */
    @FunctionalInterface
    public interface FrameSink {
        void onFrame(ConnectionSpec spec, long receiveMicros, String text) throws InterruptedException;
    }

    /** How reconnection and rotation behave, shared by the feeds of a run. */
    public record Policy(Backoff backoff, Duration connectTimeout, Duration checkEvery, Duration rotationOverlap) {
        public static Policy standard() {
            return new Policy(new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30)), Duration.ofSeconds(10),
                    Duration.ofSeconds(1), Duration.ofSeconds(5));
        }
    }

    private final ConnectionSpec spec;
    private final HttpClient http;
    private final FrameSink sink;
    private final ScheduledExecutorService scheduler;
    private final Policy policy;
    private final FeedStats.VenueStats stats;
    private final ConnectGate gate;
    private final Object lock = new Object();

    private Session current;
    private Session next;
    private int generation;
    private int attempt;
    private long lostAtNanos = -1;
    private volatile boolean isClosed;
    private ScheduledFuture<?> watchdog;

    public WebSocketFeed(ConnectionSpec spec, HttpClient http, FrameSink sink, ScheduledExecutorService scheduler,
                         Policy policy, FeedStats stats, ConnectGate gate) {
        this.spec = spec;
        this.http = http;
        this.sink = sink;
        this.scheduler = scheduler;
        this.policy = policy;
        this.stats = stats.of(spec.venue());
        this.gate = gate;
    }

    public ConnectionSpec spec() {
        return spec;
    }

    /** Starts connecting; returns at once. */
    public void start() {
        long every = policy.checkEvery().toMillis();
        watchdog = scheduler.scheduleAtFixedRate(this::check, every, every, TimeUnit.MILLISECONDS);
        synchronized (lock) {
            current = open();
        }
    }

    /** Whether a session is open and has carried data. */
    public boolean isLive() {
        Session s = current;
        return s != null && s.ws != null && !s.isDead && s.hasData;
    }

    @Override
    public void close() {
        isClosed = true;
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        synchronized (lock) {
            for (Session s : new Session[] {current, next}) {
                if (s != null) {
                    s.kill("shutdown");
                }
            }
            current = null;
            next = null;
        }
    }

    /** Creates a session and starts its connection at the venue's next free slot. Holds the lock. */
    private Session open() {
        Session s = new Session(++generation);
        long wait = gate.reserveMillis();
        scheduler.schedule(() -> s.connect(), wait, TimeUnit.MILLISECONDS);
        return s;
    }

    /** A session ended (closed, failed or found stale): reconnect after the backoff, or promote the spare. */
    private void lost(Session s) {
        synchronized (lock) {
            if (s.isDead) {
                return;
            }
            s.kill(null);
            if (s == next) {
                next = null; // a rotation attempt failed: the current session goes on, rotation is tried again
                return;
            }
            if (s != current || isClosed) {
                return;
            }
            if (next != null && next.ws != null) {
                current = next; // mid-rotation: the new session takes over at once
                next = null;
                return;
            }
            lostAtNanos = System.nanoTime();
            long delay = policy.backoff().delayMillis(attempt++);
            stats.backoff(delay);
            Session replacement = new Session(++generation);
            current = replacement;
            scheduler.schedule(() -> {
                long wait = gate.reserveMillis();
                scheduler.schedule(() -> replacement.connect(), wait, TimeUnit.MILLISECONDS);
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void opened(Session s) {
        synchronized (lock) {
            if (isClosed || s.isDead) {
                s.kill("unwanted");
                return;
            }
            stats.connects.incrementAndGet();
            if (s == current && lostAtNanos >= 0) {
                stats.reconnected((System.nanoTime() - lostAtNanos) / 1_000_000);
                lostAtNanos = -1;
            }
        }
        long spacing = spec.messageSpacing().toMillis();
        for (int i = 0; i < spec.subscribeMessages().size(); i++) {
            String message = spec.subscribeMessages().get(i);
            scheduler.schedule(() -> s.send(message), i * spacing, TimeUnit.MILLISECONDS);
        }
        Keepalive k = spec.keepalive();
        long every = k.every().toMillis();
        if (k.kind() == Keepalive.Kind.TEXT_EVERY) {
            s.keepalive = scheduler.scheduleAtFixedRate(() -> s.send(k.message()), every, every, TimeUnit.MILLISECONDS);
        } else if (k.kind() == Keepalive.Kind.CONTROL_PONG) {
            s.keepalive = scheduler.scheduleAtFixedRate(s::pong, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void firstData(Session s) {
        synchronized (lock) {
            attempt = 0; // the connection works: the next loss starts the backoff from its floor
            if (s == next) {
                scheduler.schedule(() -> promote(s), policy.rotationOverlap().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The end of a rotation overlap: the new session becomes current and the old one is closed. */
    private void promote(Session s) {
        synchronized (lock) {
            if (s.isDead || s != next) {
                return;
            }
            Session old = current;
            current = s;
            next = null;
            stats.rotations.incrementAndGet();
            if (old != null) {
                old.kill("rotated");
            }
        }
    }

    /** The watchdog: stale sessions, idle keepalives, rotation. */
    private void check() {
        try {
            long now = System.nanoTime();
            Session[] sessions;
            synchronized (lock) {
                sessions = new Session[] {current, next};
            }
            Keepalive k = spec.keepalive();
            for (Session s : sessions) {
                if (s == null || s.ws == null || s.isDead) {
                    continue;
                }
                long silent = now - s.lastNanos;
                if (silent > spec.staleAfter().toNanos()) {
                    stats.stale(silent / 1_000_000);
                    LOG.info("{}: no frame for {} ms, reconnecting", spec.name(), silent / 1_000_000);
                    lost(s);
                } else if (k.kind() == Keepalive.Kind.TEXT_WHEN_IDLE && silent > k.every().toNanos()
                        && now - s.lastKeepaliveNanos > k.every().toNanos()) {
                    s.lastKeepaliveNanos = now;
                    s.send(k.message());
                }
            }
            synchronized (lock) {
                Session c = current;
                if (spec.rotateAfter() != null && c != null && c.ws != null && !c.isDead && next == null && !isClosed
                        && now - c.openedNanos > spec.rotateAfter().toNanos()) {
                    LOG.info("{}: rotating before the venue's cut-off", spec.name());
                    next = open();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: watchdog failed", spec.name(), e);
        }
    }

    /** The most a gzip frame may inflate to: far beyond any venue's frame, short of a decompression bomb. */
    static final int MAX_INFLATED_BYTES = 16 << 20;

    /** Inflates a gzip message to UTF-8 text, or returns null when it is not gzip, is corrupt or is too large. */
    static String inflate(byte[] b, int len) {
        if (len < 2 || (b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b) {
            return null;
        }
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(b, 0, len))) {
            byte[] out = in.readNBytes(MAX_INFLATED_BYTES + 1);
            return out.length > MAX_INFLATED_BYTES ? null : new String(out, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static long micros(Instant now) {
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** One connection attempt and, if it opens, its life; a new one is made for every reconnect. */
    private final class Session implements WebSocket.Listener {
        final int id;
        volatile WebSocket ws;
        volatile boolean isDead;
        volatile boolean hasData;
        volatile long lastNanos;
        volatile long openedNanos;
        volatile long lastKeepaliveNanos;
        volatile ScheduledFuture<?> keepalive;
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
        private CompletableFuture<WebSocket> sends = CompletableFuture.completedFuture(null);

        Session(int id) {
            this.id = id;
        }

        void connect() {
            if (isDead || isClosed) {
                return;
            }
            http.newWebSocketBuilder().connectTimeout(policy.connectTimeout()).buildAsync(spec.uri(), this)
                    .whenComplete((socket, error) -> {
                        if (error != null) {
                            stats.connectFailures.incrementAndGet();
                            LOG.debug("{}: connect failed: {}", spec.name(), error.toString());
                            lost(this);
                        }
                    });
        }

        /** Sends text after whatever this session sent before (the JDK client allows one send at a time). */
        synchronized void send(String message) {
            WebSocket socket = ws;
            if (socket == null || isDead) {
                return;
            }
            sends = sends.handle((x, e) -> null).thenCompose(x -> socket.sendText(message, true));
        }

        synchronized void pong() {
            WebSocket socket = ws;
            if (socket != null && !isDead) {
                sends = sends.handle((x, e) -> null).thenCompose(x -> socket.sendPong(ByteBuffer.allocate(0)));
            }
        }

        /** Marks the session dead; closes it politely with a reason, or drops it. */
        void kill(String reason) {
            isDead = true;
            ScheduledFuture<?> k = keepalive;
            if (k != null) {
                k.cancel(false);
            }
            WebSocket socket = ws;
            if (socket != null) {
                if (reason != null) {
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, reason).whenComplete((x, e) -> socket.abort());
                } else {
                    socket.abort();
                }
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket;
            openedNanos = lastNanos = System.nanoTime();
            opened(this);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                if (!deliver(frame)) {
                    return null;
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            lastNanos = System.nanoTime();
            if (binary.size() <= MAX_INFLATED_BYTES) {
                byte[] part = new byte[data.remaining()];
                data.get(part);
                binary.writeBytes(part);
            }
            if (last) {
                byte[] b = binary.toByteArray();
                binary.reset();
                String frame = inflate(b, b.length);
                if (frame == null) {
                    stats.binaryFrames.incrementAndGet(); // not gzip (no venue Cascade reads sends such): counted, skipped
                } else if (!deliver(frame)) {
                    return null;
                }
            }
            webSocket.request(1);
            return null;
        }

        /** Hands a complete text frame on, answering the venue's ping first; false when interrupted. */
        private boolean deliver(String frame) {
            lastNanos = System.nanoTime();
            if (isDead) {
                return true;
            }
            stats.frames.incrementAndGet();
            if (!hasData) {
                hasData = true;
                firstData(this);
            }
            String reply = spec.keepalive().replyTo(frame);
            if (reply != null) {
                send(reply);
            }
            try {
                sink.onFrame(spec, micros(Instant.now()), frame);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return true;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastNanos = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastNanos = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!isDead) {
                stats.closes.incrementAndGet();
                LOG.debug("{}: closed by the server ({} {})", spec.name(), statusCode, reason);
            }
            lost(this);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!isDead) {
                stats.closes.incrementAndGet();
                LOG.debug("{}: {}", spec.name(), error.toString());
            }
            lost(this);
        }
    }
}
