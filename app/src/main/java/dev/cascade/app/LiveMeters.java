package dev.cascade.app;

import dev.cascade.ingest.live.FeedStats;
import dev.cascade.model.Venue;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Prometheus series of a live run's feeds and pipeline (the server adds the JVM's, HTTP's and the read-out's
 * liquidation series): running totals are counters (exposed with {@code _total}), levels are gauges.
 */
final class LiveMeters {
    private LiveMeters() {
    }

    static void register(MeterRegistry r, LiveJob job, Iterable<Venue> venues, Readouts readouts) {
        for (Venue v : venues) {
            FeedStats.VenueStats s = job.feedStats().of(v);
            Tags tags = Tags.of("venue", v.id());
            counter(r, "cascade_frames", "Frames received from the venue's sockets", tags, s.frames);
            counter(r, "cascade_frame_rejects", "Rejections of the venue's frames (malformed, implausible, unknown "
                    + "instrument, ...)", tags, s.rejects);
            FunctionCounter.builder("cascade_reconnects", s, x -> x.losses()).tags(tags)
                    .description("Connections lost (closed by the venue, failed or found stale) and so reopened")
                    .register(r);
            counter(r, "cascade_feed_errors", "Error messages sent by the venue", tags, s.errors);
            counter(r, "cascade_gaps_found", "Gaps found in the venue's trade ids", tags, s.gapsFound);
            counter(r, "cascade_gaps_filled", "Trade gaps filled over REST", tags, s.gapsFilled);
            counter(r, "cascade_gaps_unfillable", "Trade gaps REST could not fill", tags, s.gapsUnfillable);
        }
        Gauge.builder("cascade_connections_live", job, LiveJob::liveConnections)
                .description("Venue connections open now").register(r);
        Gauge.builder("cascade_pipeline_backlog", job, LiveJob::backlog)
                .description("Frames waiting for the pipeline thread (its lag, in frames)").register(r);
        counter(r, "cascade_readout_waits", "Read-outs asked for that the pipeline had not made within the wait "
                + "(it was behind)", Tags.empty(), readouts.waits());
        Gauge.builder("cascade_figures_age_seconds", readouts, x -> x.ageSeconds(System.currentTimeMillis()))
                .description("Wall time since the figures were last read out").register(r);
        FunctionCounter.builder("cascade_rejected", job, j -> j.snapshot() == null ? 0 : j.snapshot().rejected())
                .description("Inputs rejected with a reason, of every venue and source").register(r);
        FunctionCounter.builder("cascade_duplicates", job, j -> j.snapshot() == null ? 0 : j.snapshot().duplicates())
                .description("Liquidations and trades dropped as already seen").register(r);
    }

    private static void counter(MeterRegistry r, String name, String help, Tags tags, AtomicLong value) {
        FunctionCounter.builder(name, value, AtomicLong::get).tags(tags).description(help).register(r);
    }
}
