package dev.cascade.venues.bitget;

import dev.cascade.model.Venue;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.feed.FeedPlan;
import dev.cascade.venues.feed.Keepalive;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How Bitget USDT-M is read live (research/venues-next.md §7): the UTA {@code liquidation} topic of
 * {@code usdt-futures}, one subscription for every pair. Its trade and ticker topics are not among the verified
 * formats, so only liquidations are read. Text {@code ping} every 30 s (Bitget answers {@code pong});
 * errors are {@code {"event":"error"}} replies.
 */
public final class BitgetFeedPlan implements FeedPlan {
    @Override
    public Venue venue() {
        return Venue.BITGET_USDTM;
    }

    @Override
    public String instrumentsPath() {
        return "/api/v2/mix/market/contracts?productType=USDT-FUTURES";
    }

    @Override
    public List<ConnectionSpec> connections(URI base, List<String> symbols, Channels channels) {
        return List.of(new ConnectionSpec(Venue.BITGET_USDTM.id() + "#1", Venue.BITGET_USDTM, base,
                List.of("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"usdt-futures\",\"topic\":\"liquidation\"}]}"),
                Duration.ofMillis(100), Keepalive.textEvery("ping", Duration.ofSeconds(30)), Duration.ofSeconds(60), null,
                text -> text.contains("\"event\":\"error\"")));
    }
}
