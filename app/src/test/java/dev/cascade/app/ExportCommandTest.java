package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Instrument;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.store.Store;
import dev.cascade.store.StoreWriter;
import dev.cascade.testkit.Events;
import dev.cascade.testkit.FolderSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cascade export}: a small store written here, read back as CSV and JSON Lines with the values that were
 * written, a period cut at --from (included) and --to (excluded), and the store not changed by one byte.
 */
class ExportCommandTest {
    /** 2025-06-05T14:00:00Z. */
    private static final long T0 = 1_749_132_000_000_000L;
    private static final long MINUTE = 60_000_000L;

    @TempDir
    Path dir;

    private Path store;
    private Map<String, String> before;
    private Map<String, String> beforeBytes;

    @BeforeEach
    void writeStore() throws Exception {
        store = writeStore(dir.resolve("store"));
        before = FolderSnapshot.of(store);
        beforeBytes = contents(store);
    }

    /** Three liquidations (a linear and an inverse instrument), two trades, an open interest and a minute bar. */
    static Path writeStore(Path store) throws Exception {
        Events events = new Events();
        Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
        Instrument swap = events.inverse(Venue.OKX_SWAP, "BTC-USD-SWAP", "BTC", 100);
        try (Store s = Store.open(store); StoreWriter w = new StoreWriter(s, true, 10, n -> { })) {
            w.onLiquidation(Events.liquidation(btc, Side.LONG, 2, 100_000, T0));
            w.onLiquidation(Events.liquidation(swap, Side.SHORT, 300, 100_500, T0 + MINUTE)); // 300 contracts of $100
            w.onLiquidation(Events.liquidation(btc, Side.SHORT, 0.125, 99_000.5, T0 + 60 * MINUTE));
            w.onTrade(Events.trade(btc, TakerSide.BUY, 0.5, 100_010, 7, T0 + 1_000));
            w.onTrade(Events.trade(btc, TakerSide.SELL, 1.5, 100_000, 8, T0 + 2_000));
            w.onOpenInterest(new OpenInterest().set(swap, 5_000_000, 5_000_000, T0, T0 + 50));
            double[] d = {100_000, 100_010, 99_990, 100_000, 50_005, 150_000, 2, Double.NaN, Double.NaN, 100_001,
                0.0001, 0};
            long[] t = new long[11];
            Arrays.fill(t, Long.MIN_VALUE);
            t[0] = T0 / MINUTE;
            t[8] = 2; // trades
            w.onMinuteBar(btc, d, t, false);
        }
        return store;
    }

