package dev.cascade.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A stream that, once {@link #start started}, is read (and so inflated, for a gzip stream) in blocks on a thread
 * of its own: a compressed recording then takes three cores' worth of stages, inflate, tokenize, decode. Before
 * the start it reads straight through, so detecting a file's format costs no thread.
 *
 * <pre>
 *   inflate thread:  in.read ─> block (256 KiB) ─> full queue ─┐      blocks are allocated once and go round:
 *   reader thread:   read() copies out of the head block  <────┘      free queue ─> inflate ─> full queue ─> read
 * </pre>
 *
 * A failure of the underlying stream is handed over in order and thrown by {@link #read} at the same point of
 * the data as it would have been without the thread.
 */
final class BlockReadAhead extends InputStream {
    private static final int BLOCK_BYTES = 1 << 18;
    private static final int BLOCKS = 4;

    private static final class Block {
        final byte[] bytes = new byte[BLOCK_BYTES];
        int length;
        boolean isEnd;
        IOException failure;
        RuntimeException crash;
    }

    private final InputStream in;
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(BLOCKS);
    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS);
    private Thread thread;
    private volatile boolean isStopped;
    private Block head;
    private int pos;

    BlockReadAhead(InputStream in) {
        this.in = in;
    }

    /** Starts reading ahead; reads after this come from the blocks. */
    void start(String name) {
        if (thread != null) {
            return;
        }
        for (int i = 0; i < BLOCKS; i++) {
            free.add(new Block());
        }
        thread = new Thread(this::fill, "inflate-ahead " + name);
        thread.setDaemon(true); // an abandoned read must not keep the process alive
        thread.start();
    }

    private void fill() {
        try {
            while (!isStopped) {
                Block b = free.take();
                b.length = 0;
                try {
                    while (b.length < b.bytes.length) {
                        int n = in.read(b.bytes, b.length, b.bytes.length - b.length);
                        if (n < 0) {
                            b.isEnd = true;
                            break;
                        }
                        b.length += n;
                    }
                } catch (IOException e) {
                    b.failure = e;
                } catch (RuntimeException e) {
                    b.crash = e;
                }
                full.put(b);
                if (b.isEnd || b.failure != null || b.crash != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // stopped by close
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (thread == null) {
            return in.read(b, off, len);
        }
        if (len == 0) {
            return 0;
        }
        while (head == null || pos == head.length) {
            if (head != null) {
                if (head.isEnd || head.failure != null || head.crash != null) {
                    return endOf(head);
                }
                free.add(head);
            }
            try {
                head = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading ahead");
            }
            pos = 0;
        }
        int n = Math.min(len, head.length - pos);
        System.arraycopy(head.bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    /** The end of the data: -1, or the failure that ended it (thrown again on every later read, as a stream does). */
    private static int endOf(Block last) throws IOException {
        if (last.crash != null) {
            throw last.crash;
        }
        if (last.failure != null) {
            throw last.failure;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        isStopped = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000); // a file read ends in time; the bound covers a stalled pipe
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        in.close();
    }
}
