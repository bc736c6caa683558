package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.testkit.SharedFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart rebuilds the aggregates from the store: the sample replayed into a store, then the store read back
 * alone, gives the same figures for what was stored; replaying the sample again into it stores nothing twice.
 */
class StoredRestartTest {
    @TempDir
    Path dir;

    @Test
    void shouldRebuildTheFiguresFromTheStore() throws Exception {
        Path sample = SharedFixtures.root().resolve(SampleRecording.FILE);
        ObjectNode original;
        long stored;
        try (Storage storage = Storage.open(dir, true, 35)) {
            original = ReplayJson.render(new ReplayJob(1 << 23, storage).run(List.of(sample), b -> { }),
                    FigureSettings.DEFAULT);
            assertThat(storage.loaded()).isZero();
            storage.close();
            stored = storage.stored();
        }
        JsonNode counts = original.path("counts");
        assertThat(stored).isEqualTo(counts.path("liquidations").asLong() + counts.path("trades").asLong()
                + counts.path("openInterest").asLong() + counts.path("markPrices").asLong()
                + counts.path("fundingRates").asLong());

        ObjectNode rebuilt;
        try (Storage storage = Storage.open(dir, true, 35)) {
            rebuilt = ReplayJson.render(new ReplayJob(1 << 23, storage).run(List.of(), b -> { }), FigureSettings.DEFAULT);
            assertThat(storage.loaded()).isEqualTo(stored);
        }
        for (String section : new String[] {"from", "to", "liquidations", "windows", "taker", "price", "openInterest",
            "heatmap"}) {
            assertThat(rebuilt.get(section)).as(section).isEqualTo(original.get(section));
        }

        try (Storage storage = Storage.open(dir, true, 35)) {
            new ReplayJob(1 << 23, storage).run(List.of(sample), b -> { }); // the same data again
            storage.close();
            assertThat(storage.loaded()).isEqualTo(stored);
        }
        try (Storage storage = Storage.open(dir, true, 35)) {
            ObjectNode again = ReplayJson.render(new ReplayJob(1 << 23, storage).run(List.of(), b -> { }),
                    FigureSettings.DEFAULT);
            assertThat(storage.loaded()).as("stored once").isEqualTo(stored);
            assertThat(again.get("liquidations")).isEqualTo(original.get("liquidations"));
        }
    }
}
