package dev.cascade.venues.bitfinex;

import dev.cascade.model.Venue;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.feed.FeedPlan;
import dev.cascade.venues.feed.Keepalive;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How Bitfinex derivatives are read live (research/venues-next.md §8): one connection to {@code ws/2} subscribed
 * to the {@code status} channel's {@code liq:global} key, which covers every pair. The channel sends {@code hb}
 * heartbeats; a ping event goes out when nothing arrived for 20 s. Errors are {@code {"event":"error"}}.
 */
public final class BitfinexFeedPlan implements FeedPlan {
    @Override
    public Venue venue() {
        return Venue.BITFINEX;
    }

    @Override
    public String instrumentsPath() {
        return "/v2/status/deriv?keys=ALL";
    }

    @Override
    public List<ConnectionSpec> connections(URI base, List<String> symbols, Channels channels) {
        return List.of(new ConnectionSpec(Venue.BITFINEX.id() + "#1", Venue.BITFINEX, URI.create(base + "/ws/2"),
                List.of("{\"event\":\"subscribe\",\"channel\":\"status\",\"key\":\"liq:global\"}"), Duration.ofMillis(100),
                Keepalive.textWhenIdle("{\"event\":\"ping\",\"cid\":1}", Duration.ofSeconds(20)), Duration.ofSeconds(60), null,
                text -> text.contains("\"event\":\"error\"")));
    }
}
