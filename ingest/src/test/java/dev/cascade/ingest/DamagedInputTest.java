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
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damage stays local: a corrupt or truncated archive is reported by name and reason, and the rest is read. */
class DamagedInputTest {
    private static final int ORDERS = 5_000;

    @TempDir
    Path dir;

    private final ReadStats stats = new ReadStats();
    private final VenueDecoders decoders = new VenueDecoders(new InstrumentRegistry());
    private final CapturingListener out = new CapturingListener();

    /** A recording of {@code n} Binance liquidations of one symbol, a second apart. */
    private static byte[] recording(String symbol, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            long ms = 1749132000000L + i * 1000L;
            b.append("{\"ts\":").append(ms * 1000 + 50).append(",\"venue\":\"binance-usdm\",\"frame\":{\"stream\":")
                    .append("\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":").append(ms).append(",\"o\":{\"s\":\"")
                    .append(symbol).append("\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"0.").append(100 + i % 900)
                    .append("\",\"p\":\"100000\",\"ap\":\"100000\",\"X\":\"FILLED\",\"l\":\"0.1\",\"z\":\"0.")
                    .append(100 + i % 900).append("\",\"T\":").append(ms).append("}}}}\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    private List<OpenedInput> replay(Path... files) throws IOException {
        List<OpenedInput> inputs = new ArrayList<>();
        try (InputFiles opener = new InputFiles(decoders, stats, 1 << 20)) {
            for (Path f : files) {
                inputs.addAll(opener.open(f, out));
            }
            List<FrameSource> sources = new ArrayList<>();
            inputs.stream().filter(i -> i.source() != null).forEach(i -> sources.add(i.source()));
            TimeMerge.run(sources, out, items -> { });
        }
        return inputs;
    }

    private long liquidationsOf(String symbol) {
        return out.liquidations.stream().filter(l -> l.instrument().symbol().equals(symbol)).count();
    }

    @Test
    void shouldReadTheOtherFilesAndReportAGzipWithOneFlippedByte() throws IOException {
        Path good = Files.write(dir.resolve("good.jsonl"), recording("BTCUSDT", ORDERS));
        byte[] gz = gzip(recording("ETHUSDT", ORDERS));
        gz[gz.length / 2] ^= (byte) 0xff;
        Path damaged = Files.write(dir.resolve("damaged.gz"), gz);

        replay(good, damaged);

        assertThat(liquidationsOf("BTCUSDT")).isEqualTo(ORDERS);
        assertThat(liquidationsOf("ETHUSDT")).isLessThan(ORDERS); // what was read before the damage counts
        assertThat(stats.damaged()).hasSize(1);
        assertThat(stats.damaged().get(0).input()).isEqualTo("damaged.gz");
        assertThat(stats.damaged().get(0).reason()).containsPattern("^(corrupt|truncated): .+ \\(after line [0-9,]+\\)$");
        assertThat(out.rejects.getOrDefault(Reject.CORRUPT_ARCHIVE, 0) + out.rejects.getOrDefault(Reject.TRUNCATED_FILE, 0))
                .isEqualTo(1);
    }

    @Test
    void shouldReportAGzipDamagedInItsFirstBytesWithoutStoppingTheOthers() throws IOException {
        Path good = Files.write(dir.resolve("good.jsonl"), recording("BTCUSDT", ORDERS));
        byte[] gz = gzip(recording("ETHUSDT", ORDERS));
        gz[12] ^= (byte) 0xff; // inside the first deflate block's header
        Path damaged = Files.write(dir.resolve("early.gz"), gz);
        Path cut = Files.write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(gz, 6)); // not even a whole gzip header

        List<OpenedInput> inputs = replay(good, damaged, cut);

        assertThat(liquidationsOf("BTCUSDT")).isEqualTo(ORDERS);
        assertThat(stats.damaged()).extracting(ReadStats.Damage::input).containsExactlyInAnyOrder("early.gz", "cut.gz");
        assertThat(inputs.get(2).format()).isEqualTo(InputFormat.DAMAGED);
        assertThat(stats.damaged()).filteredOn(d -> d.input().equals("cut.gz")).extracting(ReadStats.Damage::reason)
                .allMatch(r -> r.startsWith("truncated: "));
    }

    @Test
    void shouldReadAZipWithoutItsEndRecordFromItsLocalHeaders() throws IOException {
        byte[] zip = zip("ETHUSDT-trades.jsonl", recording("ETHUSDT", ORDERS));
        int end = zip.length - 22; // the end-of-central-directory record, without a comment
        assertThat(new String(zip, end, 4, StandardCharsets.ISO_8859_1)).isEqualTo("PK\u0005\u0006");
        Path damaged = Files.write(dir.resolve("noend.zip"), java.util.Arrays.copyOf(zip, end));
        Path good = Files.write(dir.resolve("good.jsonl"), recording("BTCUSDT", ORDERS));

        List<OpenedInput> inputs = replay(damaged, good);

        assertThat(inputs).extracting(OpenedInput::name).containsExactly("noend.zip!ETHUSDT-trades.jsonl", "good.jsonl");
        assertThat(liquidationsOf("ETHUSDT")).isEqualTo(ORDERS);
        assertThat(liquidationsOf("BTCUSDT")).isEqualTo(ORDERS);
        assertThat(stats.damaged()).singleElement().satisfies(d -> {
            assertThat(d.input()).isEqualTo("noend.zip");
            assertThat(d.reason()).startsWith("corrupt: ").contains("entries read from their local headers");
        });
        assertThat(out.rejects).containsEntry(Reject.CORRUPT_ARCHIVE, 1);
    }

    @Test
    void shouldTellTheFormatFromTheLinesAfterADamagedFirstLine() throws IOException {
        byte[] whole = recording("BTCUSDT", ORDERS);
        int firstEnd = new String(whole, StandardCharsets.UTF_8).indexOf('\n');
        Path cut = Files.write(dir.resolve("cut.jsonl"), java.util.Arrays.copyOfRange(whole, firstEnd / 2, whole.length));
        Path garbled = Files.write(dir.resolve("garbled.jsonl"), concat("\u0000\u0001\u0002garbage\u0003\n"
                .getBytes(StandardCharsets.UTF_8), recording("ETHUSDT", 10)));

        List<OpenedInput> inputs = replay(cut, garbled);

        assertThat(inputs).extracting(OpenedInput::format).containsExactly(InputFormat.RECORDING, InputFormat.RECORDING);
        assertThat(liquidationsOf("BTCUSDT")).isEqualTo(ORDERS - 1);
        assertThat(liquidationsOf("ETHUSDT")).isEqualTo(10);
        assertThat(out.rejects).containsEntry(Reject.MALFORMED_JSON, 1).containsEntry(Reject.BINARY_DATA, 1)
                .doesNotContainKey(Reject.UNKNOWN_FORMAT);
        assertThat(stats.damaged()).isEmpty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
