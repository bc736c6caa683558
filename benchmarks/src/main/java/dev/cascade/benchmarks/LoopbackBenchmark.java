package dev.cascade.benchmarks;

import dev.cascade.analytics.EventCounts;
import dev.cascade.analytics.LiquidationTotals;
import dev.cascade.analytics.dedupe.DedupingListener;
import dev.cascade.ingest.live.FeedStats;
import dev.cascade.ingest.live.InstrumentDiscovery;
import dev.cascade.ingest.live.LiveFeeds;
import dev.cascade.ingest.live.LivePipeline;
import dev.cascade.ingest.live.RestClient;
import dev.cascade.ingest.live.RestRecorder;
import dev.cascade.ingest.live.WebSocketFeed;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Tee;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.sim.SimConfig;
import dev.cascade.sim.Simulator;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.VenueRegistry;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.Endpoints;
import dev.cascade.venues.feed.FeedPlan;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Simulator to aggregator over loopback, in one JVM: the simulator publishes at a set rate, the live feeds
 * read every venue, and the pipeline decodes, dedupes and aggregates. Reports frames decoded per second and
 * the latency from the simulator publishing a Binance aggTrade to the aggregator seeing it (HdrHistogram).
 *
 * <pre>  java -cp benchmarks/target/benchmarks.jar dev.cascade.benchmarks.LoopbackBenchmark [SECONDS] [RATE...]</pre>
 * RATE is trades per second per instrument (14 instruments; Binance and OKX send one frame per trade).
 */
public final class LoopbackBenchmark {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double[] rates = args.length > 1 ? java.util.Arrays.stream(args).skip(1).mapToDouble(Double::parseDouble).toArray()
                : new double[] {100, 1000, 5000};
        System.out.printf("%-12s %14s %14s %10s %10s %10s %10s %10s%n", "rate/instr", "frames/s sent", "frames/s decoded",
                "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs");
        for (double rate : rates) {
            run(rate, seconds);
        }
    }

    private static void run(double rate, int seconds) throws Exception {
        try (Simulator sim = Simulator.start(SimConfig.defaults().withRates(rate, 1))) {
            VenueDecoders decoders = new VenueDecoders(new InstrumentRegistry());
            HttpClient http = HttpClient.newHttpClient();
            Endpoints endpoints = Endpoints.simulator(sim.uri());
            FeedStats stats = new FeedStats();
            Histogram latency = new Histogram(3_600_000_000L, 3);
            boolean[] measuring = {false};
            MarketListener tap = new MarketListener() {
                @Override
                public void onTrade(Trade t) {
                    if (measuring[0] && (t.venue() == Venue.BINANCE_USDM || t.venue() == Venue.BINANCE_COINM)) {
                        long sent = sim.sentNanos(t.venue(), t.instrument().symbol(), t.id());
                        if (sent > 0) {
                            latency.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
                        }
                    }
                }
            };
            DedupingListener chain = new DedupingListener(new Tee(new EventCounts(), new LiquidationTotals(), tap));
            LivePipeline pipeline = new LivePipeline(decoders, chain, null, stats, 1 << 16, () -> { }, 500);
            pipeline.start();
            InstrumentDiscovery discovery = new InstrumentDiscovery(RestClient.standard(http), decoders, endpoints,
                    RestRecorder.NONE);
            try (LiveFeeds feeds = new LiveFeeds(http, WebSocketFeed.Policy.standard(), stats, pipeline)) {
                for (Venue venue : VenueRegistry.venues()) {
                    FeedPlan plan = VenueRegistry.of(venue).feedPlan(venue);
                    feeds.start(plan.connections(endpoints.of(plan.venue()).webSocket(), discovery.perpetuals(plan, Set.of()),
                            Channels.ALL), plan.connectSpacing());
                }
                Thread.sleep(5000); // connect and warm up
                measuring[0] = true;
                long sent0 = sim.stats().framesSent.get();
                long decoded0 = pipeline.processed();
                long t0 = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                double elapsed = (System.nanoTime() - t0) / 1e9;
                measuring[0] = false;
                long sent = sim.stats().framesSent.get() - sent0;
                long decoded = pipeline.processed() - decoded0;
                System.out.printf("%-12.0f %14.0f %14.0f %10d %10d %10d %10d %10d%n", rate, sent / elapsed, decoded / elapsed,
                        latency.getValueAtPercentile(50), latency.getValueAtPercentile(90), latency.getValueAtPercentile(99),
                        latency.getValueAtPercentile(99.9), latency.getMaxValue());
            }
            pipeline.close();
        }
    }
}
