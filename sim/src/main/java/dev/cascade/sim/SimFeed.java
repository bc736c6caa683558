package dev.cascade.sim;

import dev.cascade.model.Venue;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulator's market loop: every 10 ms it makes trades and liquidations for each instrument at the
 * configured rates, and hands them to each venue's {@link SimWire.VenueFeed}, which publishes them by the
 * venue's rules (SimWire's implementations say which).
 */
public final class SimFeed {
    /** A liquidation as a venue published it: the truth a client's output is checked against. */
    public record Published(Venue venue, String symbol, boolean isLong, double contracts, double price, long millis) {
    }

    private static final long TICK_MILLIS = 10;

    private final Simulator server;
    private final SimConfig config;
    private final SimMarket market;
    private final long startMillis;
    private final SplittableRandom random = new SplittableRandom(20250605);
    private final Map<String, State> states = new HashMap<>();
    private final Map<Venue, SimWire.VenueFeed> feeds = new EnumMap<>(Venue.class);
    /**
     * The newest liquidations published, the truth tests compare with: bounded, since a market of a thousand
     * instruments publishes some 300,000 an hour (14 MB) and a live run may last days.
     */
    private final ArrayDeque<Published> published = new ArrayDeque<>();
    static final int PUBLISHED_KEPT = 1 << 17;
    private final Thread thread;
    private volatile boolean isRunning = true;

    /** Per-instrument state of the loop. */
    private static final class State {
        final SimInstrument instrument;
        final SimWire.VenueFeed feed;
        final double activity;
        double tradeDebt;
        double liquidationDebt;
        volatile double openInterest;

        State(SimInstrument instrument, SimWire.VenueFeed feed, double activity) {
            this.instrument = instrument;
            this.feed = feed;
            this.activity = activity;
            // about $1B of open interest per scripted instrument, in contracts (coins for linear, USD for inverse)
            this.openInterest = 1e9 * activity / instrument.contractSize()
                    / (instrument.isInverse() ? 1 : instrument.startPrice());
        }
    }

    SimFeed(Simulator server, SimConfig config, long startMillis) {
        this.server = server;
        this.config = config;
        this.startMillis = startMillis;
        this.market = new SimMarket(startMillis, config.dropEveryMinutes(), config.instruments());
        SimWire.Out out = new SimWire.Out() {
            @Override
            public void publish(Venue venue, String topic, String payload, boolean isAggTrade) {
                server.publish(venue, topic, payload, isAggTrade);
            }

            @Override
            public void published(Published p) {
                publishedLiquidation(p);
            }
        };
        for (SimWire wire : SimWires.ALL) {
            for (Venue v : wire.venues()) {
                feeds.put(v, wire.feed(v, config, out, random));
            }
        }
        for (SimInstrument i : market.instruments()) {
            states.put(key(i.venue(), i.symbol()), new State(i, feeds.get(i.venue()), market.activity(i)));
        }
        this.thread = new Thread(this::run, "sim-market");
        this.thread.setDaemon(true);
    }

    private static String key(Venue venue, String symbol) {
        return venue.id() + ":" + symbol;
    }

    SimMarket market() {
        return market;
    }

    TradeHistory history(Venue venue, String symbol) {
        State s = states.get(key(venue, symbol));
        return s == null ? null : s.feed.history(s.instrument);
    }

    List<Published> published() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    void start() {
        thread.start();
    }

    void stop() {
        isRunning = false;
        thread.interrupt();
    }

    /** The market's clock: the wall clock, {@code speed} times faster from the start. */
    private long now() {
        long wall = System.currentTimeMillis();
        return config.speed() == 1 ? wall : startMillis + (long) ((wall - startMillis) * config.speed());
    }

    private void run() {
        long last = now();
        long lastPing = last;
        while (isRunning) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = now();
            try {
                for (State s : states.values()) {
                    tick(s, last, now);
                }
                for (SimWire.VenueFeed f : feeds.values()) {
                    f.tick(last, now);
                }
                if (now / 1000 != last / 1000) {
                    everySecond(now);
                }
                if (now - lastPing >= config.binancePingEvery().toMillis()) {
                    lastPing = now;
                    server.pingClients();
                }
            } catch (RuntimeException e) {
                // a session that went away mid-publish must not stop the market
            }
            last = now;
        }
    }

    private void tick(State s, long from, long to) {
        SimInstrument i = s.instrument;
        double dt = (to - from) / 1000.0;
        s.tradeDebt += config.tradesPerSecond() * s.activity * dt;
        while (s.tradeDebt >= 1) {
            s.tradeDebt -= 1;
            trade(s, from + random.nextLong(Math.max(1, to - from)));
        }
        boolean isFalling = market.isFalling(i, to);
        s.liquidationDebt += config.liquidationsPerSecond() * s.activity * dt * (isFalling ? 1.6 : 0.4);
        while (s.liquidationDebt >= 1) {
            s.liquidationDebt -= 1;
            liquidation(s, to, random.nextDouble() < (isFalling ? 0.85 : 0.3));
        }
    }

    private void trade(State s, long millis) {
        SimInstrument i = s.instrument;
        double price = market.price(i, millis) * (1 + (random.nextDouble() - 0.5) * 0.0004);
        double usd = Math.exp(Math.log(2_000) + random.nextGaussian());
        server.stats().trades.incrementAndGet();
        s.feed.trade(i, millis, price, i.contracts(usd, price), random.nextBoolean());
    }

    private void liquidation(State s, long millis, boolean isLong) {
        SimInstrument i = s.instrument;
        double market = this.market.price(i, millis);
        double usd = Math.min(2_000_000 * s.activity, Math.exp(Math.log(10_000 * s.activity) + 1.3 * random.nextGaussian()));
        double price = market * (isLong ? 0.995 : 1.005); // bankruptcy side of the market
        Published p = new Published(i.venue(), i.symbol(), isLong, i.contracts(usd, price), price, millis);
        server.stats().liquidations.incrementAndGet();
        s.feed.liquidation(i, p);
        s.openInterest = Math.max(1, s.openInterest - p.contracts());
    }

    private void everySecond(long now) {
        double rate = 0.0001 * Math.sin(now / 3_600_000.0);
        for (State s : states.values()) {
            s.feed.second(s.instrument, now, market.price(s.instrument, now), rate, s.openInterest);
            s.openInterest += random.nextDouble() * 2e-5 * s.openInterest; // new positions: a few hundred $k a second
        }
        feeds.values().forEach(f -> f.endOfSecond(now));
    }

    /** The snapshot a new subscriber of {@code topic} gets first (Bybit tickers), or null. */
    String snapshot(Venue venue, String topic) {
        for (State s : states.values()) {
            if (s.instrument.venue() == venue) {
                long now = now();
                String snapshot = s.feed.snapshot(s.instrument, topic, now, market.price(s.instrument, now), s.openInterest);
                if (snapshot != null) {
                    return snapshot;
                }
            }
        }
        return null;
    }

    private void publishedLiquidation(Published p) {
        synchronized (published) {
            if (published.size() == PUBLISHED_KEPT) {
                published.removeFirst();
            }
            published.addLast(p);
        }
        server.stats().liquidationsPublished.incrementAndGet();
    }
}
