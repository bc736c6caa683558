package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cascade demo}: the seed day through the simulator's sockets, the live pipeline, the store and the
 * server. Everything that was played arrives: the store holds exactly the liquidations a replay of the same
 * frames reads, and the recap of the day is written. And a restart shows what the run showed: the store read
 * back, as {@code cascade serve --store} reads it, gives the live run's final figures section by section.
 */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void shouldPlayTheSeedDayThroughTheLivePathIntoTheStoreAndWriteTheRecap() throws Exception {
        Cli cli = Cli.run("demo", "--exit", "--port", "0", "--speed", "6000", "--out", dir.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Played ").contains("Report: ").contains("Dashboard: http://127.0.0.1:");
        String report = Files.readString(dir.resolve("report.html"));
        assertThat(report).contains("<h1>BTC fell").contains("Sei (SEI) was the top gainer");

        Path store = dir.resolve("store");
        JsonNode replay = Cli.run("replay", "--format", "json", dir.resolve("seed-2025-06.jsonl.gz").toString()).json();
        try (Store s = Store.openForReading(store)) {
            assertThat(s.count("liquidations")).as("every liquidation played was received and stored once")
                    .isEqualTo(replay.path("counts").path("liquidations").asLong());
        }

        JsonNode live = RunJson.MAPPER.readTree(dir.resolve(DemoCommand.FIGURES).toFile());
        JsonNode restored;
        try (Storage storage = Storage.openForReading(store)) { // what cascade serve --store DIR does
            restored = RunJson.render(new ReplayJob(1 << 23, storage).run(List.of(), b -> { }),
                    FigureSettings.DEFAULT.withSnapshots(ServeCommand.SNAPSHOT_MINUTES));
        }
        assertThat(SameFigures.differences(live, restored, 20)).as("the store read back shows the live run's figures")
                .isEmpty();
        // not vacuous: the sections the issue names are there, with the day's values
        assertThat(live.path("liquidations").path("usd").asDouble()).isGreaterThan(400e6);
        assertThat(live.path("taker").path("bars").path("BTC").size()).as("a month of hourly BTC taker bars")
                .isGreaterThan(24 * 28);
        assertThat(live.path("overview").path("totalMarketCapUsd").asDouble()).isGreaterThan(3e12);
        assertThat(live.path("sentiment").path("published").isMissingNode()).isFalse();

        // the command line agrees: replay --store prints the same figures
        JsonNode cliRestored = Cli.run("replay", "--store", store.toString(), "--format", "json", "--bars").json();
        assertThat(SameFigures.differences(live, cliRestored, 20).stream()
                .filter(d -> !d.startsWith("heatmap")).toList()).isEmpty();
    }
}
