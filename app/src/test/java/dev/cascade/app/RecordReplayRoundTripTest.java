package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.figures.FigureSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live run that records (through disconnects, rotations and REST backfills of dropped trades) and the replay
 * of what it wrote give exactly the same totals.
 */
class RecordReplayRoundTripTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldReplayARecordingToExactlyTheTotalsOfTheLiveRunThatWroteIt() throws Exception {
        ObjectNode live;
        List<Path> files;
        try (LiveHarness h = new LiveHarness(30, dir, true)) {
            h.start();
            h.sim.faults().dropEveryAggTrade(25);
            for (int i = 1; i <= 4; i++) {
                Thread.sleep(1200);
                h.sim.faults().close(null);
                h.awaitRecovered((long) i * h.connections(), Duration.ofSeconds(20));
            }
            Thread.sleep(5000); // a Binance rotation (4 s) happens in here
            h.job.close();
            live = RunJson.render(h.job.result(), FigureSettings.DEFAULT.withBars(true));
            files = h.job.recordings();
            assertThat(h.job.feedStats().total(s -> s.gapsFilled)).isPositive();
            assertThat(h.job.feedStats().total(s -> s.rotations)).isPositive();
        }
        assertThat(files).isNotEmpty();
        RunResult replay = new ReplayJob(1 << 23).run(files, bytes -> { });
        ObjectNode replayed = RunJson.render(replay, FigureSettings.DEFAULT.withBars(true));

        assertThat(live.path("liquidations").path("count").asLong()).isGreaterThan(10);
        assertThat(live.path("counts").path("trades").asLong()).isGreaterThan(1000);
        for (String section : new String[] {"from", "to", "liquidations", "windows", "minuteBars", "counts", "duplicates"}) {
            assertThat(replayed.get(section)).as(section).isEqualTo(live.get(section));
        }
        JsonNode input = replayed.path("input");
        assertThat(input.path("rejected").asLong()).isZero();
        assertThat(replayed.path("rejected").path("count").asLong()).isEqualTo(live.path("rejected").path("count").asLong());
    }
}
