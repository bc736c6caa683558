package dev.cascade.ingest.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.Instrument;
import dev.cascade.venues.MetadataDecoder;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.feed.Endpoints;
import dev.cascade.venues.feed.FeedPlan;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Asks each venue for its instruments over REST (every page), loads them into the registry for unit
 * conversion, records the responses, and returns the perpetuals to subscribe to: all of them, or those of
 * the wanted coins.
 */
public final class InstrumentDiscovery {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient rest;
    private final VenueDecoders decoders;
    private final Endpoints endpoints;
    private final RestRecorder recorder;

    public InstrumentDiscovery(RestClient rest, VenueDecoders decoders, Endpoints endpoints, RestRecorder recorder) {
        this.rest = rest;
        this.decoders = decoders;
        this.endpoints = endpoints;
        this.recorder = recorder;
    }

    /** The perpetual symbols of the plan's venue, of the given coins (every coin when empty). */
    public List<String> perpetuals(FeedPlan plan, Set<String> coins) throws IOException, InterruptedException {
        return perpetuals(plan, coins, null);
    }

    /**
     * As {@link #perpetuals(FeedPlan, Set)}, given up at {@code deadline} ({@link System#nanoTime()}; null for none)
     * with a one-line reason naming the venue and the address.
     */
    public List<String> perpetuals(FeedPlan plan, Set<String> coins, Long deadline)
            throws IOException, InterruptedException {
        List<String> symbols = new ArrayList<>();
        String path = plan.instrumentsPath();
        for (int page = 0; path != null && page < 50; page++) {
            URI uri = URI.create(endpoints.of(plan.venue()).rest().toString() + path);
            byte[] body;
            try {
                body = rest.get(uri, deadline).body();
            } catch (IOException e) {
                throw new IOException(plan.venue().id() + ": cannot fetch its instruments from " + uri + " ("
                        + RestClient.reason(e) + ")", e);
            }
            Instant now = Instant.now();
            recorder.metadata(plan.venue(), path, now.getEpochSecond() * 1_000_000 + now.getNano() / 1000, body);
            JsonNode root = JSON.readTree(body);
            decoders.loadMetadata(path, root);
            MetadataDecoder metadata = VenueDecoders.byPath(path);
            for (String symbol : metadata.perpetuals(root)) {
                Instrument i = decoders.instruments().find(plan.venue().exchange(), symbol);
                if (i != null && i.venue() == plan.venue() && (coins.isEmpty() || coins.contains(i.coin().name()))) {
                    symbols.add(symbol);
                }
            }
            path = plan.nextPagePath(root);
        }
        return symbols;
    }
}
