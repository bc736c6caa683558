package dev.cascade.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One line of progress on stderr for a long command, redrawn in place and cleared when done: a bar with a
 * percentage when the total is known (bytes of input), else a running count and the time taken. Shown only
 * where a person watches, {@link #isWanted when stderr is a terminal} (whatever stdout is) and {@code --quiet} is
 * not given, so that logs and pipes stay clean. A {@link #NONE} does nothing, so callers need no checks.
 */
class ProgressLine implements AutoCloseable {
    static final ProgressLine NONE = new ProgressLine();
    /** The line's width: an 80-column terminal takes it without wrapping. */
    private static final int WIDTH = 79;

    private final ProgressBar bar;
    private final PrintWriter err;
    private final Thread poller;

    private ProgressLine() {
        bar = null;
        err = null;
        poller = null;
    }

    private ProgressLine(ProgressBar bar, PrintWriter err, LongSupplier polled) {
        this.bar = bar;
        this.err = err;
        if (polled == null) {
            poller = null;
        } else {
            poller = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        bar.stepTo(polled.getAsLong());
                        Thread.sleep(250);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "progress");
            poller.setDaemon(true);
            poller.start();
        }
    }

    /** Whether progress is shown: not with {@code --quiet}, and only when stderr is a terminal. */
    static boolean isWanted(boolean isQuiet) {
        return !isQuiet && isStderrTerminal();
    }

    /**
     * Whether stderr is a terminal. The JDK says so only of stdin and stdout together ({@code System.console()});
     * the launcher knows ({@code [ -t 2 ]}) and passes {@code -Dcascade.stderr.terminal}; without it, Linux names
     * the file behind descriptor 2.
     */
    static boolean isStderrTerminal() {
        String told = System.getProperty("cascade.stderr.terminal");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Progress through {@code total} bytes of input, moved with {@link #stepTo}. */
    static ProgressLine bytes(String task, long total, boolean isShown, PrintWriter err) {
        if (!isShown) {
            return NONE;
        }
        return new ProgressLine(builder(task, err).setInitialMax(total).setUnit(" MB", 1 << 20).build(), err, null);
    }

    /**
     * A running count of something with no known end ({@code unit}: " frames" of size 1, " MB" of 1 << 20), read
     * every quarter second.
     */
    static ProgressLine counting(String task, String unit, long unitSize, LongSupplier count, boolean isShown,
                                 PrintWriter err) {
        if (!isShown) {
            return NONE;
        }
        return new ProgressLine(builder(task, err).setInitialMax(-1).setUnit(unit, unitSize).build(), err, count);
    }

    /** The size of {@code file} as it is written, 0 until it exists. */
    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static ProgressBarBuilder builder(String task, PrintWriter err) {
        return new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r' + line);
                    err.flush();
                }, WIDTH));
    }

    void stepTo(long n) {
        if (bar != null) {
            bar.stepTo(n);
        }
    }

    /** Stops and clears the line, so that what the command prints next starts at the left. */
    @Override
    public void close() {
        if (bar == null) {
            return;
        }
        if (poller != null) {
            poller.interrupt();
            try {
                poller.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        bar.close();
        err.print('\r' + " ".repeat(WIDTH) + '\r');
        err.flush();
    }
}
