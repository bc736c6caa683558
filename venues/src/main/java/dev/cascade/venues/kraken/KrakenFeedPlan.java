package dev.cascade.venues.kraken;

import dev.cascade.model.Venue;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.feed.FeedPlan;
import dev.cascade.venues.feed.Keepalive;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How Kraken Futures is read live (research/venues-next.md §5): the {@code trade} feed of every perpetual
 * (liquidations are trades of type {@code liquidation}, so {@code --liquidations-only} still reads trades),
 * 100 products a subscribe message, and the {@code heartbeat} feed, which Kraken accepts instead of a client
 * ping every 60 s; errors are {@code {"event":"error"}} replies.
 */
public final class KrakenFeedPlan implements FeedPlan {
    static final int PRODUCTS_PER_MESSAGE = 100;

    @Override
    public Venue venue() {
        return Venue.KRAKEN_FUTURES;
    }

    @Override
    public String instrumentsPath() {
        return "/derivatives/api/v3/instruments";
    }

    @Override
    public List<ConnectionSpec> connections(URI base, List<String> symbols, Channels channels) {
        List<String> messages = new ArrayList<>();
        messages.add("{\"event\":\"subscribe\",\"feed\":\"heartbeat\"}");
        for (List<String> batch : FeedPlan.chunks(symbols, PRODUCTS_PER_MESSAGE)) {
            messages.add("{\"event\":\"subscribe\",\"feed\":\"trade\",\"product_ids\":[\"" + String.join("\",\"", batch) + "\"]}");
        }
        return List.of(new ConnectionSpec(Venue.KRAKEN_FUTURES.id() + "#1", Venue.KRAKEN_FUTURES, base, messages,
                Duration.ofMillis(100), Keepalive.controlPong(Duration.ofSeconds(30)), Duration.ofSeconds(30), null,
                text -> text.contains("\"event\":\"error\"")));
    }
}
