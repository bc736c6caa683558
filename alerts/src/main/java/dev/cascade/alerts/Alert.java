package dev.cascade.alerts;

/**
 * One alert: which rule fired, on what, when (exchange time of the fact), and the sentence that says it.
 * {@code key} identifies the fact itself (a burst's venue, side and start; a swept cluster's time and price), so
 * that the same fact found again in a later read-out is not sent again; {@code id} is derived from it and goes
 * out as the idempotency key.
 */
public record Alert(String id, String key, String rule, String kind, String coin, String exchange, long timeMicros,
                    String text) {
}
