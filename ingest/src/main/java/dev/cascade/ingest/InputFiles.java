package dev.cascade.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.archive.ArchiveFormats;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.CsvRow;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.overview.OverviewDocuments;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Opens input files and tells from their content, never their name, what they hold: gzip and zip are
 * unwrapped by their magic bytes, then the first line that shows a format decides (a recording envelope, a raw
 * venue frame, a cryptofeed line, a Tardis or data.binance.vision header, or headerless vision rows; up to
 * {@value #PROBE_LINES} lines are looked at, so a damaged first line does not hide the file), and failing
 * that the whole content (metadata and overview documents).
 * The one thing only a name can give is the symbol of a data.binance.vision file, whose rows do not say it;
 * the archives' formats are told apart in venues (ArchiveFormats).
 *
 * <p>Metadata files are applied to the registry as they are opened, before any frame is read.
 */
public final class InputFiles implements Closeable {
    /** Longest line accepted: REST metadata lines in recordings run to a few MB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 8 << 20;
    /** Largest pretty-printed metadata document read whole. */
    private static final long MAX_DOCUMENT_BYTES = 256L << 20;
    private static final int PEEK = 1 << 16;
    /** Lines looked at for a format: a damaged first line does not hide the rest. */
    private static final int PROBE_LINES = 16;
    /** Entries read from a zip without its central directory. */
    private static final int MAX_SALVAGED_ENTRIES = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] FRAME = Ascii.bytes("frame");
    private static final Pattern CRYPTOFEED_LINE = Pattern.compile("^\\d+(\\.\\d+)?: .*", Pattern.DOTALL);

    private final VenueDecoders decoders;
    private final ReadStats stats;
    private final int maxLineBytes;
    private final List<Closeable> open = new ArrayList<>();
    /** Added to by each source's reader thread when it reads ahead. */
    private final AtomicLong bytesRead = new AtomicLong();

    public InputFiles(VenueDecoders decoders, ReadStats stats, int maxLineBytes) {
        this.decoders = decoders;
        this.stats = stats;
        this.maxLineBytes = maxLineBytes;
    }

    public InputFiles(VenueDecoders decoders, ReadStats stats) {
        this(decoders, stats, DEFAULT_MAX_LINE_BYTES);
    }

    /** Bytes read from disk so far (compressed bytes for gzip and zip files): for progress. */
    public long bytesRead() {
        return bytesRead.get();
    }

    /**
     * Opens a file into its readable parts. Content problems are rejections reported to {@code rejects}
     * (an empty file, an unknown format), and a corrupt or truncated archive is also recorded as damaged in the
     * stats with its name and reason, keeping what was readable; only a file that cannot be opened at all throws.
     */
    public List<OpenedInput> open(Path path, MarketListener rejects) throws IOException {
        List<OpenedInput> parts = openParts(path, rejects);
        // no event in a file is later than the file itself: its time bounds what any line or row may claim
        long fileMicros = Micros.of(Files.getLastModifiedTime(path).toInstant());
        for (OpenedInput part : parts) {
            if (part.source() instanceof LineSource lines) {
                lines.limitTimes(fileMicros);
                open.add(lines); // closing it first stops its read-ahead threads, even when a read ended early
            }
        }
        return parts;
    }

    private List<OpenedInput> openParts(Path path, MarketListener rejects) throws IOException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        InputStream raw = new Counting(Files.newInputStream(path));
        byte[] magic = new byte[4];
        int n = raw.readNBytes(magic, 0, 4);
        raw.close();
        List<OpenedInput> parts = new ArrayList<>();
        if (n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            ZipFile zip;
            try {
                zip = new ZipFile(path.toFile());
            } catch (ZipException e) {
                return salvageZip(path, name, e, rejects);
            }
            open.add(zip);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory()) {
                    String part = name + "!" + entry.getName();
                    try {
                        parts.add(readablePart(part, entry.getName(), new ZipCounting(zip.getInputStream(entry), entry),
                                rejects));
                    } catch (IOException e) {
                        stats.countFile();
                        parts.add(damaged(part, e, rejects));
                    }
                }
            }
            return parts;
        }
        InputStream in = new Counting(Files.newInputStream(path));
        BlockReadAhead inflating = null;
        if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            try {
                in = inflating = new BlockReadAhead(new GZIPInputStream(in, 1 << 16));
            } catch (IOException e) {
                in.close();
                stats.countFile();
                parts.add(damaged(name, e, rejects));
                return parts;
            }
        }
        OpenedInput part = readablePart(name, name, in, rejects);
        if (inflating != null && part.source() instanceof LineSource lines) {
            lines.inflateAhead(inflating); // inflating gets a thread of its own when the lines are read ahead
        }
        parts.add(part);
        return parts;
    }

    /**
     * A zip whose central directory cannot be read (no end record: a download cut short) still has its entries'
     * local headers: each entry is read from them, up to where the damage starts.
     */
    private List<OpenedInput> salvageZip(Path path, String name, ZipException e, MarketListener rejects) throws IOException {
        stats.damage(name, "corrupt: " + e.getMessage() + "; entries read from their local headers");
        rejects.onReject(Reject.CORRUPT_ARCHIVE);
        List<String> names = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(path))) {
            for (ZipEntry entry; names.size() < MAX_SALVAGED_ENTRIES && (entry = z.getNextEntry()) != null; ) {
                names.add(entry.isDirectory() ? null : entry.getName());
            }
        } catch (IOException | IllegalArgumentException listing) {
            // the entries listed so far are read; a broken one reports its own damage
        }
        List<OpenedInput> parts = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            if (names.get(k) == null) {
                continue;
            }
            ZipInputStream z = new ZipInputStream(new Counting(Files.newInputStream(path)));
            for (int skip = 0; skip <= k; skip++) {
                z.getNextEntry(); // listed above, so present
            }
            parts.add(readablePart(name + "!" + names.get(k), names.get(k), z, rejects));
        }
        return parts;
    }

    /** {@link #part}, with a read failure while detecting the format made a damaged part instead of an error. */
    private OpenedInput readablePart(String name, String fileName, InputStream in, MarketListener rejects) {
        try {
            return part(name, fileName, in, rejects);
        } catch (IOException e) {
            return damaged(name, e, rejects);
        }
    }

    /** A part lost to damage ({@link #part} counted it as a file already, or the caller did). */
    private OpenedInput damaged(String name, IOException e, MarketListener rejects) {
        stats.damage(name, describe(e));
        rejects.onReject(rejectOf(e));
        return new OpenedInput(name, InputFormat.DAMAGED, describe(e), null);
    }

    /** "truncated: …" for a stream cut short, "corrupt: …" for broken compressed data or structure. */
    static String describe(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
        return (e instanceof EOFException ? "truncated: " : e instanceof ZipException ? "corrupt: " : "unreadable: ") + m;
    }

    static Reject rejectOf(IOException e) {
        return e instanceof EOFException ? Reject.TRUNCATED_FILE : Reject.CORRUPT_ARCHIVE;
    }

    private OpenedInput part(String name, String fileName, InputStream in, MarketListener rejects) throws IOException {
        stats.countFile();
        open.add(in);
        byte[] head = new byte[PEEK];
        int len = 0;
        IOException failure = null;
        try {
            for (int r; len < PEEK && (r = in.read(head, len, PEEK - len)) >= 0; ) {
                len += r;
            }
        } catch (IOException e) {
            failure = e; // an archive cut short or corrupt within its first bytes: keep what was readable
        }
        InputStream rest;
        if (failure != null) {
            if (len == 0) {
                throw failure;
            }
            rest = new SequenceInputStream(new ByteArrayInputStream(head, 0, len), new Failing(failure));
        } else {
            PushbackInputStream pushback = new PushbackInputStream(in, PEEK);
            pushback.unread(head, 0, len);
            rest = pushback;
        }
        if (len == 0) {
            rejects.onReject(Reject.EMPTY_FILE);
            return new OpenedInput(name, InputFormat.EMPTY, null, null);
        }
        int start = 0;
        while (start < len && isSpace(head[start])) {
            start++;
        }
        if (start == len) {
            rejects.onReject(Reject.EMPTY_FILE);
            return new OpenedInput(name, InputFormat.EMPTY, null, null);
        }
        // the first line that shows a format decides it: a damaged first line (cut, or garbage) does not hide the
        // lines after it, which are read as usual (the damaged ones rejected)
        boolean isWhole = len < PEEK && failure == null;
        int lineStart = start;
        for (int k = 0; k < PROBE_LINES && lineStart < len; k++) {
            int lineEnd = lineStart;
            while (lineEnd < len && head[lineEnd] != '\n') {
                lineEnd++;
            }
            OpenedInput o = lineFormat(name, fileName, rest, head, lineStart, lineEnd, len, lineEnd < len || isWhole, k);
            if (o != null) {
                return o;
            }
            lineStart = lineEnd;
            while (lineStart < len && isSpace(head[lineStart])) {
                lineStart++;
            }
        }
        if (looksBinary(head, start, Math.min(len, start + 1024))) {
            rejects.onReject(Reject.UNKNOWN_FORMAT);
            return new OpenedInput(name, InputFormat.UNKNOWN, "binary data", null);
        }
        byte first = head[start];
        if (first == '{' || first == '[' || first == '"') {
            return documents(name, rest, rejects);
        }
        rejects.onReject(Reject.UNKNOWN_FORMAT);
        return new OpenedInput(name, InputFormat.UNKNOWN, null, null);
    }

    /**
     * The line format that the line {@code head[s, e)} shows, with {@code before} lines ahead of it (damaged:
     * they will be rejected), or null when it shows none.
     */
    private OpenedInput lineFormat(String name, String fileName, InputStream rest, byte[] head, int s, int e, int len,
                                   boolean isComplete, int before) {
        while (s < e && (head[s] == ' ' || head[s] == '\t')) {
            s++;
        }
        if (s == e || looksBinary(head, s, Math.min(e, s + 1024))) {
            return null;
        }
        byte first = head[s];
        String line = new String(head, s, Math.min(e - s, 4096), StandardCharsets.UTF_8);
        if (first == '{' || first == '[' || first == '"') {
            boolean isRecording;
            boolean isRaw = false;
            if (isComplete) {
                JsonTape tape = new JsonTape();
                int end = e > s && head[e - 1] == '\r' ? e - 1 : e;
                if (!tape.parse(head, s, end - s)) {
                    return null;
                }
                isRecording = tape.isObject(0) && tape.member(0, FRAME) >= 0;
                isRaw = !isRecording && VenueDecoders.sniff(tape, 0) != null;
            } else {
                isRecording = line.replace(" ", "").matches("^\\{\"(ts|venue|rest)\":.*");
            }
            return !isRecording && !isRaw ? null : new OpenedInput(name, isRecording ? InputFormat.RECORDING
                    : InputFormat.RAW_FRAMES, null, new JsonLinesSource(name, rest, maxLineBytes, decoders, stats));
        }
        if (CRYPTOFEED_LINE.matcher(line).matches() || line.startsWith("wss://") || line.startsWith("https://")) {
            return new OpenedInput(name, InputFormat.CRYPTOFEED, null,
                    new JsonLinesSource(name, rest, maxLineBytes, decoders, stats));
        }
        return csv(name, fileName, rest, head, s, len, e, before);
    }

    /**
     * Whole JSON documents, perhaps pretty-printed over many lines: instrument metadata, market overview documents
     * (one, or one per line), or nothing we know.
     */
    private OpenedInput documents(String name, InputStream rest, MarketListener rejects) throws IOException {
        byte[] all = rest.readNBytes((int) Math.min(MAX_DOCUMENT_BYTES, Integer.MAX_VALUE - 16));
        List<JsonNode> documents = documents(all);
        if (documents.size() == 1 && VenueDecoders.byContent(documents.get(0)) != null) {
            try {
                int count = decoders.loadMetadata(null, documents.get(0));
                stats.countInstruments(count);
                return new OpenedInput(name, InputFormat.METADATA, count + " instruments", null);
            } catch (IOException | RuntimeException e) {
                rejects.onReject(Reject.BAD_METADATA);
                return new OpenedInput(name, InputFormat.METADATA, "unreadable", null);
            }
        }
        if (!documents.isEmpty() && documents.stream().anyMatch(OverviewDocuments::isOverview)) {
            return overview(name, documents, rejects);
        }
        rejects.onReject(Reject.UNKNOWN_FORMAT);
        return new OpenedInput(name, InputFormat.UNKNOWN, null, null);
    }

    /**
     * Every top-level JSON value of a file; empty if it is not JSON throughout. (Jackson's {@code readValues}
     * would unwrap a root array into its elements, and a {@code /coins/markets} page is one root array.)
     */
    private static List<JsonNode> documents(byte[] all) {
        List<JsonNode> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(all)) {
            while (p.nextToken() != null) {
                out.add(JSON.readTree(p));
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    /**
     * Market overview documents are handed to {@code listener} now, as metadata is applied now: they are a few
     * snapshots that their aggregator keeps by time, so their place in the merge does not matter.
     */
    private OpenedInput overview(String name, List<JsonNode> documents, MarketListener listener) {
        int events = 0;
        for (JsonNode d : documents) {
            try {
                events += OverviewDocuments.decode(d, Long.MIN_VALUE, listener);
                stats.count(FrameKind.DATA);
            } catch (IOException e) {
                listener.onReject(Reject.BAD_OVERVIEW);
                stats.count(FrameKind.REJECTED);
            }
        }
        return new OpenedInput(name, InputFormat.OVERVIEW, events + " snapshot" + (events == 1 ? "" : "s"), null);
    }

    /** A CSV format shown by the line {@code head[start, lineEnd)}, after {@code before} damaged lines; else null. */
    private OpenedInput csv(String name, String fileName, InputStream rest, byte[] head, int start, int len, int lineEnd,
                            int before) {
        CsvRow row = new CsvRow();
        int end = lineEnd > start && head[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        if (!row.split(head, start, end)) {
            return null;
        }
        ArchiveFormats.Detected d = ArchiveFormats.detect(row, head, lineEnd + 1, len, fileName, decoders.instruments());
        if (d == null) {
            return null;
        }
        return new OpenedInput(name, InputFormat.valueOf(d.kind().name()), d.detail(), new CsvSource(name, rest,
                maxLineBytes, d.decoder(), d.hasHeader(), before, stats));
    }

    private static boolean looksBinary(byte[] b, int from, int to) {
        int control = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                control++;
            }
        }
        return control > 0 && control * 100 >= (to - from);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == (byte) 0xEF || b == (byte) 0xBB
                || b == (byte) 0xBF; // and a UTF-8 byte order mark
    }

    @Override
    public void close() {
        for (int i = open.size() - 1; i >= 0; i--) { // a source before its streams: its threads stop first
            try {
                open.get(i).close();
            } catch (IOException ignored) {
                // read-only inputs
            }
        }
        open.clear();
    }

    /** Counts bytes read from disk for progress. */
    private final class Counting extends FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                bytesRead.addAndGet(n);
            }
            return n;
        }
    }

    /** Counts a zip entry's progress in compressed bytes, scaled from the bytes it inflates. */
    private final class ZipCounting extends FilterInputStream {
        private final double ratio;
        private double carry;

        ZipCounting(InputStream in, ZipEntry entry) {
            super(in);
            this.ratio = entry.getSize() > 0 && entry.getCompressedSize() >= 0
                    ? (double) entry.getCompressedSize() / entry.getSize() : 1.0;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                carry += n * ratio;
                long whole = (long) carry;
                bytesRead.addAndGet(whole);
                carry -= whole;
            }
            return n;
        }
    }

    /** The rest of a stream that failed while its head was read: the same failure, once. */
    private static final class Failing extends InputStream {
        private final IOException failure;
        private boolean hasFailed;

        Failing(IOException failure) {
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            if (!hasFailed) {
                hasFailed = true;
                throw failure;
            }
            return -1;
        }
    }
}
