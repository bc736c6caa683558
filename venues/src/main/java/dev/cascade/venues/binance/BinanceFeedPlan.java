package dev.cascade.venues.binance;

import dev.cascade.model.Venue;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.feed.FeedPlan;
import dev.cascade.venues.feed.Keepalive;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How Binance USDⓈ-M and COIN-M are read live (research/formats.md §1.1, §2):
 * <ul>
 *   <li>combined streams at {@code <base>/stream}, subscribed with {@code SUBSCRIBE} messages of at most 50
 *       streams, 150 ms apart: under the limit of 10 incoming messages per second per connection;</li>
 *   <li>at most 200 streams per connection (the docs now say 1024; 200 is the long-standing safe value);</li>
 *   <li>{@code !forceOrder@arr} for every symbol's liquidations, {@code <symbol>@aggTrade} and
 *       {@code <symbol>@markPrice@1s} per symbol. A connection with nothing else gets one mark-price stream as
 *       a heartbeat, so that a quiet market is not mistaken for a dead socket;</li>
 *   <li>the server pings every 3 minutes (the client library answers) and accepts unsolicited pongs; a
 *       connection lives at most 24 hours, so it is replaced after 23.</li>
 * </ul>
 */
public final class BinanceFeedPlan implements FeedPlan {
    static final int MAX_STREAMS = 200;
    static final int STREAMS_PER_MESSAGE = 50;

    private final Venue venue;

    private BinanceFeedPlan(Venue venue) {
        this.venue = venue;
    }

    public static BinanceFeedPlan usdm() {
        return new BinanceFeedPlan(Venue.BINANCE_USDM);
    }

    public static BinanceFeedPlan coinm() {
        return new BinanceFeedPlan(Venue.BINANCE_COINM);
    }

    @Override
    public Venue venue() {
        return venue;
    }

    @Override
    public String instrumentsPath() {
        return venue == Venue.BINANCE_USDM ? "/fapi/v1/exchangeInfo" : "/dapi/v1/exchangeInfo";
    }

    @Override
    public List<ConnectionSpec> connections(URI base, List<String> symbols, Channels channels) {
        List<String> streams = new ArrayList<>();
        streams.add("!forceOrder@arr");
        for (String s : symbols) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (channels.hasTrades()) {
                streams.add(lower + "@aggTrade");
            }
            if (channels.hasMarkPrices()) {
                streams.add(lower + "@markPrice@1s");
            }
        }
        if (streams.size() == 1 && !symbols.isEmpty()) {
            streams.add(symbols.get(0).toLowerCase(Locale.ROOT) + "@markPrice@1s"); // the heartbeat
        }
        List<ConnectionSpec> specs = new ArrayList<>();
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + "/stream");
        int n = 0;
        for (List<String> group : FeedPlan.chunks(streams, MAX_STREAMS)) {
            List<String> messages = new ArrayList<>();
            int id = 1;
            for (List<String> params : FeedPlan.chunks(group, STREAMS_PER_MESSAGE)) {
                messages.add("{\"method\":\"SUBSCRIBE\",\"params\":[\"" + String.join("\",\"", params) + "\"],\"id\":"
                        + id++ + "}");
            }
            specs.add(new ConnectionSpec(venue.id() + "#" + ++n, venue, uri, messages, Duration.ofMillis(150),
                    Keepalive.controlPong(Duration.ofMinutes(5)), Duration.ofSeconds(30), Duration.ofHours(23),
                    text -> text.startsWith("{\"error\"") || text.contains("\"error\":{")));
        }
        return specs;
    }
}
