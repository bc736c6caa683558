package dev.cascade.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The meters every server has, whatever serves it: the JVM and the process (Micrometer's binders), HTTP requests
 * by route and status, the live stream, and the business series read from the published read-out (events, and
 * liquidations in USD and in orders by venue and side), so that {@code serve} and {@code live --serve} answer the
 * same queries. Running totals are counters ({@code _total}); everything carries a HELP line.
 */
final class ServerMeters implements AutoCloseable {
    /** The route label of a request no endpoint matched: its path would make a series per probe. */
    static final String UNMATCHED = "unmatched";

    private final MeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** The latest read-out's whole-input {@code byVenue}, read once per read-out rather than once per counter. */
    private volatile ByVenue byVenue = new ByVenue(Published.EMPTY, MissingNode.getInstance());

    ServerMeters(MeterRegistry registry, MarketView view, Stream stream) {
        this.registry = registry;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder("cascade_stream_clients", stream, Stream::clients)
                .description("Clients connected to the live stream").register(registry);
        FunctionCounter.builder("cascade_stream_dropped", stream, Stream::dropped)
                .description("Stream messages dropped for clients that did not keep up").register(registry);
        FunctionCounter.builder("cascade_events", view, v -> v.published().events())
                .description("Events in the published read-out (liquidations, trades, prices, open interest, ...)")
                .register(registry);
        Gauge.builder("cascade_event_lag_seconds", view, ServerMeters::lagSeconds)
                .description("Wall time since the latest event of the published read-out (NaN before the first)")
                .register(registry);
        for (Venue venue : Venue.values()) {
            for (Side side : Side.values()) {
                String v = venue.id();
                String s = side.id();
                FunctionCounter.builder("cascade_liquidations_usd", view, x -> liquidations(x, v, s + "Usd"))
                        .description("Liquidated notional in USD by venue and side (long: longs closed)")
                        .tags("venue", v, "side", s).register(registry);
                FunctionCounter.builder("cascade_liquidations", view, x -> liquidations(x, v, s + "Count"))
                        .description("Liquidation orders by venue and side (long: longs closed)")
                        .tags("venue", v, "side", s).register(registry);
            }
        }
    }

    /** Counts a finished request under its route (the endpoint's pattern, not the path) and status. */
    void request(Context ctx, float millis) {
        Endpoint e = ctx.endpoints().lastHttpEndpoint();
        String route = e == null || ctx.status().getCode() == 404 && "*".equals(e.path) ? UNMATCHED : e.path;
        Timer.builder("cascade_http_requests")
                .description("HTTP requests by method, route (the endpoint's pattern) and status")
                .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(ctx.status().getCode()))
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    private static double lagSeconds(MarketView view) {
        long at = view.published().atMicros();
        return at == 0 ? Double.NaN : (Micros.of(Instant.now()) - at) / 1e6;
    }

    /** A field of the whole-input liquidation summary's venue entry; whole-input sums never go down. */
    private double liquidations(MarketView view, String venue, String field) {
        Published p = view.published();
        ByVenue b = byVenue;
        if (b.published() != p) {
            JsonNode all = p.liquidations("all");
            b = new ByVenue(p, all == null ? MissingNode.getInstance() : all.path("byVenue"));
            byVenue = b;
        }
        return b.node().path(venue).path(field).asDouble(0);
    }

    private record ByVenue(Published published, JsonNode node) {
    }

    @Override
    public void close() {
        gc.close();
    }
}
