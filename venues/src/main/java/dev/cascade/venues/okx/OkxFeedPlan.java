package dev.cascade.venues.okx;

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
 * How OKX v5 swaps are read live (research/formats.md §4.1): {@code liquidation-orders} for every swap on the
 * first connection, {@code trades}, {@code open-interest} and {@code funding-rate} per instrument, 100
 * instruments a connection, 50 args a subscribe message, 400 ms apart (480 subscribe requests an hour per
 * connection). OKX drops a connection after 30 s without data, so the text {@code ping} goes out after 20 s
 * of silence; errors are {@code {"event":"error"}} replies.
 */
public final class OkxFeedPlan implements FeedPlan {
    static final int INSTRUMENTS_PER_CONNECTION = 100;
    static final int ARGS_PER_MESSAGE = 50;

    @Override
    public Venue venue() {
        return Venue.OKX_SWAP;
    }

    @Override
    public Duration connectSpacing() {
        return Duration.ofMillis(400);
    }

    @Override
    public String instrumentsPath() {
        return "/api/v5/public/instruments?instType=SWAP";
    }

    @Override
    public List<ConnectionSpec> connections(URI base, List<String> instIds, Channels channels) {
        List<ConnectionSpec> specs = new ArrayList<>();
        List<List<String>> groups = instIds.isEmpty() ? List.of(List.of()) : FeedPlan.chunks(instIds, INSTRUMENTS_PER_CONNECTION);
        int n = 0;
        for (List<String> group : groups) {
            List<String> args = new ArrayList<>();
            if (n == 0) {
                args.add("{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"}");
            }
            for (String id : group) {
                if (channels.hasTrades()) {
                    args.add("{\"channel\":\"trades\",\"instId\":\"" + id + "\"}");
                }
                if (channels.hasOpenInterest()) {
                    args.add("{\"channel\":\"open-interest\",\"instId\":\"" + id + "\"}");
                }
                if (channels.hasMarkPrices()) {
                    args.add("{\"channel\":\"funding-rate\",\"instId\":\"" + id + "\"}");
                }
            }
            if (args.isEmpty()) {
                continue;
            }
            List<String> messages = new ArrayList<>();
            for (List<String> batch : FeedPlan.chunks(args, ARGS_PER_MESSAGE)) {
                messages.add("{\"op\":\"subscribe\",\"args\":[" + String.join(",", batch) + "]}");
            }
            specs.add(new ConnectionSpec(Venue.OKX_SWAP.id() + "#" + ++n, Venue.OKX_SWAP, base, messages,
                    Duration.ofMillis(400), Keepalive.textWhenIdle("ping", Duration.ofSeconds(20)), Duration.ofSeconds(30),
                    null, text -> text.contains("\"event\":\"error\"")));
        }
        return specs;
    }
}
