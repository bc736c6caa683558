package dev.cascade.server;

/** A request the API refuses with 400 and this reason. */
public final class BadRequest extends RuntimeException {
    public BadRequest(String reason) {
        super(reason);
    }
}
