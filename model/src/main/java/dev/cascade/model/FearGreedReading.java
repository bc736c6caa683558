package dev.cascade.model;

/**
 * A published Fear &amp; Greed value (alternative.me {@code /fng/}): 0-100 with the publisher's own label, for the
 * day starting at {@code timeMicros} (00:00 UTC).
 */
public record FearGreedReading(long timeMicros, int value, String classification) {
}
