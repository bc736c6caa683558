package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.sim.SimConfig;
import dev.cascade.sim.Simulator;
import dev.cascade.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety, measured: {@code cascade live --store --record} against a loopback simulator, killed with SIGKILL
 * at 20 random moments (during start-up, recovery or the run) and restarted each time on the same store and
 * recording folder, then run to a clean stop. The recording is the store's journal (synced before each commit),
 * so everything the store acknowledged was recorded; each restart takes back from the recordings what a kill kept
 * from the store. At the end the store holds every recorded liquidation once, and reading it gives the totals of a
 * replay of the recordings.
 */
class CrashRecoveryTest {
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    private Process live(Simulator sim, Path store, Path recordings, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        if (Runtime.version().feature() >= 24) {
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "live",
                "--endpoints", sim.uri().toString(), "--store", store.toString(), "--record", recordings.toString(),
                "--no-overview"));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    @Test
    @Timeout(value = 480, unit = TimeUnit.SECONDS)
    void shouldKeepEveryRecordedLiquidationOnceThroughTwentyKills() throws Exception {
        Path store = dir.resolve("store");
        Path recordings = dir.resolve("recordings");
        Random random = new Random(20_261_207);
        long storedBefore = 0;
        int killsWithNewData = 0;
        try (Simulator sim = Simulator.start(SimConfig.defaults().withRates(300, 40))) {
            for (int kill = 0; kill < KILLS; kill++) {
                int files = recordingFiles(recordings);
                Process child = live(sim, store, recordings);
                if (kill % 4 == 0) {
                    // during JVM start-up, store opening or recovery
                    assertThat(child.waitFor(300 + random.nextInt(3_000), TimeUnit.MILLISECONDS)).isFalse();
                } else {
                    // while the run reads the feeds: its recording has begun
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (recordingFiles(recordings) == files && System.nanoTime() < deadline && child.isAlive()) {
                        Thread.sleep(20);
                    }
                    assertThat(child.waitFor(200 + random.nextInt(3_000), TimeUnit.MILLISECONDS))
                            .as("the run is still going when it is killed").isFalse();
                }
                child.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed or closed
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                long stored = storedLiquidations(store);
                killsWithNewData += stored > storedBefore ? 1 : 0;
                storedBefore = Math.max(storedBefore, stored);
            }
            Process last = live(sim, store, recordings, "--duration", "4s", "--format", "json");
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        }
        assertThat(killsWithNewData).as("most kills came after the run had stored something new")
                .isGreaterThanOrEqualTo(KILLS / 2);

        List<String> files = new ArrayList<>(List.of("replay", "--format", "json"));
        try (Stream<Path> all = Files.list(recordings)) {
            all.sorted().forEach(p -> files.add(p.toString()));
        }
        assertThat(files.size() - 3).as("a recording per run that got going").isGreaterThanOrEqualTo(KILLS / 2);
        JsonNode replay = Cli.run(files.toArray(String[]::new)).json();
        long recorded = replay.path("counts").path("liquidations").asLong();
        assertThat(recorded).as("the runs recorded liquidations").isGreaterThan(200);

        assertThat(storedLiquidations(store)).as("every recorded liquidation is stored, once").isEqualTo(recorded);
        JsonNode restored;
        try (Storage storage = Storage.openForReading(store)) {
            restored = RunJson.render(new ReplayJob(1 << 23, storage).run(List.of(), b -> { }), FigureSettings.DEFAULT);
        }
        for (String field : new String[] {"usd", "longUsd", "shortUsd", "count", "longCount", "shortCount"}) {
            assertThat(restored.path("liquidations").path(field).decimalValue()).as(field)
                    .isEqualByComparingTo(replay.path("liquidations").path(field).decimalValue());
        }
        JsonNode byVenue = replay.path("liquidations").path("byVenue");
        assertThat(byVenue.size()).as("liquidations of several venues").isGreaterThan(2);
        byVenue.fieldNames().forEachRemaining(v -> assertThat(restored.path("liquidations").path("byVenue").path(v)
                .path("usd").decimalValue()).as(v).isEqualByComparingTo(byVenue.path(v).path("usd").decimalValue()));
    }

    private static int recordingFiles(Path recordings) throws IOException {
        if (!Files.isDirectory(recordings)) {
            return 0;
        }
        try (Stream<Path> all = Files.list(recordings)) {
            return (int) all.count();
        }
    }

    private static long storedLiquidations(Path store) throws IOException {
        if (!Files.exists(store)) {
            return 0;
        }
        try (Store s = Store.openForReading(store)) {
            return s.count("liquidations");
        } catch (IOException e) {
            return 0; // killed before the store was made
        }
    }
}
