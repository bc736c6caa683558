package dev.cascade.sim;

import java.util.concurrent.atomic.AtomicLong;

/** What the simulator did, for tests and its status line. */
public final class SimStats {
    public final AtomicLong connections = new AtomicLong();
    public final AtomicLong refused = new AtomicLong();
    public final AtomicLong forcedCloses = new AtomicLong();
    public final AtomicLong forcedStalls = new AtomicLong();
    public final AtomicLong garbageSent = new AtomicLong();
    public final AtomicLong framesSent = new AtomicLong();
    public final AtomicLong framesDropped = new AtomicLong();
    public final AtomicLong restRequests = new AtomicLong();
    public final AtomicLong restRefused = new AtomicLong();
    public final AtomicLong trades = new AtomicLong();
    public final AtomicLong liquidations = new AtomicLong();
    public final AtomicLong liquidationsPublished = new AtomicLong();
    /** Replies to the venues' application-level pings (HTX {"op":"pong"}). */
    public final AtomicLong keepaliveReplies = new AtomicLong();
}
