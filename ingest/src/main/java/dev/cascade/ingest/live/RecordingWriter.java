package dev.cascade.ingest.live;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.cascade.model.Venue;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes recordings in the DESIGN.md format, one gzip file per period, each self-contained: it starts with the
 * latest instrument metadata of every venue, then frames and backfills as they happened.
 *
 * <pre>
 *   {"ts":1718000000123456,"venue":"okx-swap","frame":{...}}      a JSON frame, as received
 *   {"ts":1718000000124000,"venue":"okx-swap","frame":"pong"}     a text frame that is not JSON, as a string
 *   {"ts":...,"venue":"binance-usdm","rest":"/fapi/v1/aggTrades?symbol=BTCUSDT&amp;fromId=...","frame":[...]}
 *   {"ts":...,"venue":"coingecko","rest":"/global","frame":{"data":{...}}}      a market overview document
 * </pre>
 *
 * Callers hand lines to a queue; one writer thread formats, compresses and rotates, so a slow disk never
 * holds up a socket. {@link #close()} writes what is queued and finishes the gzip file, as rotation does.
 */
public final class RecordingWriter implements RestRecorder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingWriter.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** {@code source}: a venue's id, or a market overview source ("coingecko", "alternative.me"). */
    private record Entry(String source, String rest, boolean isMetadata, long receiveMicros, byte[] body, boolean isJson,
                         CountDownLatch synced) {
        Entry(String source, String rest, boolean isMetadata, long receiveMicros, byte[] body, boolean isJson) {
            this(source, rest, isMetadata, receiveMicros, body, isJson, null);
        }
    }

    private static final Entry END = new Entry(null, null, false, 0, null, false);

    private final Path directory;
    private final long rotateMillis;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(1 << 16);
    private final Map<String, Entry> metadata = new LinkedHashMap<>();
    private final List<Path> files = new ArrayList<>();
    private final Thread writer;
    private OutputStream out;
    private long openedMillis;
    private int sequence;
    private volatile IOException failure;
    private long lines;

    public RecordingWriter(Path directory, Duration rotateEvery) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.rotateMillis = rotateEvery.toMillis();
        this.writer = new Thread(this::run, "recorder");
        this.writer.start();
    }

    /** Records a frame; {@code isJson} false writes it as a JSON string. */
    public void frame(Venue venue, long receiveMicros, byte[] text, boolean isJson) throws InterruptedException {
        queue.put(new Entry(venue.id(), null, false, receiveMicros, text, isJson));
    }

    /** Records a market overview document where it was fetched, like a backfill. */
    public void document(String source, String path, long receiveMicros, byte[] body) {
        enqueue(new Entry(source, path, false, receiveMicros, body, true));
    }

    @Override
    public void metadata(Venue venue, String path, long receiveMicros, byte[] body) {
        enqueue(new Entry(venue.id(), path, true, receiveMicros, body, true));
    }

    @Override
    public void rest(Venue venue, String path, long receiveMicros, byte[] body) {
        enqueue(new Entry(venue.id(), path, false, receiveMicros, body, true));
    }

    private void enqueue(Entry e) {
        try {
            queue.put(e);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns once every line handed over before the call is in the file as far as the operating system is
     * concerned (written and gzip-sync-flushed): what survives the process being killed. The store calls it
     * before each commit, so that a recording holds every frame whose events were stored, and a restart can take
     * from the recording what the store had not committed.
     */
    public void sync() throws InterruptedException {
        if (failure != null || !writer.isAlive()) {
            return;
        }
        CountDownLatch synced = new CountDownLatch(1);
        queue.put(new Entry(null, null, false, 0, null, false, synced));
        while (!synced.await(100, TimeUnit.MILLISECONDS)) {
            if (failure != null || !writer.isAlive()) {
                return; // nothing more will be written
            }
        }
    }

    /** The files written so far, oldest first. */
    public synchronized List<Path> files() {
        return List.copyOf(files);
    }

    public long lines() {
        return lines;
    }

    @Override
    public void close() throws IOException {
        try {
            queue.put(END);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void run() {
        try {
            while (true) {
                Entry e = queue.take();
                if (e == END) {
                    break;
                }
                if (e.synced() != null) {
                    if (out != null) {
                        out.flush();
                    }
                    e.synced().countDown();
                    continue;
                }
                long now = System.currentTimeMillis();
                if (out == null || now - openedMillis >= rotateMillis) {
                    rotate(now);
                }
                if (e.isMetadata()) {
                    metadata.put(e.source() + " " + e.rest(), e);
                }
                write(e);
            }
            finish();
        } catch (IOException e) {
            failure = e;
            LOG.error("recording stopped: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rotate(long now) throws IOException {
        finish();
        Path file = directory.resolve("cascade-" + NAME.format(Instant.ofEpochMilli(now)) + "-" + ++sequence + ".jsonl.gz");
        // sync-flushable: a flush ends a deflate block, so what was flushed reads back from a file cut off there
        out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16, true);
        openedMillis = now;
        synchronized (this) {
            files.add(file);
        }
        for (Entry m : metadata.values()) {
            write(m);
        }
    }

    private void finish() throws IOException {
        if (out != null) {
            out.close(); // writes the gzip trailer: the file is complete
            out = null;
        }
    }

    private void write(Entry e) throws IOException {
        StringBuilder head = new StringBuilder(96).append("{\"ts\":").append(e.receiveMicros()).append(",\"venue\":\"")
                .append(e.source()).append('"');
        if (e.rest() != null) {
            head.append(",\"rest\":\"").append(JsonStringEncoder.getInstance().quoteAsString(e.rest())).append('"');
        }
        head.append(",\"frame\":");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (e.isJson()) {
            out.write(e.body());
        } else {
            out.write('"');
            out.write(JsonStringEncoder.getInstance().quoteAsUTF8(new String(e.body(), StandardCharsets.UTF_8)));
            out.write('"');
        }
        out.write('}');
        out.write('\n');
        lines++;
    }
}
