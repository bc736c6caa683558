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
 * alone (events and minute bars), gives the same figures; replaying the sample again into it stores nothing twice.
 */
class StoredRestartTest {
    @TempDir
    Path dir;

    @Test
    void shouldRebuildTheFiguresFromTheStore() throws Exception {
        Path sample = SharedFixtures.root().resolve(SampleRecording.FILE);
        ObjectNode original;
        long stored;
        try (Storage storage = Storage.openForWriting(dir, true, 35)) {
            original = RunJson.render(new ReplayJob(1 << 23, storage).run(List.of(sample), b -> { }),
                    FigureSettings.DEFAULT);
            assertThat(storage.loaded()).isZero();
            storage.close();
            stored = storage.stored();
        }
        JsonNode counts = original.path("counts");
        long events = counts.path("liquidations").asLong() + counts.path("trades").asLong()
                + counts.path("openInterest").asLong() + counts.path("markPrices").asLong()
                + counts.path("fundingRates").asLong();
        assertThat(stored).as("every event, and the minute bars").isGreaterThan(events);

        ObjectNode rebuilt;
        long loaded;
        try (Storage storage = Storage.openForWriting(dir, true, 35)) {
            rebuilt = RunJson.render(new ReplayJob(1 << 23, storage).run(List.of(), b -> { }), FigureSettings.DEFAULT);
            loaded = storage.loaded();
        }
        // trades are not read back (their minute bars are): every other row is
        assertThat(loaded).isEqualTo(stored - counts.path("trades").asLong());
        for (String section : new String[] {"from", "to", "liquidations", "windows", "taker", "price", "openInterest",
            "heatmap"}) {
            assertThat(rebuilt.get(section)).as(section).isEqualTo(original.get(section));
        }
        assertThat(rebuilt.path("counts").path("trades")).isEqualTo(counts.path("trades"));

        try (Storage storage = Storage.openForWriting(dir, true, 35)) {
            new ReplayJob(1 << 23, storage).run(List.of(sample), b -> { }); // the same data again
        }
        try (Storage storage = Storage.openForWriting(dir, true, 35)) {
            ObjectNode again = RunJson.render(new ReplayJob(1 << 23, storage).run(List.of(), b -> { }),
                    FigureSettings.DEFAULT);
            assertThat(storage.loaded()).as("stored once").isEqualTo(loaded);
            for (String section : new String[] {"liquidations", "taker", "price", "openInterest"}) {
                assertThat(again.get(section)).as(section).isEqualTo(original.get(section));
            }
        }
    }
}
