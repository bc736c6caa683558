package dev.cascade.app;

import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.server.MarketView;
import dev.cascade.server.Published;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A thread that reads the cluster's output into {@link ClusterFigures} until closed: what {@code serve --source}
 * follows, whichever the source ({@link ClusterServeJob}, {@link QuestDbServeJob}).
 */
abstract class ClusterReader implements AutoCloseable {
    final ClusterFigures figures;
    private final Thread thread;
    /** Set by {@link #close}: {@link #read} returns soon after. */
    volatile boolean isClosed;
    private volatile Throwable failure;

    /**
     * Each read-out goes to {@code onPublished}, with {@code rejected} set to the inputs refused so far;
     * {@code onEnd} runs once the thread has ended (closed or failed, see {@link #failure}).
     */
    ClusterReader(String threadName, FigureSettings settings, Duration horizon, Consumer<Published> onPublished,
                  AtomicLong rejected, Runnable onEnd) {
        this.figures = new ClusterFigures(settings, horizon, onPublished, rejected, this::wakeup);
        this.thread = new Thread(() -> {
            try {
                read();
            } catch (Throwable e) {
                failure = e;
            } finally {
                figures.close();
                release();
                onEnd.run();
            }
        }, threadName);
    }

    /** On the thread: reads into {@link #figures}, runs its queries and read-outs, until {@link #isClosed}. */
    abstract void read() throws Exception;

    /** Interrupts a wait of {@link #read} (a query came, or a close). */
    abstract void wakeup();

    /** On the thread, as it ends: lets go of the connection. */
    abstract void release();

    /** Starts the thread (once the source has been found). */
    final void startReading() {
        thread.start();
    }

    /** The API's view: the latest read-out, queries on the reader thread. */
    final MarketView view() {
        return figures.view();
    }

    /** Asks for a read-out at the reader's next turn and waits for it at most {@code waitMillis}. */
    final boolean refresh(long waitMillis) {
        return figures.refresh(waitMillis);
    }

    /** Results refused (malformed or too late). */
    final long rejectedResults() {
        return figures.rejectedResults();
    }

    /** Why the thread ended, or null. */
    final Throwable failure() {
        return failure;
    }

    @Override
    public final void close() throws InterruptedException {
        isClosed = true;
        wakeup();
        thread.join(TimeUnit.SECONDS.toMillis(15));
    }
}
