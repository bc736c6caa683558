package dev.cascade.ingest.live;

import dev.cascade.model.Micros;
import dev.cascade.venues.feed.Endpoints;
import dev.cascade.venues.overview.OverviewDocuments;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the market overview documents on a schedule and hands them to the pipeline: CoinGecko's
 * {@code /global} and first {@code /coins/markets} page (top 100 by market cap) every 10 minutes, and
 * alternative.me's {@code /fng/} every hour (it changes once a day). CoinGecko's keyless API allows a few
 * calls a minute; this makes 12 an hour. A failed fetch is logged and counted, and the next one is on time.
 * A 404 with a Retry-After says that the document is not published yet (the simulator's playback answers so
 * until its scenario has one): that is said once per source, at info, and asked again after the Retry-After.
 */
public final class OverviewPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OverviewPoller.class);

    /** One document to fetch: where from, under which source name and path it is recorded, and how often. */
    public record Source(String name, URI base, String path, Duration every) {
    }

    public static final String MARKETS_PATH =
            "/coins/markets?vs_currency=usd&order=market_cap_desc&per_page=100&page=1&price_change_percentage=24h";

    /** A sink for fetched documents; {@link LivePipeline#onDocument} is one. */
    public interface Sink {
        void onDocument(String source, String path, long receiveMicros, byte[] body) throws InterruptedException;
    }

    private final RestClient rest;
    private final Sink sink;
    private final List<Source> sources;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "overview");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong fetched = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong notYet = new AtomicLong();
    /** The sources whose "not published yet" was said, until they publish. */
    private final java.util.Set<Source> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public OverviewPoller(RestClient rest, Sink sink, List<Source> sources) {
        this.rest = rest;
        this.sink = sink;
        this.sources = List.copyOf(sources);
    }

    /** The documented schedule against {@code endpoints}. */
    public static List<Source> standard(Endpoints endpoints) {
        return List.of(
                new Source(OverviewDocuments.COINGECKO, endpoints.coinGecko(), "/global", Duration.ofMinutes(10)),
                new Source(OverviewDocuments.COINGECKO, endpoints.coinGecko(), MARKETS_PATH, Duration.ofMinutes(10)),
                new Source(OverviewDocuments.ALTERNATIVE_ME, endpoints.alternativeMe(), "/fng/?limit=2", Duration.ofHours(1)));
    }

    /** Fetches every source now, then on its schedule. */
    public void start() {
        long stagger = 0;
        for (Source s : sources) {
            // a few seconds apart, so that a keyless API never sees a burst
            timer.scheduleAtFixedRate(() -> fetch(s), stagger, s.every().toMillis(), TimeUnit.MILLISECONDS);
            stagger += 2_000;
        }
    }

    private void fetch(Source s) {
        URI uri = URI.create(s.base().toString().replaceAll("/+$", "") + s.path());
        try {
            RestClient.Response r = rest.get(uri);
            sink.onDocument(s.name(), s.path(), Micros.of(Instant.now()), r.body());
            fetched.incrementAndGet();
            waiting.remove(s);
        } catch (RestClient.RestException e) {
            if (e.status() == 404 && e.retryAfterMillis() > 0) {
                notPublishedYet(s, uri, e.retryAfterMillis());
            } else {
                failed(uri, e);
            }
        } catch (IOException | RuntimeException e) {
            failed(uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(URI uri, Exception e) {
        failed.incrementAndGet();
        LOG.warn("market overview: {} failed: {}", uri, e.getMessage());
    }

    /** Said once per source; asked again after the Retry-After when that comes before the next scheduled fetch. */
    private void notPublishedYet(Source s, URI uri, long retryAfterMillis) {
        notYet.incrementAndGet();
        if (waiting.add(s)) {
            LOG.info("market overview: {} has no document yet (HTTP 404, Retry-After {} s); asking again until it has",
                    uri, retryAfterMillis / 1000.0);
        }
        if (retryAfterMillis < s.every().toMillis() && !timer.isShutdown()) {
            try {
                timer.schedule(() -> fetch(s), retryAfterMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // closing: nothing more to ask
            }
        }
    }

    /** Fetches every source once more, now, on the caller's thread (a demo's last read of the overview). */
    public void fetchNow() {
        sources.forEach(this::fetch);
    }

    public long fetched() {
        return fetched.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Answers that the document is not published yet (404 with a Retry-After); not failures. */
    public long notPublishedYet() {
        return notYet.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