    /** Every file's SHA-256: FolderSnapshot sees sizes and times, this sees a byte written in place through a map. */
    static Map<String, String> contents(Path dir) throws Exception {
        Map<String, String> hashes = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                hashes.put(dir.relativize(f).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return hashes;
    }

    @Test
    void shouldWriteTheStoredLiquidationsAsCsvWithTheirUsd() throws Exception {
        Path out = dir.resolve("liquidations.csv");

        Cli cli = Cli.run("export", "--store", store.toString(), "--what", "liquidations", "--out", out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactly(
                "time,venue,symbol,coin,side,quantity,price,usd,received",
                "2025-06-05T14:00:00Z,binance-usdm,BTCUSDT,BTC,long,2,100000,200000,2025-06-05T14:00:00.000100Z",
                "2025-06-05T14:01:00Z,okx-swap,BTC-USD-SWAP,BTC,short,300,100500,30000,2025-06-05T14:01:00.000100Z",
                "2025-06-05T15:00:00Z,binance-usdm,BTCUSDT,BTC,short,0.125,99000.5,12375.0625,"
                        + "2025-06-05T15:00:00.000100Z");
        assertThat(cli.out()).isEqualTo("Exported 3 liquidations to " + out + " (" + Files.size(out) + " bytes)\n");
        assertThat(out.resolveSibling("liquidations.csv.part")).doesNotExist();
        assertThat(FolderSnapshot.of(store)).as("no file of the store written, made or dropped").isEqualTo(before);
        assertThat(contents(store)).as("the store not changed by one byte").isEqualTo(beforeBytes);
    }

    @Test
    void shouldCutThePeriodAtFromIncludedAndToExcluded() {
        Cli cli = Cli.run("export", "--store", store.toString(), "--what", "liquidations", "--format", "jsonl",
                "--from", "2025-06-05T14:01:00Z", "--to", "2025-06-05T15:00:00Z");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).containsExactly("{\"time\":\"2025-06-05T14:01:00Z\",\"venue\":\"okx-swap\",\"symbol\":"
                + "\"BTC-USD-SWAP\",\"coin\":\"BTC\",\"side\":\"short\",\"quantity\":300.0,\"price\":100500.0,\"usd\":"
                + "30000.0,\"received\":\"2025-06-05T14:01:00.000100Z\"}");
    }

    @Test
    void shouldWriteBarsAndTradesAsJsonLinesWithMissingValuesAsNull() throws Exception {
        Cli bars = Cli.run("export", "--store", store.toString(), "--what", "bars", "--format", "jsonl");
        assertThat(bars.exitCode()).as(bars.err()).isZero();
        JsonNode bar = RunJson.MAPPER.readTree(bars.out());
        assertThat(bar.path("time").asText()).isEqualTo("2025-06-05T14:00:00Z");
        assertThat(bar.path("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(bar.path("high").asDouble()).isEqualTo(100_010);
        assertThat(bar.path("taker_buy_usd").asDouble()).isEqualTo(50_005);
        assertThat(bar.path("taker_sell_usd").asDouble()).isEqualTo(150_000);
        assertThat(bar.path("funding_rate").asDouble()).isEqualTo(0.0001);
        assertThat(bar.path("open_interest").isNull()).as("none seen in the minute").isTrue();
        assertThat(bar.path("trades").asLong()).isEqualTo(2);
        assertThat(bar.path("part").asText()).isEqualTo("minute");

        Cli trades = Cli.run("export", "--store", store.toString(), "--what", "trades", "--format", "csv");
        assertThat(trades.exitCode()).as(trades.err()).isZero();
        assertThat(trades.out().lines()).containsExactly(
                "time,venue,symbol,coin,taker_side,quantity,price,usd,id,received",
                "2025-06-05T14:00:00.001Z,binance-usdm,BTCUSDT,BTC,buy,0.5,100010,50005,7,2025-06-05T14:00:00.001100Z",
                "2025-06-05T14:00:00.002Z,binance-usdm,BTCUSDT,BTC,sell,1.5,100000,150000,8,2025-06-05T14:00:00.002100Z");
        assertThat(FolderSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void shouldExitTwoWhenThePeriodHoldsNothing() {
        Cli cli = Cli.run("export", "--store", store.toString(), "--what", "liquidations", "--from", "2026-01-01T00:00:00Z");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("cascade: no liquidations in " + store + " from 2026-01-01T00:00:00Z\n");
        assertThat(cli.out()).as("the header alone").isEqualTo("time,venue,symbol,coin,side,quantity,price,usd,received\n");
    }

    @Test
    void shouldRefuseInOneLineWhatCannotBeExported() throws Exception {
        Cli noWhat = Cli.run("export", "--store", store.toString());
        assertThat(noWhat.exitCode()).isEqualTo(1);
        assertThat(noWhat.err()).startsWith("cascade: --what is required: liquidations, bars or trades\n");

        Cli badWhat = Cli.run("export", "--store", store.toString(), "--what", "candles");
        assertThat(badWhat.exitCode()).isEqualTo(1);
        assertThat(badWhat.err()).startsWith("cascade: Invalid value for option '--what': expected one of "
                + "[LIQUIDATIONS, TRADES, BARS]");

        Cli inside = Cli.run("export", "--store", store.toString(), "--what", "bars", "--out",
                store.resolve("bars.csv").toString());
        assertThat(inside.exitCode()).isEqualTo(1);
        assertThat(inside.err()).startsWith("cascade: --out " + store.resolve("bars.csv") + " is inside the store " + store
                + ", which export only reads\n");

        Cli backwards = Cli.run("export", "--store", store.toString(), "--what", "bars", "--from", "2025-06-06T00:00:00Z",
                "--to", "2025-06-05T00:00:00Z");
        assertThat(backwards.exitCode()).isEqualTo(1);
        assertThat(backwards.err()).startsWith("cascade: --from 2025-06-06T00:00:00Z must be before --to 2025-06-05T00:00:00Z\n");

        Cli xml = Cli.run("export", "--store", store.toString(), "--what", "bars", "--format", "xml");
        assertThat(xml.exitCode()).isEqualTo(1);
        assertThat(xml.err()).startsWith("cascade: Invalid value for option '--format': 'xml' is not csv, jsonl or "
                + "parquet\n");

        Path notAStore = Files.createDirectory(dir.resolve("photos"));
        Cli wrong = Cli.run("export", "--store", notAStore.toString(), "--what", "bars");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("cascade: " + notAStore + ": not a Cascade store").hasLineCount(1);
        assertThat(FolderSnapshot.of(store)).isEqualTo(before);
    }
}
