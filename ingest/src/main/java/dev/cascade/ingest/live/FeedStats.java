package dev.cascade.ingest.live;

import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the live feeds went through, per venue: connections, losses by cause, reconnect times, frames,
 * garbage, venue errors, and trade-gap recovery. Thread-safe; read by the terminal view, the API and tests.
 */
public final class FeedStats {
    /** Counters of one venue. */
    public static final class VenueStats {
        public final AtomicLong connects = new AtomicLong();
        public final AtomicLong connectFailures = new AtomicLong();
        public final AtomicLong closes = new AtomicLong();
        public final AtomicLong stales = new AtomicLong();
        public final AtomicLong rotations = new AtomicLong();
        public final AtomicLong frames = new AtomicLong();
        public final AtomicLong binaryFrames = new AtomicLong();
        /** Rejections of this venue's frames (malformed, implausible, unknown instrument, ...). */
        public final AtomicLong rejects = new AtomicLong();
        public final AtomicLong errors = new AtomicLong();
        public final AtomicLong gapsFound = new AtomicLong();
        public final AtomicLong gapsFilled = new AtomicLong();
        public final AtomicLong gapsUnfillable = new AtomicLong();
        public final AtomicLong tradesBackfilled = new AtomicLong();
        public final AtomicLong tradesMissing = new AtomicLong();
        private final List<Long> reconnectMillis = Collections.synchronizedList(new ArrayList<>());
        private final List<Long> staleSilenceMillis = Collections.synchronizedList(new ArrayList<>());
        private final List<Long> backoffMillis = Collections.synchronizedList(new ArrayList<>());

        /** Losses of any cause: closed by the server, failed, or found stale. */
        public long losses() {
            return closes.get() + stales.get();
        }

        /** Milliseconds from each loss to the next open connection. */
        public List<Long> reconnectMillis() {
            synchronized (reconnectMillis) {
                return List.copyOf(reconnectMillis);
            }
        }

        /** How long each stale connection had been silent when it was found. */
        public List<Long> staleSilenceMillis() {
            synchronized (staleSilenceMillis) {
                return List.copyOf(staleSilenceMillis);
            }
        }

        /** Every reconnect delay chosen by the backoff. */
        public List<Long> backoffMillis() {
            synchronized (backoffMillis) {
                return List.copyOf(backoffMillis);
            }
        }

        void reconnected(long millis) {
            reconnectMillis.add(millis);
        }

        void stale(long silentMillis) {
            stales.incrementAndGet();
            staleSilenceMillis.add(silentMillis);
        }

        void backoff(long millis) {
            backoffMillis.add(millis);
        }
    }

    private final Map<Venue, VenueStats> byVenue = new EnumMap<>(Venue.class);

    public FeedStats() {
        for (Venue v : Venue.values()) {
            byVenue.put(v, new VenueStats());
        }
    }

    public VenueStats of(Venue venue) {
        return byVenue.get(venue);
    }

    /** All reconnect times of all venues, sorted. */
    public List<Long> reconnectMillis() {
        List<Long> all = new ArrayList<>();
        byVenue.values().forEach(v -> all.addAll(v.reconnectMillis()));
        Collections.sort(all);
        return all;
    }

    public long total(java.util.function.Function<VenueStats, AtomicLong> counter) {
        long n = 0;
        for (VenueStats v : byVenue.values()) {
            n += counter.apply(v).get();
        }
        return n;
    }
}
