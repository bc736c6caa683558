package dev.cascade.venues.bybit;

import com.fasterxml.jackson.databind.JsonNode;
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
 * How Bybit v5 linear and inverse are read live (research/formats.md §3.1): per-symbol topics
 * ({@code allLiquidation}, {@code publicTrade}, {@code tickers}) on {@code /v5/public/linear|inverse},
 * subscribed 100 topics a message (far below the 21,000-character args limit), 100 symbols a connection;
 * {@code {"op":"ping"}} every 20 s as Bybit recommends; errors are replies with {@code "success":false}.
 */
public final class BybitFeedPlan implements FeedPlan {
    static final int SYMBOLS_PER_CONNECTION = 100;
    static final int TOPICS_PER_MESSAGE = 100;

    private final Venue venue;

    private BybitFeedPlan(Venue venue) {
        this.venue = venue;
    }

    public static BybitFeedPlan linear() {
        return new BybitFeedPlan(Venue.BYBIT_LINEAR);
    }

    public static BybitFeedPlan inverse() {
        return new BybitFeedPlan(Venue.BYBIT_INVERSE);
    }

    @Override
    public Venue venue() {
        return venue;
    }

    @Override
    public String instrumentsPath() {
        return "/v5/market/instruments-info?category=" + (venue == Venue.BYBIT_LINEAR ? "linear" : "inverse") + "&limit=1000";
    }

    /** Bybit pages its instrument list: the path of the next page, or null after the last. */
    @Override
    public String nextPagePath(JsonNode response) {
        String cursor = response.path("result").path("nextPageCursor").asText("");
        return cursor.isEmpty() ? null : instrumentsPath() + "&cursor=" + java.net.URLEncoder.encode(cursor,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public List<ConnectionSpec> connections(URI base, List<String> symbols, Channels channels) {
        List<ConnectionSpec> specs = new ArrayList<>();
        int n = 0;
        for (List<String> group : FeedPlan.chunks(symbols, SYMBOLS_PER_CONNECTION)) {
            List<String> topics = new ArrayList<>();
            for (String s : group) {
                topics.add("allLiquidation." + s);
                if (channels.hasTrades()) {
                    topics.add("publicTrade." + s);
                }
                if (channels.hasMarkPrices() || channels.hasOpenInterest()) {
                    topics.add("tickers." + s);
                }
            }
            List<String> messages = new ArrayList<>();
            int id = 1;
            for (List<String> args : FeedPlan.chunks(topics, TOPICS_PER_MESSAGE)) {
                messages.add("{\"req_id\":\"" + id++ + "\",\"op\":\"subscribe\",\"args\":[\"" + String.join("\",\"", args)
                        + "\"]}");
            }
            specs.add(new ConnectionSpec(venue.id() + "#" + ++n, venue, base, messages, Duration.ofMillis(100),
                    Keepalive.textEvery("{\"op\":\"ping\"}", Duration.ofSeconds(20)), Duration.ofSeconds(45), null,
                    text -> text.contains("\"success\":false")));
        }
        return specs;
    }
}
