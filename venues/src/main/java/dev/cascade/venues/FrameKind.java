package dev.cascade.venues;

/** What a decoder made of one frame or row; counted per source so that nothing disappears silently. */
public enum FrameKind {
    /** Market data; its events went to the listener (items inside it may still have been rejected). */
    DATA,
    /** A subscription ack, pong, error reply or other protocol message: recognised and skipped. */
    CONTROL,
    /** A known data type Cascade does not use (order books, klines on a socket): recognised and skipped. */
    IGNORED,
    /** Not usable; the reason went to {@link dev.cascade.model.MarketListener#onReject}. */
    REJECTED
}
