package dev.cascade.venues.feed;

import java.net.URI;

/** A venue's WebSocket base and REST base. */
public record Endpoint(URI webSocket, URI rest) {
}
