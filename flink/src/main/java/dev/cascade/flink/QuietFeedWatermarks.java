package dev.cascade.flink;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * A live job's watermarks: bounded out-of-orderness while a partition delivers; once it has delivered nothing
 * for {@code quiet} of wall-clock time, the wall clock (less the out-of-orderness). Without it the last minute of
 * a feed that goes quiet (a collector stopped) never closes: event time only moves with events, and idleness
 * freezes the watermark when every partition is idle. A quiet partition at the wall clock holds no one back, as
 * an idle one would; when all are quiet every window closes. A partition that has delivered nothing since the
 * start (an empty one, or a restored job whose first fetch is on its way) is only marked idle: a wall-clock
 * watermark then would make a whole backlog late.
 *
 * <p>The risk is the one idleness has: every partition stalled (not quiet) for longer than {@code quiet}. Events
 * then arrive behind the watermark and count as revisions within the job's lateness, or go to the late topic
 * after it, never silently away. A bounded job (a recount) does not use this: the end of its input closes every
 * window.
 */
final class QuietFeedWatermarks implements WatermarkGenerator<byte[]> {
    private final long outOfOrderMillis;
    private final long quietMillis;
    private final LongSupplier clockMillis;
    private long maxTimestamp = Long.MIN_VALUE;
    private long lastArrival;
    private long emitted = Long.MIN_VALUE;

    QuietFeedWatermarks(Duration outOfOrder, Duration quiet, LongSupplier clockMillis) {
        this.outOfOrderMillis = outOfOrder.toMillis();
        this.quietMillis = quiet.toMillis();
        this.clockMillis = clockMillis;
        this.lastArrival = clockMillis.getAsLong();
    }

    @Override
    public void onEvent(byte[] record, long timestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, timestamp);
        lastArrival = clockMillis.getAsLong();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clockMillis.getAsLong();
        long watermark;
        if (maxTimestamp == Long.MIN_VALUE) {
            // Nothing heard yet (an empty partition, or a restored job whose first fetch is on its way): never a
            // wall-clock watermark, which would make a whole backlog late; idle, so it holds no one back
            if (now - lastArrival >= quietMillis) {
                output.markIdle();
            }
            return;
        } else if (now - lastArrival >= quietMillis) {
            watermark = now - outOfOrderMillis - 1;
        } else {
            watermark = maxTimestamp - outOfOrderMillis - 1;
        }
        if (watermark > emitted) { // watermarks never go back
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
