package dev.cascade.ingest.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.ingest.FrameIntake;
import dev.cascade.model.ForwardingListener;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.overview.OverviewDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live path from sockets to aggregators, on one thread so that every stage after it is single-threaded:
 *
 * <pre>
 *   WebSocketFeed threads ─> bounded queue ─> pipeline thread: FrameIntake (tape + venue decoder) ─> listener
 *   OverviewPoller ─────────┘                                └─> RecordingWriter (the frame as received)
 * </pre>
 *
 * A full queue blocks the socket threads, so TCP pushes back instead of memory growing (unless the thread has
 * failed: then frames are dropped, {@link #failure} says why, and the command ends on it). Between frames, and
 * at least every {@code periodMillis} when idle, the thread runs {@code periodic} (read-outs for a display
 * are computed here, on the thread that owns the aggregators).
 */
public final class LivePipeline implements WebSocketFeed.FrameSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LivePipeline.class);

    /**
     * A socket frame ({@code spec} set), a fetched document ({@code source} and {@code path} set), or a task to
     * run on this thread ({@code task} set).
     */
    private record Frame(ConnectionSpec spec, long receiveMicros, String text, String source, String path, byte[] body,
                         FutureTask<?> task) {
        Frame(ConnectionSpec spec, long receiveMicros, String text) {
            this(spec, receiveMicros, text, null, null, null, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Frame END = new Frame(null, 0, null);

    private final BlockingQueue<Frame> queue;
    private final FrameIntake intake;
    private final MarketListener listener;
    private final VenueRejects venueRejects;
    private final RecordingWriter recorder;
    private final FeedStats stats;
    private final Runnable periodic;
    private final long periodMillis;
    private final Thread thread;
    private final AtomicLong processed = new AtomicLong();
    private volatile boolean isStopping;
    /** Why the thread stopped before it was closed (a fault in a stage after decoding), or null. */
    private volatile Throwable failure;

    public LivePipeline(VenueDecoders decoders, MarketListener listener, RecordingWriter recorder, FeedStats stats,
                        int capacity, Runnable periodic, long periodMillis) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.intake = new FrameIntake(decoders);
        this.listener = listener;
        this.venueRejects = new VenueRejects(listener, stats);
        this.recorder = recorder;
        this.stats = stats;
        this.periodic = periodic;
        this.periodMillis = periodMillis;
        this.thread = new Thread(this::run, "pipeline");
    }

    public void start() {
        thread.start();
    }

    @Override
    public void onFrame(ConnectionSpec spec, long receiveMicros, String text) throws InterruptedException {
        if (!isStopping) {
            put(new Frame(spec, receiveMicros, text));
        }
    }

    /** Waits for room as long as the thread runs: a failed thread would never make any. */
    private void put(Frame f) throws InterruptedException {
        while (failure == null && !queue.offer(f, 200, TimeUnit.MILLISECONDS)) {
            if (thread.getState() == Thread.State.TERMINATED) {
                return;
            }
        }
    }

    /** Why the pipeline thread stopped on its own, before any close (nothing since is counted); null if it did not. */
    public Throwable failure() {
        return failure;
    }

    /**
     * A market overview document fetched over REST ({@link OverviewPoller}): decoded on this thread like a frame,
     * so that the aggregators stay single-threaded, and recorded where it arrived.
     */
    public void onDocument(String source, String path, long receiveMicros, byte[] body) throws InterruptedException {
        if (!isStopping) {
            put(new Frame(null, receiveMicros, null, source, path, body, null));
        }
    }

    /**
     * Runs {@code task} on the pipeline thread, between frames, and returns its result: how the API reads the
     * aggregators without sharing them. Waits at most {@code timeoutMillis} in all.
     */
    public <T> T call(Callable<T> task, long timeoutMillis) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        FutureTask<T> future = new FutureTask<>(task);
        if (isStopping || !queue.offer(new Frame(null, 0, null, null, null, null, future), timeoutMillis,
                TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("the pipeline is busy or stopping");
        }
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Frames decoded so far. */
    public long processed() {
        return processed.get();
    }

    public int backlog() {
        return queue.size();
    }

    /** Stops accepting frames, decodes what is queued, runs {@code periodic} a last time, and returns. */
    @Override
    public void close() throws InterruptedException {
        isStopping = true;
        put(END);
        thread.join();
    }

    private void run() {
        long nextPeriodic = System.currentTimeMillis() + periodMillis;
        try {
            while (true) {
                Frame f = queue.poll(periodMillis, TimeUnit.MILLISECONDS);
                if (f == END) {
                    break;
                }
                if (f != null) {
                    process(f);
                }
                if (System.currentTimeMillis() >= nextPeriodic) {
                    periodic.run();
                    nextPeriodic = System.currentTimeMillis() + periodMillis;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) { // an Error too: a dead thread must not pass for a quiet market
            failure = e;
            LOG.error("pipeline stopped", e);
        } finally {
            if (failure == null) {
                periodic.run();
            }
        }
    }

    private void process(Frame f) throws InterruptedException {
        if (f.task() != null) {
            f.task().run();
            return;
        }
        if (f.spec() == null) {
            document(f);
            return;
        }
        byte[] bytes = f.text().getBytes(StandardCharsets.UTF_8);
        boolean isJson = intake.parse(bytes, 0, bytes.length);
        if (recorder != null) {
            // recorded before its events go on: the recording is the store's journal (RecordingWriter#sync)
            recorder.frame(f.spec().venue(), f.receiveMicros(), bytes, isJson);
        }
        venueRejects.venue = f.spec().venue();
        FrameKind kind = intake.emit(f.spec().venue(), bytes, 0, bytes.length, f.receiveMicros(), venueRejects);
        if (kind == FrameKind.CONTROL && f.spec().isError().test(f.text())) {
            stats.of(f.spec().venue()).errors.incrementAndGet();
            LOG.warn("{}: {}", f.spec().name(), f.text().length() > 300 ? f.text().substring(0, 300) : f.text());
        }
        processed.incrementAndGet();
    }

    private void document(Frame f) {
        if (recorder != null) {
            recorder.document(f.source(), f.path(), f.receiveMicros(), f.body());
        }
        try {
            OverviewDocuments.decode(JSON.readTree(f.body()), f.receiveMicros(), listener);
        } catch (IOException | RuntimeException e) {
            listener.onReject(Reject.BAD_OVERVIEW);
            LOG.warn("{} {}: {}", f.source(), f.path(), e.getMessage());
        }
        processed.incrementAndGet();
    }

    /** Passes a frame's events on and counts its rejections under the venue that sent it (one instance, reused). */
    private static final class VenueRejects extends ForwardingListener {
        private final FeedStats stats;
        Venue venue;

        VenueRejects(MarketListener downstream, FeedStats stats) {
            super(downstream);
            this.stats = stats;
        }

        @Override
        public void onReject(Reject reason) {
            stats.of(venue).rejects.incrementAndGet();
            downstream.onReject(reason);
        }
    }
}
