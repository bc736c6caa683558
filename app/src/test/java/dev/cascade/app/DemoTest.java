package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cascade demo}: the seed day through the simulator's sockets, the live pipeline, the store and the
 * server. Everything that was played arrives: the store holds exactly the liquidations a replay of the same
 * frames reads, and the recap of the day is written.
 */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldPlayTheSeedDayThroughTheLivePathIntoTheStoreAndWriteTheRecap() throws Exception {
        Cli cli = Cli.run("demo", "--exit", "--port", "0", "--speed", "6000", "--out", dir.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Played ").contains("Report: ").contains("Dashboard: http://127.0.0.1:");
        String report = Files.readString(dir.resolve("report.html"));
        assertThat(report).contains("<h1>BTC fell").contains("Sei (SEI) was the top gainer");

        JsonNode replay = Cli.run("replay", "--format", "json", dir.resolve("seed-2025-06.jsonl.gz").toString()).json();
        try (Store store = Store.openForReading(dir.resolve("store"))) {
            assertThat(store.count("liquidations")).as("every liquidation played was received and stored once")
                    .isEqualTo(replay.path("counts").path("liquidations").asLong());
        }
    }
}
