package dev.cascade.ingest.live;

import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.VenueRegistry;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.feed.BackfillRule;
import dev.cascade.venues.feed.Endpoints;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The one paging loop behind every venue's trade backfill, driven by the {@link BackfillRule} its venue module
 * declares. Pages never reach past the gap (a recorded page then holds only what the run lacked, so replaying the
 * recording adds nothing else); each is recorded as it arrives and the trades in the range are delivered in id
 * order at the end, then the liquidations those trades carried (Deribit flags them on trades), so that the live
 * run counts what a replay of its recording counts. Rare and small (a reconnect's worth), so a page's events are
 * kept as copies meanwhile.
 *
 * <pre>
 *   FORWARD   next = fromId       page [next, next+limit)     next = highest id seen + 1    until next > toId
 *   BACKWARD  below = toId + 1    page (below-limit, below)   below = lowest id seen        until below <= fromId
 *   either stops early on a page that does not move on (the venue no longer has the ids) or a failed request
 * </pre>
 */
public final class RestBackfill implements TradeGaps.Backfill {
    private final RestClient rest;
    private final Endpoints endpoints;
    private final VenueDecoders decoders;
    private final RestRecorder recorder;
    private final JsonTape tape = new JsonTape();

    public RestBackfill(RestClient rest, Endpoints endpoints, VenueDecoders decoders, RestRecorder recorder) {
        this.rest = rest;
        this.endpoints = endpoints;
        this.decoders = decoders;
        this.recorder = recorder;
    }

    @Override
    public long fill(Instrument instrument, long fromId, long toId, MarketListener out) throws InterruptedException {
        Venue venue = instrument.venue();
        BackfillRule rule = VenueRegistry.of(venue).backfillRule(venue);
        if (rule == null) {
            return 0; // counted as unfillable by the caller
        }
        Collect page = new Collect(instrument, fromId, toId);
        if (rule.direction() == BackfillRule.Direction.FORWARD) {
            long next = fromId;
            while (next <= toId && fetch(rule, venue, instrument, next, (int) Math.min(rule.pageLimit(), toId - next + 1), page)
                    && page.highestId >= next) {
                next = page.highestId + 1;
            }
        } else {
            long below = toId + 1;
            while (below > fromId && fetch(rule, venue, instrument, below, (int) Math.min(rule.pageLimit(), below - fromId), page)
                    && page.lowestId < below) {
                below = page.lowestId;
            }
        }
        for (Trade t : page.inRange.values()) {
            out.onTrade(t);
        }
        page.liquidations.forEach(out::onLiquidation);
        return page.inRange.size();
    }

    /** Fetches, records and decodes one page into {@code page}; false when the request or the body failed. */
    private boolean fetch(BackfillRule rule, Venue venue, Instrument instrument, long id, int limit, Collect page)
            throws InterruptedException {
        String path = rule.path(instrument.symbol(), id, limit);
        byte[] body;
        try {
            body = rest.get(URI.create(endpoints.of(venue).rest() + path)).body();
        } catch (IOException e) {
            return false;
        }
        Instant now = Instant.now();
        long receive = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        recorder.rest(venue, path, receive, body);
        if (!tape.parse(body, 0, body.length)) {
            return false;
        }
        page.lowestId = Long.MAX_VALUE;
        page.highestId = Long.MIN_VALUE;
        decoders.decodeRest(path, tape, 0, receive, page);
        return true;
    }

    /** Keeps the instrument's trades in [fromId, toId] by id, and the lowest and highest id of the last page. */
    private static final class Collect implements MarketListener {
        private final Instrument instrument;
        private final long fromId;
        private final long toId;
        final TreeMap<Long, Trade> inRange = new TreeMap<>();
        /** Those of the trades in range: a page's liquidations follow the trade that carries them. */
        final List<Liquidation> liquidations = new ArrayList<>();
        private boolean isLastTradeNew;
        long lowestId;
        long highestId;

        Collect(Instrument instrument, long fromId, long toId) {
            this.instrument = instrument;
            this.fromId = fromId;
            this.toId = toId;
        }

        @Override
        public void onTrade(Trade t) {
            isLastTradeNew = false;
            if (t.instrument() != instrument) {
                return;
            }
            lowestId = Math.min(lowestId, t.firstId());
            highestId = Math.max(highestId, t.id());
            isLastTradeNew = t.id() >= fromId && t.id() <= toId && !inRange.containsKey(t.id());
            if (isLastTradeNew) {
                inRange.put(t.id(), t.copy());
            }
        }

        @Override
        public void onLiquidation(Liquidation l) {
            if (l.instrument() == instrument && isLastTradeNew) {
                liquidations.add(l.copy());
            }
        }
    }
}
