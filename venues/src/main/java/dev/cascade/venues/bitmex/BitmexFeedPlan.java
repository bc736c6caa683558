package dev.cascade.venues.bitmex;

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
 * How BitMEX is read live (research/venues-next.md §1): the {@code liquidation} table for every instrument on
 * the first connection, {@code trade:SYMBOL} and {@code instrument:SYMBOL} per perpetual, 100 symbols a
 * connection, 50 topics a subscribe message. BitMEX asks clients to send the text {@code ping} when nothing
 * arrived for 5 s (it answers {@code pong}); errors are {@code {"error":...}} replies.
 */
public final class BitmexFeedPlan implements FeedPlan {
    static final int SYMBOLS_PER_CONNECTION = 100;
    static final int TOPICS_PER_MESSAGE = 50;

    @Override
    public Venue venue() {
        return Venue.BITMEX;
    }

    @Override
    public String instrumentsPath() {
        return "/api/v1/instrument/active";
    }

    @Override
    public List<ConnectionSpec> connections(URI base, List<String> symbols, Channels channels) {
        List<ConnectionSpec> specs = new ArrayList<>();
        List<List<String>> groups = symbols.isEmpty() ? List.of(List.of()) : FeedPlan.chunks(symbols, SYMBOLS_PER_CONNECTION);
        int n = 0;
        for (List<String> group : groups) {
            List<String> topics = new ArrayList<>();
            if (n == 0) {
                topics.add("\"liquidation\"");
            }
            for (String s : group) {
                if (channels.hasTrades()) {
                    topics.add("\"trade:" + s + "\"");
                }
                if (channels.hasMarkPrices() || channels.hasOpenInterest()) {
                    topics.add("\"instrument:" + s + "\"");
                }
            }
            if (topics.isEmpty()) {
                continue;
            }
            List<String> messages = new ArrayList<>();
            for (List<String> batch : FeedPlan.chunks(topics, TOPICS_PER_MESSAGE)) {
                messages.add("{\"op\":\"subscribe\",\"args\":[" + String.join(",", batch) + "]}");
            }
            specs.add(new ConnectionSpec(Venue.BITMEX.id() + "#" + ++n, Venue.BITMEX, base, messages,
                    Duration.ofMillis(100), Keepalive.textWhenIdle("ping", Duration.ofSeconds(5)), Duration.ofSeconds(30),
                    null, text -> text.contains("\"error\"")));
        }
        return specs;
    }
}
