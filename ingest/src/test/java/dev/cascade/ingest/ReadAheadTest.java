package dev.cascade.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Reject;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.venues.VenueDecoders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading ahead on other threads changes nothing but speed: the same events, rejections, counts and damage as
 * reading on the caller's thread, for plain and gzipped files, hostile lines and a file cut short.
 */
class ReadAheadTest {
    private static final Path SAMPLE = Path.of("../samples/btc-drop-2025-06-05.jsonl");

    @TempDir
    Path dir;

    /** What one read produced, in a form that compares whole. */
    private record Outcome(List<String> trades, List<String> liquidations, Map<Reject, Integer> rejects, long items, long data,
                           long rejected, long blank, long instruments, List<ReadStats.Damage> damaged) {
    }

    private static Outcome read(Path file, boolean isAhead) throws IOException {
        ReadStats stats = new ReadStats();
        VenueDecoders decoders = new VenueDecoders(new InstrumentRegistry());
        CapturingListener out = new CapturingListener();
        try (InputFiles opener = new InputFiles(decoders, stats, 4096)) {
            for (OpenedInput input : opener.open(file, out)) {
                FrameSource source = input.source();
                if (source == null) {
                    continue;
                }
                if (isAhead) {
                    source.readAhead();
                }
                while (source.advance()) {
                    source.emit(out);
                }
                source.close();
            }
        }
        return new Outcome(out.trades.stream().map(Object::toString).toList(),
                out.liquidations.stream().map(Object::toString).toList(), Map.copyOf(out.rejects), stats.items(),
                stats.data(), stats.rejected(), stats.blankLines(), stats.instrumentsLoaded(), stats.damaged());
    }

    /** The sample with hostile lines mixed in: a byte order mark, blanks, garbage, binary, an overlong line. */
    private static byte[] hostileSample() throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(SAMPLE));
        lines.set(0, "\uFEFF" + lines.get(0));
        lines.add(3, "");
        lines.add(7, "   \t");
        lines.add(11, "{\"ts\":1749130205728573,\"venue\":\"binance-usdm\",\"frame\":{\"stream\":");
        lines.add(13, "not json at all");
        lines.add(17, "\u0001\u0002binary");
        lines.add(19, "{\"ts\":1749130205728573,\"venue\":\"binance-usdm\",\"frame\":\"" + "x".repeat(5000) + "\"}");
        lines.add(23, "1749130205.5: {\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1749130205657,"
                + "\"a\":1,\"s\":\"BTCUSDT\",\"p\":\"1.0\",\"q\":\"1\",\"f\":1,\"l\":1,\"T\":1749130205653,\"m\":false}}");
        return (String.join("\r\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    @Test
    void shouldReadTheSameFromAPlainFileAheadAsInline() throws IOException {
        Path file = Files.write(dir.resolve("hostile.jsonl"), hostileSample());

        Outcome inline = read(file, false);
        Outcome ahead = read(file, true);

        assertThat(inline.trades()).hasSizeGreaterThan(1000);
        assertThat(inline.liquidations()).hasSizeGreaterThan(1000);
        assertThat(inline.rejected()).isGreaterThanOrEqualTo(4);
        assertThat(inline.blank()).isEqualTo(2);
        assertThat(ahead).isEqualTo(inline);
    }

    @Test
    void shouldReadTheSameFromAGzipAheadAsInline() throws IOException {
        Path file = Files.write(dir.resolve("hostile.jsonl.gz"), gzip(hostileSample()));

        Outcome ahead = read(file, true);

        assertThat(ahead).isEqualTo(read(file, false));
        assertThat(ahead.trades()).hasSizeGreaterThan(1000);
    }

    @Test
    void shouldReportAGzipCutShortAtTheSameLineAhead() throws IOException {
        byte[] gz = gzip(hostileSample());
        Path file = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(gz, gz.length * 2 / 3));

        Outcome inline = read(file, false);
        Outcome ahead = read(file, true);

        assertThat(inline.damaged()).singleElement().satisfies(d -> assertThat(d.reason()).startsWith("truncated: "));
        assertThat(inline.rejects()).containsEntry(Reject.TRUNCATED_FILE, 1);
        assertThat(ahead).isEqualTo(inline);
    }

    @Test
    void shouldStopReadingWhenClosedBeforeTheEnd() throws IOException {
        Path file = Files.write(dir.resolve("big.jsonl.gz"), gzip(hostileSample()));
        try (InputFiles opener = new InputFiles(new VenueDecoders(new InstrumentRegistry()), new ReadStats(), 4096)) {
            FrameSource source = opener.open(file, new CapturingListener()).get(0).source();
            source.readAhead();
            assertThat(source.advance()).isTrue();
            source.close(); // the reader threads are stopped and joined: the stream is no longer theirs
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().contains("big.jsonl.gz"));
    }

    @Test
    void shouldStopTheThreadsOfASourceLeftHalfReadWhenTheFilesAreClosed() throws IOException {
        Path file = Files.write(dir.resolve("left.jsonl.gz"), gzip(hostileSample()));
        try (InputFiles opener = new InputFiles(new VenueDecoders(new InstrumentRegistry()), new ReadStats(), 4096)) {
            FrameSource source = opener.open(file, new CapturingListener()).get(0).source();
            source.readAhead();
            assertThat(source.advance()).isTrue(); // then abandoned, as by a failure further up
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().contains("left.jsonl.gz"));
    }
}
