package dev.cascade.flink;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * A live job's watermarks: bounded out-of-orderness while a partition delivers; once it has delivered nothing
 * for {@code quiet} of wall-clock time, the wall clock (less the out-of-orderness), but only if its last event was
 * live: within {@code liveWithin} of the wall clock when it arrived. Without it the last minute of a feed that
 * goes quiet (a collector stopped) never closes: event time only moves with events, and idleness freezes the
 * watermark when every partition is idle. A quiet partition at the wall clock holds no one back, as an idle one
 * would; when all are quiet every window closes.
 *
 * <p>Why only live partitions: a partition can also go without records while it still has a backlog (a restored
 * job catching up, a recording published into the topics, a reader paused by watermark alignment or held by
 * backpressure). Moving such a partition to the wall clock would close every minute of its backlog early: the
 * rest of the backlog would arrive behind the watermark, as revisions or, further back than the lateness, into
 * the late topic, and a savepoint taken then would hold none of those minutes open. Its watermark stays with its
 * events instead. A partition that has delivered nothing since the start (an empty one, or a restored job whose
 * first fetch is on its way) is only marked idle, so it holds no one back, and not before {@link #FIRST_FETCH}:
 * a restored reader's first fetch can take seconds on a loaded machine, and marked idle before it arrives, the
 * other partitions would run ahead and its backlog arrive late (SavepointUpgradeTest failed so, 1 run in 3). An
 * empty partition holds the others back that long at a start, once.
 *
 * <p>The remaining risk is idleness's own: a live partition stalled (not quiet) for longer than {@code quiet}.
 * Its events then arrive behind the watermark and count as revisions within the job's lateness, or go to the late
 * topic after it, never silently away. A bounded job (a recount) does not use this: the end of its input closes
 * every window.
 */
final class QuietFeedWatermarks implements WatermarkGenerator<byte[]> {
    /** The least time a partition that has delivered nothing is given before it is marked idle. */
    static final Duration FIRST_FETCH = Duration.ofSeconds(30);

    private final long outOfOrderMillis;
    private final long quietMillis;
    private final long liveWithinMillis;
    private final LongSupplier clockMillis;
    private long maxTimestamp = Long.MIN_VALUE;
    private long lastArrival;
    private long emitted = Long.MIN_VALUE;

    QuietFeedWatermarks(Duration outOfOrder, Duration quiet, Duration liveWithin, LongSupplier clockMillis) {
        this.outOfOrderMillis = outOfOrder.toMillis();
        this.quietMillis = quiet.toMillis();
        this.liveWithinMillis = liveWithin.toMillis();
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
        boolean isQuiet = now - lastArrival >= quietMillis;
        if (maxTimestamp == Long.MIN_VALUE) {
            // Nothing heard yet: never a wall-clock watermark; idle once quiet, so that it holds no one back
            if (isQuiet && now - lastArrival >= FIRST_FETCH.toMillis()) {
                output.markIdle();
            }
            return;
        }
        boolean wasLive = lastArrival - maxTimestamp <= liveWithinMillis;
        long watermark = isQuiet && wasLive ? now - outOfOrderMillis - 1 : maxTimestamp - outOfOrderMillis - 1;
        if (watermark > emitted) { // watermarks never go back
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
