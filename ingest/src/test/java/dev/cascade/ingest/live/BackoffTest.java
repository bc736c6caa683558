package dev.cascade.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Property(tries = 2000)
    void shouldNeverGoBelowTheFloorNorAboveTheCap(@ForAll @IntRange(min = 0, max = 200) int attempt,
                                                  @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random,
                                                  @ForAll @IntRange(min = 0, max = 5000) int floor) {
        Backoff b = new Backoff(Duration.ofMillis(floor), Duration.ofMillis(floor + 30_000), 2, () -> random);
        assertThat(b.delayMillis(attempt)).isBetween((long) floor, (long) floor + 30_000);
    }

    @Test
    void shouldGrowExponentiallyWithEqualJitter() {
        Backoff none = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), 2, () -> 0.0);
        Backoff full = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), 2, () -> 0.999999);
        assertThat(none.delayMillis(0)).isEqualTo(100); // half of the floor is below the floor: held at the floor
        assertThat(none.delayMillis(3)).isEqualTo(400); // half of 800
        assertThat(full.delayMillis(3)).isEqualTo(799);
        assertThat(none.delayMillis(30)).isEqualTo(15_000);
        assertThat(full.delayMillis(30)).isEqualTo(29_999);
    }
}
