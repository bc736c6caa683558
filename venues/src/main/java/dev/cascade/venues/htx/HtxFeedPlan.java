package dev.cascade.venues.htx;

import dev.cascade.model.Venue;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.feed.FeedPlan;
import dev.cascade.venues.feed.Keepalive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How HTX swaps are read live (research/venues-next.md §3): one notification connection per venue
 * ({@code /linear-swap-notification}, {@code /swap-notification}) subscribed to {@code public.*.liquidation_orders}
 * (every contract; no key needed). Frames are gzip-compressed binary messages, which the generic feed inflates.
 * The server pings in frames, {@code {"op":"ping","ts":"..."}} about every 5 s, and drops a client that leaves
 * five unanswered; the answer is {@code {"op":"pong","ts":<the same>}} (the market hosts' {@code {"ping":n}} is
 * answered {@code {"pong":n}}). Trades, open interest and funding are not read: their formats are not among the
 * verified ones.
 */
public final class HtxFeedPlan implements FeedPlan {
    private static final Pattern OP_PING = Pattern.compile("^\\{\\s*\"op\"\\s*:\\s*\"ping\"\\s*,\\s*\"ts\"\\s*:\\s*(\"?[0-9]{1,19}\"?)\\s*}$");
    private static final Pattern PING = Pattern.compile("^\\{\\s*\"ping\"\\s*:\\s*([0-9]{1,19})\\s*}$");

    private final Venue venue;

    public HtxFeedPlan(Venue venue) {
        this.venue = venue;
    }

    @Override
    public Venue venue() {
        return venue;
    }

    @Override
    public String instrumentsPath() {
        return venue == Venue.HTX_LINEAR ? "/linear-swap-api/v1/swap_contract_info?business_type=swap"
                : "/swap-api/v1/swap_contract_info";
    }

    @Override
    public List<ConnectionSpec> connections(URI base, List<String> codes, Channels channels) {
        URI uri = URI.create(base + (venue == Venue.HTX_LINEAR ? "/linear-swap-notification" : "/swap-notification"));
        return List.of(new ConnectionSpec(venue.id() + "#1", venue, uri,
                List.of("{\"op\":\"sub\",\"cid\":\"cascade\",\"topic\":\"public.*.liquidation_orders\"}"),
                Duration.ofMillis(100), Keepalive.answer(Duration.ofSeconds(5), HtxFeedPlan::pong), Duration.ofSeconds(30), null,
                HtxFeedPlan::isError));
    }

    /** The reply to an HTX ping frame, or null for any other frame; cheap for the frames that are not pings. */
    static String pong(String frame) {
        if (frame.length() > 64 || frame.indexOf("ping") < 0) {
            return null;
        }
        Matcher m = OP_PING.matcher(frame);
        if (m.matches()) {
            return "{\"op\":\"pong\",\"ts\":" + m.group(1) + "}";
        }
        m = PING.matcher(frame);
        return m.matches() ? "{\"pong\":" + m.group(1) + "}" : null;
    }

    /** Replies with a non-zero {@code err-code} ({@code 2014}: subscribed wide before narrow), and {@code op:error}. */
    static boolean isError(String text) {
        int at = text.indexOf("\"err-code\":");
        if (at >= 0) {
            int v = at + "\"err-code\":".length();
            return v < text.length() && text.charAt(v) != '0';
        }
        return text.contains("\"op\":\"error\"");
    }
}
