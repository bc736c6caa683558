package dev.cascade.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** Event time moves on with the wall clock once a partition has gone quiet, so its last minute closes. */
class QuietFeedWatermarksTest {
    private static final long EVENT = 1_749_130_230_000L; // 13:30:30 on the sample day
    private long now = 1_800_000_000_000L;
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
    private final QuietFeedWatermarks watermarks = new QuietFeedWatermarks(Duration.ofSeconds(5), Duration.ofMinutes(1), () -> now);

    @Test
    void shouldTrailTheLatestEventWhileThePartitionDelivers() {
        watermarks.onEvent(new byte[0], EVENT, output);
        now += 30_000;
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(EVENT - 5_001);
    }

    @Test
    void shouldFollowTheWallClockOnceQuietSoTheLastMinuteCloses() {
        watermarks.onEvent(new byte[0], EVENT, output);
        now += 60_000;
        watermarks.onPeriodicEmit(output);
        now += 30_000;
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(now - 30_000 - 5_001, now - 5_001);
        // past 13:31:00: the minute 13:30 has closed
        assertThat(emitted.get(0)).isGreaterThanOrEqualTo(1_749_130_260_000L - 1);
    }

    @Test
    void shouldNeverGoBackWhenEventsResumeBehindTheClock() {
        watermarks.onEvent(new byte[0], EVENT, output);
        now += 120_000;
        watermarks.onPeriodicEmit(output);
        watermarks.onEvent(new byte[0], EVENT + 1_000, output); // a straggler, behind what the clock allowed
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(now - 5_001);
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
}
