package dev.cascade.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip on a second thread: the recorder fills 1 MiB blocks and hands them over (at most a few in flight), and a
 * compressor thread deflates them into the file at the fastest level. Writing a recording is half formatting and
 * half compressing, so the two halves run on the machine's two cores. The bytes are those of a plain
 * {@link GZIPOutputStream} of the same input: deflate's output does not depend on how its input was cut.
 *
 * <pre>
 *   recorder thread:  frame -> block [1 MiB] --queue (4)--> compressor thread: deflate (level 1) -> file
 * </pre>
 */
final class CompressingOutput extends OutputStream {
    private static final int BLOCK = 1 << 20;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);
    private final Thread compressor;
    private volatile IOException failure;
    private byte[] block = new byte[BLOCK];
    private int used;
    private boolean isClosed;

    CompressingOutput(OutputStream file) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(file, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        compressor = new Thread(() -> {
            try (gzip) {
                for (byte[] b = queue.take(); b != END; b = queue.take()) {
                    if (failure == null) {
                        gzip.write(b, 0, length(b));
                    }
                }
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "recording-gzip");
        compressor.setDaemon(true);
        compressor.start();
    }

    /** A handed-over block carries its length in its last four bytes' place: blocks are sized BLOCK + 4. */
    private static int length(byte[] b) {
        return (b[b.length - 4] & 0xFF) << 24 | (b[b.length - 3] & 0xFF) << 16 | (b[b.length - 2] & 0xFF) << 8
                | (b[b.length - 1] & 0xFF);
    }

    @Override
    public void write(int b) throws IOException {
        if (used == BLOCK) {
            handOver();
        }
        block[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == BLOCK) {
                handOver();
            }
            int n = Math.min(len, BLOCK - used);
            System.arraycopy(b, off, block, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    private void handOver() throws IOException {
        if (failure != null) {
            throw failure;
        }
        byte[] full = java.util.Arrays.copyOf(block, BLOCK + 4);
        full[BLOCK] = (byte) (used >>> 24);
        full[BLOCK + 1] = (byte) (used >>> 16);
        full[BLOCK + 2] = (byte) (used >>> 8);
        full[BLOCK + 3] = (byte) used;
        put(full);
        used = 0;
    }

    private void put(byte[] b) throws IOException {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the recording", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (isClosed) {
            return;
        }
        isClosed = true;
        if (used > 0) {
            handOver();
        }
        put(END);
        try {
            compressor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing the recording", e);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
