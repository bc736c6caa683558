package dev.cascade.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Reject;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.venues.VenueDecoders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the readers do at the edges of a file: its clock, blank lines, a byte order mark, what is counted. */
class InputEdgesTest {
    private static final String FORCE_ORDER = "{\"ts\":%d,\"venue\":\"binance-usdm\",\"frame\":{\"stream\":"
            + "\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":%d,\"o\":{\"s\":\"BTCUSDT\",\"S\":\"SELL\","
            + "\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"%s\",\"p\":\"100000\",\"ap\":\"100000\",\"X\":\"FILLED\","
            + "\"l\":\"%s\",\"z\":\"%s\",\"T\":%d}}}}\n";
    private static final String MARK_PRICES = "{\"ts\":1749132001000000,\"venue\":\"binance-usdm\",\"frame\":{\"stream\":"
            + "\"!markPrice@arr@1s\",\"data\":[{\"e\":\"markPriceUpdate\",\"E\":1749132001000,\"s\":\"BTCUSDT\","
            + "\"p\":\"100000\",\"r\":\"0.0001\",\"T\":1749139200000},{\"e\":\"markPriceUpdate\",\"E\":1749132001000,"
            + "\"s\":\"ETHUSDT\",\"p\":\"-1\",\"r\":\"0.0001\",\"T\":1749139200000},{\"e\":\"markPriceUpdate\","
            + "\"E\":1749132001000,\"s\":\"SOLUSDT\",\"p\":\"1e400\",\"r\":\"0.0001\",\"T\":1749139200000}]}}\n";

    @TempDir
    Path dir;

    private final ReadStats stats = new ReadStats();
    private final CapturingListener out = new CapturingListener();

    private static String forceOrder(long receiveMicros, long timeMs, String quantity) {
        return String.format(java.util.Locale.ROOT, FORCE_ORDER, receiveMicros, timeMs, quantity, quantity, quantity,
                timeMs);
    }

    private void replay(Path file) throws IOException {
        try (InputFiles opener = new InputFiles(new VenueDecoders(new InstrumentRegistry()), stats, 1 << 20)) {
            List<FrameSource> sources = new ArrayList<>();
            opener.open(file, out).stream().filter(i -> i.source() != null).forEach(i -> sources.add(i.source()));
            TimeMerge.run(sources, out, items -> { });
        }
    }

    @Test
    void shouldRejectALiquidationDatedAfterTheFileWasWritten() throws IOException {
        long year2099 = 4_102_358_400_000L;
        // a raw frame carries no receive time: the file's own time is the clock it is held to
        Path raw = Files.writeString(dir.resolve("raw.jsonl"),
                "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":1749132000100,\"o\":{\"s\":\"BTCUSDT\","
                        + "\"S\":\"SELL\",\"q\":\"1\",\"p\":\"100000\",\"ap\":\"100000\",\"X\":\"FILLED\",\"z\":\"1\","
                        + "\"T\":1749132000100}}}\n"
                        + "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":" + year2099 + ",\"o\":{"
                        + "\"s\":\"DOGEUSDT\",\"S\":\"SELL\",\"q\":\"10\",\"p\":\"0.2\",\"ap\":\"0.2\",\"X\":\"FILLED\","
                        + "\"z\":\"10\",\"T\":" + year2099 + "}}}\n");
        Files.setLastModifiedTime(raw, FileTime.from(Instant.parse("2025-06-05T15:00:00Z")));
        replay(raw);
        assertThat(out.onlyLiquidation().usd()).isEqualTo(100000.0);
        assertThat(out.rejects).isEqualTo(Map.of(Reject.IMPLAUSIBLE_TIME, 1));
        assertThat(stats.rejected()).isEqualTo(1);
    }

    @Test
    void shouldRejectARecordingLineReceivedAfterTheFileWasWritten() throws IOException {
        long year2099 = 4_102_358_400_000L;
        Path f = Files.writeString(dir.resolve("rec.jsonl"), forceOrder(1_749_132_000_200_000L, 1_749_132_000_100L, "1")
                + forceOrder(year2099 * 1000 + 100, year2099, "1"));
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2025-06-05T15:00:00Z")));
        replay(f);
        assertThat(out.liquidations).hasSize(1);
        assertThat(out.rejects).isEqualTo(Map.of(Reject.IMPLAUSIBLE_TIME, 1));
    }

    @Test
    void shouldCountBlankLinesWithoutRejectingThem() throws IOException {
        Path f = Files.writeString(dir.resolve("blank.jsonl"), "\n" + forceOrder(1_749_132_000_200_000L,
                1_749_132_000_100L, "1") + "   \n\r\n" + forceOrder(1_749_132_000_300_000L, 1_749_132_000_200L, "2") + "\n");
        replay(f);
        assertThat(out.liquidations).hasSize(2);
        assertThat(stats.blankLines()).isEqualTo(4);
        assertThat(stats.items()).isEqualTo(2);
        assertThat(stats.rejected()).isZero();
        assertThat(out.rejects).isEmpty();
    }

    @Test
    void shouldSkipALeadingByteOrderMark() throws IOException {
        byte[] text = (forceOrder(1_749_132_000_200_000L, 1_749_132_000_100L, "1")).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        replay(Files.write(dir.resolve("bom.jsonl"), withBom));
        assertThat(out.onlyLiquidation().usd()).isEqualTo(100000.0);
        assertThat(out.rejects).isEmpty();
    }

    @Test
    void shouldCountAFrameWithARejectedEntryAsRejectedAndEachEntryInTheReasons() throws IOException {
        // one good frame; one whose three entries are one good, two bad; one rejected whole
        Path f = Files.writeString(dir.resolve("mixed.jsonl"), forceOrder(1_749_132_000_200_000L, 1_749_132_000_100L, "1")
                + MARK_PRICES + forceOrder(1_749_132_002_000_000L, 1_749_132_001_900L, "-1"));
        replay(f);
        assertThat(out.liquidations).hasSize(1);
        assertThat(out.markPrices).hasSize(1);
        assertThat(stats.items()).isEqualTo(3);
        assertThat(stats.data()).isEqualTo(1);
        assertThat(stats.rejected()).isEqualTo(2);
        assertThat(out.rejects).isEqualTo(Map.of(Reject.NON_POSITIVE_PRICE, 1, Reject.NOT_A_NUMBER, 1,
                Reject.NON_POSITIVE_SIZE, 1));
        assertThat(stats.data() + stats.control() + stats.ignored() + stats.rejected()).isEqualTo(stats.items());
    }
}
