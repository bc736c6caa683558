package dev.cascade.app;

import dev.cascade.alerts.AlertsConfig;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.ingest.live.WebSocketFeed;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Venue;
import dev.cascade.server.Server;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.feed.Endpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a live run reads, keeps, serves and alerts on. Built by name ({@link #reading}, then the parts a run has)
 * and checked once, in {@link Builder#build}: a run that starts has settings that make sense together.
 *
 * <pre>
 *   LiveSettings.reading(endpoints).venues(...).recording(dir, rotateEvery).serving(server).storing(storage).build()
 * </pre>
 */
final class LiveSettings {
    private final Endpoints endpoints;
    private final Set<Venue> venues;
    private final Set<String> coins;
    private final Channels channels;
    private final Path recordDir;
    private final Duration rotateEvery;
    private final WebSocketFeed.Policy policy;
    private final UnaryOperator<ConnectionSpec> tune;
    private final MarketListener tap;
    private final FigureSettings figures;
    private final boolean isWithOverview;
    private final Server.Settings serve;
    private final Storage storage;
    private final AlertsConfig alerts;

    private LiveSettings(Builder b) {
        this.endpoints = b.endpoints;
        this.venues = Set.copyOf(b.venues);
        this.coins = Set.copyOf(b.coins);
        this.channels = b.channels;
        this.recordDir = b.recordDir;
        this.rotateEvery = b.rotateEvery;
        this.policy = b.policy;
        this.tune = b.tune;
        this.tap = b.tap;
        this.figures = b.figures;
        this.isWithOverview = b.isWithOverview;
        this.serve = b.serve;
        this.storage = b.storage;
        this.alerts = b.alerts;
    }

    /** Settings that read the venues at {@code endpoints} (production's, or a simulator's). */
    static Builder reading(Endpoints endpoints) {
        return new Builder(endpoints);
    }

    Endpoints endpoints() {
        return endpoints;
    }

    /** The venues read (every one of the registry unless narrowed). */
    Set<Venue> venues() {
        return venues;
    }

    /** The coins read; empty: every perpetual. */
    Set<String> coins() {
        return coins;
    }

    Channels channels() {
        return channels;
    }

    /** Where frames are recorded, or null for none. */
    Path recordDir() {
        return recordDir;
    }

    Duration rotateEvery() {
        return rotateEvery;
    }

    WebSocketFeed.Policy policy() {
        return policy;
    }

    /** Adjusts each connection before it opens (tests shorten keepalives; production leaves them). */
    UnaryOperator<ConnectionSpec> tune() {
        return tune;
    }

    /** A listener beside the aggregators (a Kafka sink, a test's capture), or null. */
    MarketListener tap() {
        return tap;
    }

    FigureSettings figures() {
        return figures;
    }

    /** Whether CoinGecko and alternative.me are polled for the market overview. */
    boolean isWithOverview() {
        return isWithOverview;
    }

    /** The API and dashboard, or null when the run does not serve. */
    Server.Settings serve() {
        return serve;
    }

    /** The store, or null for a run that keeps nothing. */
    Storage storage() {
        return storage;
    }

    /** Alert rules and where they are sent, or null. */
    AlertsConfig alerts() {
        return alerts;
    }

    /** Builds {@link LiveSettings} by name; every part but the endpoints has a default. */
    static final class Builder {
        private final Endpoints endpoints;
        private Set<Venue> venues = EnumSet.allOf(Venue.class);
        private Set<String> coins = Set.of();
        private Channels channels = Channels.ALL;
        private Path recordDir;
        private Duration rotateEvery = Duration.ofHours(1);
        private WebSocketFeed.Policy policy = WebSocketFeed.Policy.standard();
        private UnaryOperator<ConnectionSpec> tune = UnaryOperator.identity();
        private MarketListener tap;
        private FigureSettings figures = FigureSettings.DEFAULT;
        private boolean isWithOverview = true;
        private Server.Settings serve;
        private Storage storage;
        private AlertsConfig alerts;

        private Builder(Endpoints endpoints) {
            this.endpoints = endpoints;
        }

        Builder venues(Set<Venue> venues) {
            this.venues = venues;
            return this;
        }

        Builder coins(Set<String> coins) {
            this.coins = coins;
            return this;
        }

        Builder channels(Channels channels) {
            this.channels = channels;
            return this;
        }

        /** Records every frame into {@code dir} (null: none), a new file every {@code rotateEvery}. */
        Builder recording(Path dir, Duration rotateEvery) {
            this.recordDir = dir;
            this.rotateEvery = rotateEvery;
            return this;
        }

        Builder policy(WebSocketFeed.Policy policy) {
            this.policy = policy;
            return this;
        }

        Builder tune(UnaryOperator<ConnectionSpec> tune) {
            this.tune = tune;
            return this;
        }

        Builder tap(MarketListener tap) {
            this.tap = tap;
            return this;
        }

        Builder figures(FigureSettings figures) {
            this.figures = figures;
            return this;
        }

        Builder overview(boolean isWithOverview) {
            this.isWithOverview = isWithOverview;
            return this;
        }

        Builder serving(Server.Settings serve) {
            this.serve = serve;
            return this;
        }

        Builder storing(Storage storage) {
            this.storage = storage;
            return this;
        }

        Builder alerting(AlertsConfig alerts) {
            this.alerts = alerts;
            return this;
        }

        /** The settings, checked together; one line saying what does not fit. */
        LiveSettings build() {
            if (endpoints == null) {
                throw new IllegalArgumentException("live: no endpoints to read");
            }
            if (venues == null || venues.isEmpty()) {
                throw new IllegalArgumentException("live: no venue to read");
            }
            if (channels == null || policy == null || tune == null || figures == null || coins == null) {
                throw new IllegalArgumentException("live: channels, policy, tune, figures and coins are required");
            }
            if (recordDir != null && (rotateEvery == null || rotateEvery.isNegative() || rotateEvery.isZero())) {
                throw new IllegalArgumentException("live: recording needs a positive rotation, not " + rotateEvery);
            }
            return new LiveSettings(this);
        }
    }
}
