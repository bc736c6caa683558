package dev.cascade.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Reject;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.venues.VenueDecoders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    private static final String OKX_METADATA = "{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"instId\":\"BTC-USDT-SWAP\","
            + "\"instType\":\"SWAP\",\"ctType\":\"linear\",\"ctVal\":\"0.01\",\"ctMult\":\"1\",\"ctValCcy\":\"BTC\","
            + "\"uly\":\"BTC-USDT\"}]}";
    private static final String OKX_LIQUIDATION = "{\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},"
            + "\"data\":[{\"details\":[{\"bkLoss\":\"0\",\"bkPx\":\"100000\",\"ccy\":\"\",\"posSide\":\"net\",\"side\":\"sell\","
            + "\"sz\":\"10\",\"ts\":\"1749132003456\"}],\"instId\":\"BTC-USDT-SWAP\",\"instType\":\"SWAP\"}]}";

    @TempDir
    Path dir;

    private final ReadStats stats = new ReadStats();
    private final VenueDecoders decoders = new VenueDecoders(new InstrumentRegistry());
    private final CapturingListener out = new CapturingListener();

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path gzip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    /** Opens and reads files completely; returns what each turned out to be. */
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

    @Test
    void shouldReadARecordingWhoseMetadataLineComesFirst() throws IOException {
        Path f = write("anything.txt",
                "{\"ts\":1749132000000000,\"venue\":\"okx-swap\",\"rest\":\"/api/v5/public/instruments?instType=SWAP\",\"frame\":"
                        + OKX_METADATA + "}\n"
                        + "{\"ts\":1749132003500000,\"venue\":\"okx-swap\",\"frame\":" + OKX_LIQUIDATION + "}\n"
                        + "{\"ts\":1749132003600000,\"venue\":\"okx-swap\",\"frame\":\"pong\"}\n");
        List<OpenedInput> inputs = replay(f);
        assertThat(inputs).extracting(OpenedInput::format).containsExactly(InputFormat.RECORDING);
        assertThat(out.onlyLiquidation().usd()).isEqualTo(10 * 0.01 * 100000);
        assertThat(out.onlyLiquidation().receiveMicros()).isEqualTo(1749132003500000L);
        assertThat(stats.items()).isEqualTo(3);
        assertThat(stats.control()).isEqualTo(2);
        assertThat(stats.instrumentsLoaded()).isEqualTo(1);
    }

    @Test
    void shouldDecodeStringFramesAndBackfillsAsTheLiveRunDid() throws IOException {
        Path f = write("live.jsonl",
                "{\"ts\":1749132000100000,\"venue\":\"okx-swap\",\"frame\":\"pong\"}\n"
                        + "{\"ts\":1749132000200000,\"venue\":\"binance-usdm\",\"frame\":\"\\u0001not json\"}\n"
                        + "{\"ts\":1749132000300000,\"venue\":\"binance-usdm\",\"rest\":\"/fapi/v1/aggTrades?symbol=BTCUSDT"
                        + "&fromId=41&limit=2\",\"frame\":[{\"a\":41,\"p\":\"100000\",\"q\":\"0.5\",\"f\":1,\"l\":1,"
                        + "\"T\":1749132000000,\"m\":true},{\"a\":42,\"p\":\"100001\",\"q\":\"0.5\",\"f\":2,\"l\":2,"
                        + "\"T\":1749132000001,\"m\":false}]}\n");
        replay(f);
        assertThat(stats.control()).isEqualTo(1);
        assertThat(out.rejects).containsExactlyEntriesOf(java.util.Map.of(Reject.BINARY_DATA, 1));
        assertThat(out.trades).extracting(t -> t.id()).containsExactly(41L, 42L);
        assertThat(out.trades.get(0).receiveMicros()).isEqualTo(1749132000300000L);
    }

    @Test
    void shouldReadGzipByItsMagicBytesNotItsName() throws IOException {
        Path f = gzip("frames.csv", ("{\"ts\":1749132003500000,\"venue\":\"bybit-linear\",\"frame\":{\"topic\":\"allLiquidation.BTCUSDT\","
                + "\"type\":\"snapshot\",\"ts\":1749132003000,\"data\":[{\"T\":1749132002900,\"s\":\"BTCUSDT\",\"S\":\"Buy\","
                + "\"v\":\"0.5\",\"p\":\"100000\"}]}}\n").getBytes(StandardCharsets.UTF_8));
        assertThat(replay(f)).extracting(OpenedInput::format).containsExactly(InputFormat.RECORDING);
        assertThat(out.onlyLiquidation().usd()).isEqualTo(50_000.0);
    }

    @Test
    void shouldApplyAPrettyPrintedMetadataFileBeforeAnyFrame() throws IOException {
        Path frames = write("raw.jsonl", OKX_LIQUIDATION + "\n");
        Path metadata = write("okx.json", OKX_METADATA.replace(",", ",\n  "));
        List<OpenedInput> inputs = replay(frames, metadata);
        assertThat(inputs).extracting(OpenedInput::format).containsExactly(InputFormat.RAW_FRAMES, InputFormat.METADATA);
        assertThat(out.onlyLiquidation().receiveMicros()).isEqualTo(1749132003456000L);
    }

    @Test
    void shouldReadCryptofeedLinesWithTheirReceiveTime() throws IOException {
        Path f = write("BINANCE_FUTURES.ws.1.0",
                "wss://fstream.binance.com/stream?streams=btcusdt@aggTrade <-> 1749132000.1\n"
                        + "1749132000.250001: {\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1749132000200,"
                        + "\"a\":1,\"s\":\"BTCUSDT\",\"p\":\"100000\",\"q\":\"0.1\",\"f\":1,\"l\":1,\"T\":1749132000199,\"m\":true}}\n");
        assertThat(replay(f)).extracting(OpenedInput::format).containsExactly(InputFormat.CRYPTOFEED);
        assertThat(out.onlyTrade().receiveMicros()).isEqualTo(1_749_132_000_250_001L);
        assertThat(stats.control()).isEqualTo(1);
    }

    @Test
    void shouldTellTardisLiquidationsFromTradesByTheirEmptyIds() throws IOException {
        String header = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n";
        Path liquidations = write("a.csv", header + "binance-futures,BTCUSDT,1749132000245000,1749132000355684,,sell,100000,0.5\n");
        Path trades = write("b.csv", header + "binance-futures,BTCUSDT,1749132000245000,1749132000355684,77,sell,100000,0.5\n");
        assertThat(replay(liquidations, trades)).extracting(OpenedInput::format)
                .containsExactly(InputFormat.TARDIS_LIQUIDATIONS, InputFormat.TARDIS_TRADES);
        assertThat(out.onlyLiquidation().usd()).isEqualTo(50_000.0);
        assertThat(out.onlyTrade().id()).isEqualTo(77);
    }

    @Test
    void shouldReadAVisionZipWithOrWithoutHeaderAndTakeTheSymbolFromItsName() throws IOException {
        Path zip = dir.resolve("BTCUSDT-aggTrades-2025-06.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("BTCUSDT-aggTrades-2025-06.csv"));
            z.write(("agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n"
                    + "2,100000.0,0.5,3,3,1749132000200,true\n1,100000.0,0.25,1,2,1749132000100,false\n"
                    + "3,100000.0,0.0,4,4,1749132000300,false\n").getBytes(StandardCharsets.US_ASCII));
        }
        Path headerless = write("ETHUSDT-aggTrades-2025-06-05.csv", "9,2500.0,2,9,9,1749132000400,false\n");
        List<OpenedInput> inputs = replay(zip, headerless);
        assertThat(inputs).extracting(OpenedInput::format).containsExactly(InputFormat.BINANCE_VISION, InputFormat.BINANCE_VISION);
        assertThat(inputs.get(0).detail()).isEqualTo("aggTrades BTCUSDT");
        assertThat(inputs.get(1).detail()).isEqualTo("aggTrades ETHUSDT, no header");
        assertThat(out.trades).extracting(t -> t.instrument().symbol()).containsExactly("BTCUSDT", "BTCUSDT", "ETHUSDT");
        assertThat(out.rejects).containsEntry(Reject.NON_POSITIVE_SIZE, 1);
    }

    @Test
    void shouldRejectEmptyBinaryAndUnknownFilesAndGoOn() throws IOException {
        Path empty = write("empty.jsonl", "");
        Path blank = write("blank.jsonl", "\n\n  \n");
        Path binary = Files.write(dir.resolve("garbage.bin"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, (byte) 0xff, 0x10});
        Path unknown = write("notes.txt", "hello world\n");
        Path good = write("raw.jsonl", OKX_METADATA + "\n");
        List<OpenedInput> inputs = replay(empty, blank, binary, unknown, good);
        assertThat(inputs).extracting(OpenedInput::format).containsExactly(InputFormat.EMPTY, InputFormat.EMPTY,
                InputFormat.UNKNOWN, InputFormat.UNKNOWN, InputFormat.METADATA);
        assertThat(out.rejects).containsEntry(Reject.EMPTY_FILE, 2).containsEntry(Reject.UNKNOWN_FORMAT, 2);
    }

    @Test
    void shouldKeepWhatATruncatedGzipHeldBeforeTheCut() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append("{\"ts\":").append(1749132000000000L + i).append(",\"venue\":\"bybit-linear\",\"frame\":{\"topic\":")
                    .append("\"allLiquidation.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1749132003000,\"data\":[{\"T\":")
                    .append(1749132000000L + i).append(",\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"0.5\",\"p\":\"100000\"}]}}\n");
        }
        Path whole = gzip("whole.gz", text.toString().getBytes(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        replay(cut);
        assertThat(out.liquidations.size()).isBetween(1000, 1999);
        assertThat(out.rejects).containsEntry(Reject.TRUNCATED_FILE, 1);
    }

    @Test
    void shouldThrowOnlyForAFileThatCannotBeOpened() {
        assertThatThrownBy(() -> replay(dir.resolve("missing.jsonl"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void shouldTakeTheVisionSymbolFromPlainAndPrefixedNames() {
        assertThat(dev.cascade.venues.archive.ArchiveFormats.visionSymbol("BTCUSDT-aggTrades-2023-05.csv")).isEqualTo("BTCUSDT");
        assertThat(dev.cascade.venues.archive.ArchiveFormats.visionSymbol("BTCUSD_PERP-metrics-2023-06-25.csv")).isEqualTo("BTCUSD_PERP");
        assertThat(dev.cascade.venues.archive.ArchiveFormats.visionSymbol("binance_vision_um_trades_OMGUSDT-2021-04-08_row.csv")).isEqualTo("OMGUSDT");
        assertThat(dev.cascade.venues.archive.ArchiveFormats.visionSymbol("binance_vision_cm_liquidationSnapshot_BTCUSD_PERP-2023-06-25_head.csv"))
                .isEqualTo("BTCUSD_PERP");
        assertThat(dev.cascade.venues.archive.ArchiveFormats.visionSymbol("data.csv")).isNull();
    }
}
