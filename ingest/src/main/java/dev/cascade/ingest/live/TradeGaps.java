package dev.cascade.ingest.live;

import dev.cascade.model.ForwardingListener;
import dev.cascade.model.Instrument;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.VenueRegistry;
import java.util.Arrays;

/**
 * Finds holes in trade id sequences and fills them, on the venues whose module says their trade ids are consecutive
 * per instrument (an event covers {@code firstId..id}): after a reconnect, a rotation or a lost frame, the missing
 * ids are fetched over REST ({@link Backfill}, by the venue's backfill rule) and delivered, in id order, before the
 * trade that revealed the gap. Elsewhere (Bybit's UUIDs) gaps cannot be seen and trades pass straight on. Ids at or
 * below the last one pass on to the deduplicator. Runs on the pipeline thread; everything else goes straight
 * downstream.
 */
public final class TradeGaps extends ForwardingListener {
    /** Fetches a venue's missing trades [fromId, toId] into {@code out}; returns how many it delivered. */
    @FunctionalInterface
    public interface Backfill {
        long fill(Instrument instrument, long fromId, long toId, MarketListener out) throws InterruptedException;
    }

    /** Gaps larger than this are not fetched: after a long outage, a few pages are all REST should be asked. */
    public static final long MAX_BACKFILL = 20_000;

    private final Backfill backfill;
    /** By venue ordinal, asked of the registry once: the hot path reads an array. */
    private final boolean[] isConsecutive = new boolean[Venue.values().length];
    private final FeedStats stats;
    private long[] lastId = new long[64];
    private boolean[] hasLast = new boolean[64];

    public TradeGaps(MarketListener downstream, Backfill backfill, FeedStats stats) {
        super(downstream);
        this.backfill = backfill;
        this.stats = stats;
        for (Venue v : Venue.values()) {
            isConsecutive[v.ordinal()] = VenueRegistry.of(v).hasConsecutiveTradeIds(v);
        }
    }

    @Override
    public void onTrade(Trade t) {
        if (!isConsecutive[t.venue().ordinal()]) {
            downstream.onTrade(t);
            return;
        }
        int i = t.instrument().id();
        if (i >= lastId.length) {
            lastId = Arrays.copyOf(lastId, Math.max(i + 1, lastId.length * 2));
            hasLast = Arrays.copyOf(hasLast, lastId.length);
        }
        long expected = lastId[i] + 1;
        if (hasLast[i] && t.firstId() > expected) {
            gap(t, i, expected, t.firstId() - 1);
        }
        if (!hasLast[i] || t.id() > lastId[i]) {
            lastId[i] = t.id();
            hasLast[i] = true;
        }
        downstream.onTrade(t);
    }

    private void gap(Trade t, int i, long from, long to) {
        FeedStats.VenueStats s = stats.of(t.venue());
        s.gapsFound.incrementAndGet();
        long missing = to - from + 1;
        if (backfill == null || missing > MAX_BACKFILL) {
            s.gapsUnfillable.incrementAndGet();
            s.tradesMissing.addAndGet(missing);
            return;
        }
        long delivered; // backfilled trades come from another decoder's event: t stays as it is
        try {
            delivered = backfill.fill(t.instrument(), from, to, downstream);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivered = 0;
        }
        s.tradesBackfilled.addAndGet(delivered);
        if (delivered >= missing) {
            s.gapsFilled.incrementAndGet();
        } else {
            s.gapsUnfillable.incrementAndGet();
            s.tradesMissing.addAndGet(missing - delivered);
        }
    }
}
