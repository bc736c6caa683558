package dev.cascade.ingest;

import dev.cascade.venues.codec.JsonTape;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads a source's lines on a thread of its own, one ring slot per line, so that reading (and inflating) a file
 * and turning its bytes into tokens run on one core while decoding and aggregating run on the other.
 *
 * <pre>
 *   reader thread:  stream ─> LineReader ─> copy into slot ─> {@link Tokenizer} (bytes → JsonTape) ─┐
 *                                                                                                    │ ring of
 *   caller thread:  LineSource.advance() takes the slot, decodes from its tape, hands it back  <────┘ pre-allocated slots
 * </pre>
 *
 * The hand-off is a single-producer single-consumer ring: slots are allocated once and reused, the two sides
 * exchange counters in batches, and a side with nothing to do parks until the other wakes it. Nothing that
 * interprets a line (stats, metadata, rejections) runs on the reader thread: the tokenizer is a pure function of the
 * bytes, so the result is the same as reading on one thread, line for line. For the same reason the reader may
 * leave a line untokenized when the caller is keeping up (see {@link #SHARE_WHEN}): the caller then tokenizes it.
 */
final class ReadAhead implements Runnable {
    /** Runs on the reader thread: prepares what it can from the line's bytes alone. */
    interface Tokenizer {
        void prepare(Slot slot, boolean isFirstLine);
    }

    static final int LINE = 0;
    static final int TOO_LONG = 1;
    static final int FAILED = 2;
    static final int END = 3;

    /** One line and what the reader thread made of it; owned by one side at a time. */
    static final class Slot {
        int kind;
        byte[] bytes = new byte[512];
        int length;
        long lineNumber;
        IOException failure;
        RuntimeException crash;
        /** The tape holds {@code bytes[tokenFrom, tokenTo)} tokenized (or the parse's error) when tokenFrom >= 0. */
        final JsonTape tape = new JsonTape();
        /** When matched, the tape holds only the envelope's frame (see {@link RecordingEnvelope}). */
        final RecordingEnvelope envelope = new RecordingEnvelope();
        int tokenFrom = -1;
        int tokenTo;
        boolean isTokenized;
    }

    private static final int BATCH = 32;
    /**
     * A side that had to wait is woken only when this many slots are ready for it (or at the end): each wake-up
     * costs a trip through the scheduler, which on a busy machine takes longer than the slots' work.
     */
    private static final int WAKE_AFTER = 128;
    /**
     * The reader tokenizes a line only when at least this share of the ring (1/SHARE_WHEN) is filled and not yet
     * handed back. Below it the caller is keeping up, and would wait for the next batch: the line goes over
     * untokenized and the caller tokenizes it itself (the same pure function, so the same tokens). Each side then
     * does about half the work per line, whichever is the slower (measured: the reader's share was the larger
     * with every line tokenized on it).
     */
    private static final int SHARE_WHEN = 2;

    private final LineReader lines;
    private final Tokenizer tokenizer;
    private final Slot[] ring;
    private final int mask;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong released = new AtomicLong();
    private volatile boolean isConsumerWaiting;
    private volatile boolean isProducerWaiting;
    /** What the waiting side waits for: the published count the caller, the released count the reader. */
    private volatile long consumerWants;
    private volatile long producerWants;
    private volatile boolean isStopped;
    private volatile Thread consumer;
    private Thread producer;
    // the caller's side
    private long taken;
    private long visible;

    ReadAhead(LineReader lines, Tokenizer tokenizer, int slots) {
        this.lines = lines;
        this.tokenizer = tokenizer;
        this.ring = new Slot[Integer.highestOneBit(Math.max(2 * BATCH, slots))];
        this.mask = ring.length - 1;
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new Slot();
        }
    }

    void start(String name) {
        consumer = Thread.currentThread();
        producer = new Thread(this, "read-ahead " + name);
        producer.setDaemon(true); // an abandoned read must not keep the process alive
        producer.start();
    }

    /**
     * The next line (the previous slot goes back to the reader). After END or FAILED there is nothing more; a
     * runtime failure of the reader is thrown here, on the caller's thread, as it would have been without it.
     */
    Slot take() {
        // the previous slot is done with: the first `taken` slots may be refilled
        if ((taken & (BATCH - 1)) == 0) {
            release(taken, false);
        }
        if (taken == visible) {
            visible = published.get();
            if (taken == visible) {
                release(taken, true);
                visible = awaitPublished(taken + 1);
            }
        }
        Slot slot = ring[(int) taken & mask];
        taken++;
        if (slot.crash != null) {
            throw slot.crash;
        }
        return slot;
    }

    /** Stops the reader (it may be waiting for a free slot) and waits for it to leave the stream alone. */
    void stop() {
        isStopped = true;
        if (producer != null) {
            LockSupport.unpark(producer);
            try {
                producer.join(10_000); // a file read ends in time; the bound covers a stalled pipe
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        long seq = 0;
        long free = ring.length;
        boolean isFirst = true;
        while (!isStopped) {
            if (seq == free) {
                published.set(seq);
                wakeConsumer(seq, true);
                free = awaitReleased(seq - ring.length + 1) + ring.length;
                continue;
            }
            Slot slot = ring[(int) seq & mask];
            fill(slot, isFirst, seq - released.get() >= ring.length / SHARE_WHEN);
            isFirst = false;
            seq++;
            if (slot.kind >= FAILED || slot.crash != null) {
                published.set(seq);
                wakeConsumer(seq, true);
                return;
            }
            if ((seq & (BATCH - 1)) == 0) {
                published.set(seq);
                wakeConsumer(seq, false);
            }
        }
    }

    private void fill(Slot slot, boolean isFirst, boolean isTokenizing) {
        slot.failure = null;
        slot.crash = null;
        slot.tokenFrom = -1;
        try {
            boolean hasLine = lines.next();
            slot.lineNumber = lines.lineNumber();
            if (!hasLine) {
                slot.kind = END;
                return;
            }
            if (lines.isTooLong()) {
                slot.kind = TOO_LONG;
                return;
            }
            int n = lines.length();
            if (slot.bytes.length < n) {
                slot.bytes = new byte[Math.max(n, slot.bytes.length * 2)];
            }
            System.arraycopy(lines.buffer(), lines.start(), slot.bytes, 0, n);
            slot.length = n;
            slot.kind = LINE;
            if (isTokenizing) {
                tokenizer.prepare(slot, isFirst);
            }
        } catch (IOException e) {
            slot.kind = FAILED;
            slot.failure = e;
            slot.lineNumber = lines.lineNumber();
        } catch (RuntimeException e) {
            slot.crash = e;
        }
    }

    private void release(long upTo, boolean isAlways) {
        released.set(upTo);
        if (isProducerWaiting && (isAlways || upTo >= producerWants)) {
            LockSupport.unpark(producer);
        }
    }

    private void wakeConsumer(long publishedCount, boolean isAlways) {
        if (isConsumerWaiting && (isAlways || publishedCount >= consumerWants)) {
            LockSupport.unpark(consumer);
        }
    }

    /** Waits until the reader has published at least {@code count} slots; returns how many it has. */
    private long awaitPublished(long count) {
        long p;
        for (int spin = 0; (p = published.get()) < count && spin < 200; spin++) {
            Thread.onSpinWait();
        }
        consumerWants = count - 1 + WAKE_AFTER;
        while ((p = published.get()) < count) {
            isConsumerWaiting = true;
            if ((p = published.get()) < count) {
                LockSupport.park(this);
            }
            isConsumerWaiting = false;
        }
        return p;
    }

    /** Waits until the caller has handed back at least {@code count} slots (or stopped); returns how many. */
    private long awaitReleased(long count) {
        long r;
        for (int spin = 0; (r = released.get()) < count && spin < 200 && !isStopped; spin++) {
            Thread.onSpinWait();
        }
        producerWants = count - 1 + WAKE_AFTER;
        while ((r = released.get()) < count && !isStopped) {
            isProducerWaiting = true;
            if ((r = released.get()) < count && !isStopped) {
                LockSupport.park(this);
            }
            isProducerWaiting = false;
        }
        return r;
    }
}
