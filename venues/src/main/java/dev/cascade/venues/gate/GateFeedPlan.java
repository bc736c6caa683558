package dev.cascade.venues.gate;

import dev.cascade.model.Venue;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.feed.FeedPlan;
import dev.cascade.venues.feed.Keepalive;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How Gate USDT futures are read live (research/venues-next.md §4): one connection to {@code /v4/ws/usdt}
 * subscribed to {@code futures.public_liquidates} with {@code ["!all"]} (every contract). The server's
 * protocol-level pings are answered by the client library; a {@code futures.ping} goes out every 15 s so that a
 * quiet market still shows the connection alive. Errors are replies whose {@code error} is an object.
 */
public final class GateFeedPlan implements FeedPlan {
    @Override
    public Venue venue() {
        return Venue.GATE_LINEAR;
    }

    @Override
    public String instrumentsPath() {
        return "/api/v4/futures/usdt/contracts";
    }

    @Override
    public List<ConnectionSpec> connections(URI base, List<String> contracts, Channels channels) {
        return List.of(new ConnectionSpec(Venue.GATE_LINEAR.id() + "#1", Venue.GATE_LINEAR, URI.create(base + "/v4/ws/usdt"),
                List.of("{\"channel\":\"futures.public_liquidates\",\"event\":\"subscribe\",\"payload\":[\"!all\"]}"),
                Duration.ofMillis(100), Keepalive.textEvery("{\"channel\":\"futures.ping\"}", Duration.ofSeconds(15)),
                Duration.ofSeconds(60), null, text -> text.contains("\"error\":{")));
    }
}
