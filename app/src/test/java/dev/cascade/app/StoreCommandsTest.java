package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.analytics.MarketState;
import dev.cascade.model.Instrument;
import dev.cascade.model.Side;
import dev.cascade.model.Tee;
import dev.cascade.model.Venue;
import dev.cascade.store.Store;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.testkit.Events;
import dev.cascade.testkit.FolderSnapshot;
import dev.cascade.testkit.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store as the commands use it: retention is the writer's, a read command changes nothing and refuses what is
 * not a store in one line, and a store keeps only events a read-back takes.
 */
class StoreCommandsTest {
    @TempDir
    Path dir;

    private Path store;
    private final Path sample = SharedFixtures.root().resolve(SampleRecording.FILE);

    @BeforeEach
    void storeTheSample() throws Exception {
        store = dir.resolve("store");
        try (Storage storage = Storage.openForWriting(store, false, 400)) { // as serve --store-days 400 FILE does
            new ReplayJob(1 << 23, storage).run(List.of(sample), b -> { });
        }
        assertThat(store.resolve("cascade-store.properties")).exists();
    }

    @Test
    void shouldLeaveRetentionToTheWriterAndChangeNothingWhenReading() throws Exception {
        Map<String, String> before = FolderSnapshot.of(store);
        Cli report = Cli.run("report", "--store", store.toString(), "--store-days", "1", "--out",
                dir.resolve("recap").toString());
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.err().lines().findFirst().orElse("")).isEqualTo("cascade: --store-days: retention belongs to the "
                + "store's writer (live, record, serve with files); report only reads the store");
        assertThat(Cli.run("replay", "--store", store.toString(), "--store-days", "1").err())
                .contains("replay only reads the store");

        Cli read = Cli.run("replay", "--store", store.toString(), "--format", "json");
        assertThat(read.exitCode()).as(read.err()).isZero();
        Cli fromFile = Cli.run("replay", "--format", "json", sample.toString());
        assertThat(read.json().path("liquidations").path("usd").decimalValue())
                .isEqualByComparingTo(fromFile.json().path("liquidations").path("usd").decimalValue());
        Cli recap = Cli.run("report", "--store", store.toString(), "--out", dir.resolve("recap").toString());
        assertThat(recap.exitCode()).as(recap.err()).isZero();
        assertThat(FolderSnapshot.of(store)).as("reading wrote, dropped and created nothing").isEqualTo(before);
        try (Store s = Store.openForReading(store)) {
            assertThat(s.retentionDays()).as("the writer's setting, kept in the store").isEqualTo(400);
        }
    }

    @Test
    void shouldRefuseAPathThatHoldsNoStoreInOneLine() throws Exception {
        Path typo = dir.resolve("typo-dir");
        Cli report = Cli.run("report", "--store", typo.toString(), "--out", dir.resolve("recap").toString());
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.err().strip()).isEqualTo("cascade: " + typo + ": no such directory (not a Cascade store)");
        assertThat(typo).doesNotExist();
        assertThat(dir.resolve("recap")).doesNotExist();

        Path other = Files.createDirectory(dir.resolve("photos"));
        Files.writeString(other.resolve("cat.jpg"), "not a store");
        Cli serve = Cli.run("serve", "--store", other.toString(), "--port", "0");
        assertThat(serve.exitCode()).isEqualTo(1);
        assertThat(serve.err().strip()).isEqualTo("cascade: " + other + ": not a Cascade store (no "
                + "cascade-store.properties in it)");
        Cli write = Cli.run("serve", "--store", other.toString(), "--port", "0", sample.toString());
        assertThat(write.exitCode()).isEqualTo(1);
        assertThat(write.err().strip()).isEqualTo("cascade: " + other + ": not a Cascade store (the folder holds other "
                + "files; a new store needs a new or empty folder)");
        try (Stream<Path> files = Files.list(other)) {
            assertThat(files.count()).as("nothing written among the folder's files").isEqualTo(1);
        }
    }

    @Test
    void shouldKeepTheStoresLogOffTheTerminal() throws Exception {
        // a child process, as a user runs it with 2> file: QuestDB's log would go to the process's own descriptors
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString()));
        if (Runtime.version().feature() >= 24) {
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        // the launcher's logging configuration (the test class path holds several test ones)
        command.addAll(List.of("-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "replay", "--store", store.toString()));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(err)).as("nothing but warnings, and there are none").isEmpty();
        assertThat(Files.readString(out)).startsWith("Store " + store).contains("Cascade replay").contains("Liquidations")
                .doesNotContain("questdb").doesNotContain("Log configuration");
    }

    @Test
    void shouldStoreOnlyEventsOfTheInstrumentsTheStateFollows() throws Exception {
        Events events = new Events();
        Instrument[] instruments = {events.linear(Venue.BINANCE_USDM, "AUSDT", "A"),
            events.linear(Venue.BINANCE_USDM, "BUSDT", "B"), events.linear(Venue.BINANCE_USDM, "CUSDT", "C")};
        Path fresh = dir.resolve("fresh");
        MarketState state = new MarketState(MarketState.Retention.LIVE, 2);
        try (Storage storage = Storage.openForWriting(fresh, false, null)) {
            Tee pipeline = new Tee(state, storage.sink());
            storage.loadInto(events.instruments, pipeline, state);
            for (int i = 0; i < 30; i++) {
                pipeline.onLiquidation(Events.liquidation(instruments[i % 3], Side.LONG, 1, 100 + i,
                        1_749_132_000_000_000L + i * 1_000_000L));
            }
            pipeline.onLiquidation(Events.liquidation(instruments[0], Side.SHORT, Double.NaN, 100,
                    1_749_132_000_000_000L));
            storage.close();
            assertThat(storage.refused()).as("ten of the third instrument, one not finite").isEqualTo(11);
        }
        CapturingListener back = new CapturingListener();
        try (Store s = Store.openForReading(fresh)) {
            s.load(new dev.cascade.model.InstrumentRegistry(), back, (i, d, t, isLate) -> { });
        }
        assertThat(back.liquidations).hasSize(20);
        assertThat(back.liquidations).allMatch(l -> !l.instrument().symbol().equals("CUSDT"));
    }
}
