package dev.cascade.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/**
 * Event time moves on with the wall clock once a live partition has gone quiet, so its last minute closes; a
 * partition with a backlog keeps its watermark with its events, however long it goes without records.
 */
class QuietFeedWatermarksTest {
    private long now = 1_800_000_030_000L; // 30 s into a minute
    /** An event 2 s before it arrives: a live feed. */
    private final long live = now - 2_000;
    private final List<Long> emitted = new ArrayList<>();
    private boolean isIdle;
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            isIdle = true;
        }

        @Override
        public void markActive() {
        }
    };
    private final QuietFeedWatermarks watermarks = new QuietFeedWatermarks(Duration.ofSeconds(5), Duration.ofMinutes(1),
            Duration.ofMinutes(10), () -> now);

    @Test
    void shouldTrailTheLatestEventWhileThePartitionDelivers() {
        watermarks.onEvent(new byte[0], live, output);
        now += 30_000;
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(live - 5_001);
    }

    @Test
    void shouldFollowTheWallClockOnceQuietSoTheLastMinuteCloses() {
        watermarks.onEvent(new byte[0], live, output);
        now += 60_000;
        watermarks.onPeriodicEmit(output);
        now += 30_000;
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(now - 30_000 - 5_001, now - 5_001);
        long endOfTheEventsMinute = Math.floorDiv(live, 60_000) * 60_000 + 60_000;
        assertThat(emitted.get(0)).as("past the end of the last event's minute").isGreaterThanOrEqualTo(endOfTheEventsMinute - 1);
    }

    @Test
    void shouldNeverGoBackWhenEventsResumeBehindTheClock() {
        watermarks.onEvent(new byte[0], live, output);
        now += 120_000;
        watermarks.onPeriodicEmit(output);
        watermarks.onEvent(new byte[0], live + 1_000, output); // a straggler, behind what the clock allowed
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(now - 5_001);
    }

    @Test
    void shouldKeepABacklogsWatermarkWithItsEventsHoweverLongItPauses() {
        // a restored job catching up an hour, or a recording published into the topics: its reader paused (by
        // alignment, backpressure or a slow fetch) for longer than the quiet period is not a quiet feed
        long anHourBack = now - 3_600_000;
        watermarks.onEvent(new byte[0], anHourBack, output);
        now += 300_000;
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(anHourBack - 5_001);
        assertThat(isIdle).isFalse();
    }

    @Test
    void shouldNeverUseTheWallClockBeforeTheFirstEventButGoIdle() {
        watermarks.onPeriodicEmit(output);
        now += 59_000;
        watermarks.onPeriodicEmit(output);
        assertThat(isIdle).isFalse();
        now += 1_000;
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).as("a wall-clock watermark would make a restored job's backlog late").isEmpty();
        assertThat(isIdle).as("an empty partition holds no one back").isTrue();
    }

    @Test
    void shouldGiveARestoredReadersFirstFetchTimeBeforeGoingIdleHoweverShortTheQuietPeriod() {
        QuietFeedWatermarks restored = new QuietFeedWatermarks(Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofMinutes(10), () -> now);
        long start = now;
        now = start + 29_999;
        restored.onPeriodicEmit(output);
        assertThat(isIdle).as("quiet for 2 s, but its first fetch may still be on its way").isFalse();
        now = start + 30_000;
        restored.onPeriodicEmit(output);
        assertThat(isIdle).isTrue();
        assertThat(emitted).isEmpty();
    }
}
