package dev.cascade.venues.dydx;

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
 * How dYdX v4 is read live (research/venues-next.md §6): {@code v4_trades} per market, batched, one subscribe
 * message each, 100 markets a connection. Liquidations are trades here, so {@code --liquidations-only} still
 * reads trades. The indexer pings with control frames every 30 s, which the client answers itself; errors are
 * {@code {"type":"error"}} replies.
 */
public final class DydxFeedPlan implements FeedPlan {
    static final int MARKETS_PER_CONNECTION = 100;

    @Override
    public Venue venue() {
        return Venue.DYDX;
    }

    @Override
    public String instrumentsPath() {
        return "/v4/perpetualMarkets";
    }

    @Override
    public List<ConnectionSpec> connections(URI base, List<String> markets, Channels channels) {
        List<ConnectionSpec> specs = new ArrayList<>();
        int n = 0;
        for (List<String> group : FeedPlan.chunks(markets, MARKETS_PER_CONNECTION)) {
            List<String> messages = new ArrayList<>();
            for (String m : group) {
                messages.add("{\"type\":\"subscribe\",\"channel\":\"v4_trades\",\"id\":\"" + m + "\",\"batched\":true}");
            }
            specs.add(new ConnectionSpec(Venue.DYDX.id() + "#" + ++n, Venue.DYDX, base, messages, Duration.ofMillis(50),
                    Keepalive.controlPong(Duration.ofSeconds(20)), Duration.ofSeconds(45), null,
                    text -> text.contains("\"type\":\"error\"")));
        }
        return specs;
    }
}
