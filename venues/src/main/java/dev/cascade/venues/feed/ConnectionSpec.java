package dev.cascade.venues.feed;

import dev.cascade.model.Venue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * One WebSocket connection a venue wants, as data: where to connect, what to send once connected (spaced by
 * {@code messageSpacing} to stay under the venue's incoming-message limit), how to keep it alive, when it is
 * stale, when to replace it before the venue cuts it ({@code rotateAfter}, null for never), and which control
 * frames are errors. The generic feed owns everything else.
 */
public record ConnectionSpec(
        String name,
        Venue venue,
        URI uri,
        List<String> subscribeMessages,
        Duration messageSpacing,
        Keepalive keepalive,
        Duration staleAfter,
        Duration rotateAfter,
        Predicate<String> isError) {

    /** The same connection with other timings (tests and configuration shorten them). */
    public ConnectionSpec withTimings(Duration staleAfter, Keepalive keepalive, Duration rotateAfter) {
        return new ConnectionSpec(name, venue, uri, subscribeMessages, messageSpacing, keepalive, staleAfter,
                rotateAfter, isError);
    }
}
