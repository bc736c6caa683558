package dev.cascade.ingest.live;

import dev.cascade.model.Instrument;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.feed.Endpoints;
import dev.cascade.venues.okx.OkxFeedPlan;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.TreeMap;

/**
 * Fetches missing OKX trades from {@code history-trades?type=1&after=} (trades older than an id, newest first, 100
 * a page), walking down from the trade that revealed the gap until it passes the last id seen; records each page
 * (so that a replay of the recording sees the same trades) and delivers those in the range in id order. Rare and
 * small (a gap is a reconnect's worth), so pages are collected as copies before they are delivered.
 */
public final class OkxBackfill implements TradeGaps.Backfill {
    private static final int PAGE = 100;

    private final RestClient rest;
    private final Endpoints endpoints;
    private final VenueDecoders decoders;
    private final RestRecorder recorder;
    private final JsonTape tape = new JsonTape();

    public OkxBackfill(RestClient rest, Endpoints endpoints, VenueDecoders decoders, RestRecorder recorder) {
        this.rest = rest;
        this.endpoints = endpoints;
        this.decoders = decoders;
        this.recorder = recorder;
    }

    @Override
    public long fill(Instrument instrument, long fromId, long toId, MarketListener out) throws InterruptedException {
        Collect page = new Collect(instrument, fromId, toId);
        long before = toId + 1;
        while (before > fromId) {
            // never past fromId: a recorded page then holds only the gap, and its replay adds nothing the run lacked
            int limit = (int) Math.min(PAGE, before - fromId);
            String path = OkxFeedPlan.historyTradesPath(instrument.symbol(), before, limit);
            byte[] body;
            try {
                body = rest.get(URI.create(endpoints.of(Venue.OKX_SWAP).rest() + path)).body();
            } catch (IOException e) {
                break; // counted as unfillable by the caller
            }
            Instant now = Instant.now();
            long receive = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
            recorder.rest(Venue.OKX_SWAP, path, receive, body);
            if (!tape.parse(body, 0, body.length)) {
                break;
            }
            page.lowestId = Long.MAX_VALUE;
            decoders.decodeRest(path, tape, 0, receive, page);
            if (page.lowestId >= before) {
                break; // an empty page: OKX keeps three months, or an error answer
            }
            before = page.lowestId;
        }
        for (Trade t : page.inRange.values()) {
            out.onTrade(t);
        }
        return page.inRange.size();
    }

    /** Keeps the trades of the instrument in [fromId, toId] by id, and the lowest id of the page. */
    private static final class Collect implements MarketListener {
        private final Instrument instrument;
        private final long fromId;
        private final long toId;
        final TreeMap<Long, Trade> inRange = new TreeMap<>();
        long lowestId;

        Collect(Instrument instrument, long fromId, long toId) {
            this.instrument = instrument;
            this.fromId = fromId;
            this.toId = toId;
        }

        @Override
        public void onTrade(Trade t) {
            if (t.instrument() != instrument) {
                return;
            }
            lowestId = Math.min(lowestId, t.firstId());
            if (t.id() >= fromId && t.id() <= toId) {
                inRange.putIfAbsent(t.id(), t.copy());
            }
        }
    }
}
