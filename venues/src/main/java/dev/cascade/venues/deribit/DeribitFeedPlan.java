package dev.cascade.venues.deribit;

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
 * How Deribit is read live (research/venues-next.md §2): {@code trades.future.any.100ms} carries every futures
 * trade and so every liquidation ({@code raw} needs a key; 100 ms still lists each trade), and
 * {@code ticker.NAME.100ms} per perpetual its mark price, funding and open interest; 100 channels a
 * {@code public/subscribe}. Liquidations are trades here, so {@code --liquidations-only} still reads trades.
 * {@code public/test} every 20 s keeps a quiet connection busy; errors are replies with {@code "error"}.
 */
public final class DeribitFeedPlan implements FeedPlan {
    static final int CHANNELS_PER_MESSAGE = 100;
    static final String TRADES = "trades.future.any.100ms";

    @Override
    public Venue venue() {
        return Venue.DERIBIT;
    }

    @Override
    public String instrumentsPath() {
        return "/api/v2/public/get_instruments?currency=any&kind=future";
    }

    @Override
    public List<ConnectionSpec> connections(URI base, List<String> names, Channels channels) {
        List<String> subscribe = new ArrayList<>();
        subscribe.add("\"" + TRADES + "\"");
        if (channels.hasMarkPrices() || channels.hasOpenInterest()) {
            names.forEach(n -> subscribe.add("\"ticker." + n + ".100ms\""));
        }
        List<String> messages = new ArrayList<>();
        int id = 0;
        for (List<String> batch : FeedPlan.chunks(subscribe, CHANNELS_PER_MESSAGE)) {
            messages.add("{\"jsonrpc\":\"2.0\",\"id\":" + ++id + ",\"method\":\"public/subscribe\",\"params\":{\"channels\":["
                    + String.join(",", batch) + "]}}");
        }
        return List.of(new ConnectionSpec(Venue.DERIBIT.id() + "#1", Venue.DERIBIT, base, messages, Duration.ofMillis(100),
                Keepalive.textEvery("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"public/test\",\"params\":{}}",
                        Duration.ofSeconds(20)), Duration.ofSeconds(30), null, text -> text.contains("\"error\"")));
    }
}
