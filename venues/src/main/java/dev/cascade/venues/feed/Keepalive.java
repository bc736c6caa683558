package dev.cascade.venues.feed;

import java.time.Duration;

/**
 * How a venue wants a connection kept alive, as data for the generic feed:
 * <ul>
 *   <li>{@link Kind#CONTROL_PONG}: the server pings with WebSocket control frames (answered by the client
 *       library) and accepts unsolicited pongs; send one every {@code every} (Binance).</li>
 *   <li>{@link Kind#TEXT_EVERY}: send {@code message} every {@code every} (Bybit {"op":"ping"}, 20 s).</li>
 *   <li>{@link Kind#TEXT_WHEN_IDLE}: send {@code message} when nothing arrived for {@code every} (OKX "ping",
 *       before its 30 s cut-off).</li>
 * </ul>
 */
public record Keepalive(Kind kind, String message, Duration every) {
    public enum Kind {
        CONTROL_PONG,
        TEXT_EVERY,
        TEXT_WHEN_IDLE
    }

    public static Keepalive controlPong(Duration every) {
        return new Keepalive(Kind.CONTROL_PONG, "", every);
    }

    public static Keepalive textEvery(String message, Duration every) {
        return new Keepalive(Kind.TEXT_EVERY, message, every);
    }

    public static Keepalive textWhenIdle(String message, Duration every) {
        return new Keepalive(Kind.TEXT_WHEN_IDLE, message, every);
    }
}
