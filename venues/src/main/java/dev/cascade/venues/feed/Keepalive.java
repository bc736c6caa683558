package dev.cascade.venues.feed;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * How a venue wants a connection kept alive, as data for the generic feed:
 * <ul>
 *   <li>{@link Kind#CONTROL_PONG}: the server pings with WebSocket control frames (answered by the client
 *       library) and accepts unsolicited pongs; send one every {@code every} (Binance).</li>
 *   <li>{@link Kind#TEXT_EVERY}: send {@code message} every {@code every} (Bybit {"op":"ping"}, 20 s).</li>
 *   <li>{@link Kind#TEXT_WHEN_IDLE}: send {@code message} when nothing arrived for {@code every} (OKX "ping",
 *       before its 30 s cut-off).</li>
 *   <li>{@link Kind#ANSWER}: the server pings in application frames about every {@code every}; {@code answer}
 *       turns such a frame into the reply to send, and any other frame into null (HTX {"op":"ping","ts":..}
 *       answered with {"op":"pong","ts":..}). The frame still goes on to the decoder, which counts it as control.</li>
 * </ul>
 */
public record Keepalive(Kind kind, String message, Duration every, UnaryOperator<String> answer) {
    public enum Kind {
        CONTROL_PONG,
        TEXT_EVERY,
        TEXT_WHEN_IDLE,
        ANSWER
    }

    public Keepalive(Kind kind, String message, Duration every) {
        this(kind, message, every, null);
    }

    public static Keepalive answer(Duration serverPingsEvery, UnaryOperator<String> answer) {
        return new Keepalive(Kind.ANSWER, "", serverPingsEvery, answer);
    }

    /** The reply to a text frame, or null when it is not the venue's ping (or the venue does not ping so). */
    public String replyTo(String frame) {
        return answer == null ? null : answer.apply(frame);
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
