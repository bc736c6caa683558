package dev.cascade.ingest.live;

import dev.cascade.model.Instrument;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.binance.BinanceFeedPlan;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.feed.Endpoints;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;

/**
 * Fetches missing Binance aggregate trades page by page ({@code aggTrades?fromId=&limit=1000}), records each
 * page (so that a replay of the recording sees the same trades), and delivers those in the range in id order.
 */
public final class BinanceBackfill implements TradeGaps.Backfill {
    private static final int PAGE = 1000;

    private final RestClient rest;
    private final Endpoints endpoints;
    private final VenueDecoders decoders;
    private final RestRecorder recorder;
    private final JsonTape tape = new JsonTape();

    public BinanceBackfill(RestClient rest, Endpoints endpoints, VenueDecoders decoders, RestRecorder recorder) {
        this.rest = rest;
        this.endpoints = endpoints;
        this.decoders = decoders;
        this.recorder = recorder;
    }

    @Override
    public long fill(Instrument instrument, long fromId, long toId, MarketListener out) throws InterruptedException {
        Venue venue = instrument.venue();
        BinanceFeedPlan plan = venue == Venue.BINANCE_USDM ? BinanceFeedPlan.usdm() : BinanceFeedPlan.coinm();
        InRange inRange = new InRange(out, toId);
        long next = fromId;
        while (next <= toId) {
            int limit = (int) Math.min(PAGE, toId - next + 1);
            String path = plan.aggTradesPath(instrument.symbol(), next, limit);
            byte[] body;
            try {
                body = rest.get(URI.create(endpoints.of(venue).rest() + path)).body();
            } catch (IOException e) {
                break; // counted as unfillable by the caller
            }
            Instant now = Instant.now();
            long receive = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
            recorder.rest(venue, path, receive, body);
            if (!tape.parse(body, 0, body.length)) {
                break;
            }
            long before = inRange.lastId;
            decoders.decodeRest(path, tape, 0, receive, inRange);
            if (inRange.lastId == before) {
                break; // the venue no longer has these ids
            }
            next = inRange.lastId + 1;
        }
        return inRange.delivered;
    }

    /** Passes on the trades up to {@code toId}, remembering how far it got. */
    private static final class InRange implements MarketListener {
        private final MarketListener out;
        private final long toId;
        long lastId = Long.MIN_VALUE;
        long delivered;

        InRange(MarketListener out, long toId) {
            this.out = out;
            this.toId = toId;
        }

        @Override
        public void onTrade(Trade t) {
            lastId = Math.max(lastId, t.id());
            if (t.id() <= toId) {
                delivered++;
                out.onTrade(t);
            }
        }
    }
}
