package dev.cascade.ingest.live;

import dev.cascade.model.Venue;
import dev.cascade.venues.feed.ConnectionSpec;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Every live connection of a run: one {@link WebSocketFeed} per {@link ConnectionSpec}, sharing a scheduler. */
public final class LiveFeeds implements AutoCloseable {
    private final HttpClient http;
    private final WebSocketFeed.Policy policy;
    private final FeedStats stats;
    private final WebSocketFeed.FrameSink sink;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "feeds");
        t.setDaemon(true);
        return t;
    });
    private final Map<Venue, ConnectGate> gates = new EnumMap<>(Venue.class);
    private final List<WebSocketFeed> feeds = new ArrayList<>();

    public LiveFeeds(HttpClient http, WebSocketFeed.Policy policy, FeedStats stats, WebSocketFeed.FrameSink sink) {
        this.http = http;
        this.policy = policy;
        this.stats = stats;
        this.sink = sink;
    }

    /** Adds and starts connections; connection attempts to one venue are at least {@code spacing} apart. */
    public synchronized void start(List<ConnectionSpec> specs, Duration spacing) {
        for (ConnectionSpec spec : specs) {
            ConnectGate gate = gates.computeIfAbsent(spec.venue(), v -> new ConnectGate(spacing));
            WebSocketFeed feed = new WebSocketFeed(spec, http, sink, scheduler, policy, stats, gate);
            feeds.add(feed);
            feed.start();
        }
    }

    public synchronized List<WebSocketFeed> feeds() {
        return List.copyOf(feeds);
    }

    /** How many connections are open and carrying data. */
    public synchronized int live() {
        return (int) feeds.stream().filter(WebSocketFeed::isLive).count();
    }

    @Override
    public synchronized void close() {
        feeds.forEach(WebSocketFeed::close);
        scheduler.shutdownNow();
    }
}
