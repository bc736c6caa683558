package dev.cascade.flink;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * A live job's watermarks: bounded out-of-orderness while a partition delivers, and, once it has delivered
 * nothing for {@code quiet} of wall-clock time, event time moving on with the wall clock from its last event.
 * Without it the last minute of a feed that goes quiet (a collector stopped, a market closed) never closes:
 * event time only moves with events. A partition that has delivered nothing for {@code quiet} since the start follows the wall
 * clock, so it holds no one back (what idleness does, without freezing the watermark when every partition is quiet).
 *
 * <p>The risk is a partition that is not quiet but stalled (backpressure, a long pause) for longer than
 * {@code quiet}: its events then arrive behind its watermark, and count as revisions within the job's lateness
 * or go to the late topic after it, never silently away. A bounded job (a recount) does not use this: the end of
 * its input closes every window.
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
            if (now - lastArrival < quietMillis) {
                return; // not yet heard from: a backlog's first fetch may still be on its way
            }
            watermark = now - outOfOrderMillis - 1;
        } else if (now - lastArrival >= quietMillis) {
            watermark = maxTimestamp + (now - lastArrival) - outOfOrderMillis - 1;
        } else {
            watermark = maxTimestamp - outOfOrderMillis - 1;
        }
        if (watermark > emitted) { // watermarks never go back
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
