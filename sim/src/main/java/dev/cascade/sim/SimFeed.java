package dev.cascade.sim;

import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The simulator's market loop: every 10 ms it makes trades and liquidations for each instrument at the
 * configured rates, and publishes them by each venue's rules.
 *
 * <pre>
 *   Binance  aggTrade per trade (ids consecutive, kept for REST); liquidations: only the LATEST of each
 *            symbol's second is pushed, on !forceOrder@arr and &lt;symbol&gt;@forceOrder; mark prices every second
 *   Bybit    publicTrade batches per tick; allLiquidation: EVERY liquidation, in 500 ms batches; tickers delta
 *            every second (snapshot on subscribe)
 *   OKX      trades one per message (ids consecutive, kept for REST); liquidation-orders: the latest per instrument per
 *            second; open-interest every 3 s; funding-rate every 30 s
 * </pre>
 */
public final class SimFeed {
    /** A liquidation as a venue published it: the truth a client's output is checked against. */
    public record Published(Venue venue, String symbol, boolean isLong, double contracts, double price, long millis) {
    }

    private static final long TICK_MILLIS = 10;

    private final Simulator server;
    private final SimConfig config;
    private final SimMarket market;
    private final SplittableRandom random = new SplittableRandom(20250605);
    private final Map<String, State> states = new HashMap<>();
    private final List<Published> published = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean isRunning = true;

    /** Per-instrument state of the loop. */
    private static final class State {
        final SimInstrument instrument;
        final TradeHistory history;
        double tradeDebt;
        double liquidationDebt;
        Published latestThisSecond;
        final List<BybitWire.Liquidation> bybitBatch = new ArrayList<>();
        final List<BybitWire.Trade> bybitTrades = new ArrayList<>();
        double openInterest;

        State(SimInstrument instrument, int capacity) {
            this.instrument = instrument;
            boolean isBinance = instrument.venue() == Venue.BINANCE_USDM || instrument.venue() == Venue.BINANCE_COINM;
            // Binance (aggTrades?fromId=) and OKX (history-trades?after=) serve their trade history over REST;
            // Bybit's ids are UUIDs, which nobody can page by
            long firstId = isBinance ? 3_000_000_000L + instrument.symbol().hashCode() % 1000 * 1_000_000L : 1_500_000_000L;
            this.history = instrument.venue() == Venue.BYBIT_LINEAR || instrument.venue() == Venue.BYBIT_INVERSE
                    ? null : new TradeHistory(capacity, firstId);
            // about $1B of open interest per instrument, in contracts (coins for linear, USD for inverse)
            this.openInterest = 1e9 / instrument.contractSize() / (instrument.isInverse() ? 1 : instrument.startPrice());
        }
    }

    SimFeed(Simulator server, SimConfig config, long startMillis) {
        this.server = server;
        this.config = config;
        this.market = new SimMarket(startMillis, config.dropEveryMinutes());
        for (SimInstrument i : SimMarket.INSTRUMENTS) {
            states.put(key(i.venue(), i.symbol()), new State(i, config.historyCapacity()));
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
        return s == null ? null : s.history;
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

    private void run() {
        long last = System.currentTimeMillis();
        long lastPing = last;
        while (isRunning) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.currentTimeMillis();
            try {
                for (State s : states.values()) {
                    tick(s, last, now);
                }
                if (now / 500 != last / 500) {
                    states.values().forEach(s -> flushBybit(s, now));
                }
                if (now / 1000 != last / 1000) {
                    everySecond(now);
                }
                if (now - lastPing >= config.binancePingEvery().toMillis()) {
                    lastPing = now;
                    server.pingBinance();
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
        s.tradeDebt += config.tradesPerSecond() * dt;
        while (s.tradeDebt >= 1) {
            s.tradeDebt -= 1;
            trade(s, from + random.nextLong(Math.max(1, to - from)));
        }
        boolean isFalling = market.isFalling(i, to);
        s.liquidationDebt += config.liquidationsPerSecond() * dt * (isFalling ? 1.6 : 0.4);
        while (s.liquidationDebt >= 1) {
            s.liquidationDebt -= 1;
            liquidation(s, to, random.nextDouble() < (isFalling ? 0.85 : 0.3));
        }
        if (!s.bybitTrades.isEmpty()) {
            server.publish(i.venue(), "publicTrade." + i.symbol(), BybitWire.publicTrade(i, s.bybitTrades, to), false);
            s.bybitTrades.clear();
        }
    }

    private void trade(State s, long millis) {
        SimInstrument i = s.instrument;
        double price = market.price(i, millis) * (1 + (random.nextDouble() - 0.5) * 0.0004);
        double usd = Math.exp(Math.log(2_000) + random.nextGaussian());
        double contracts = i.contracts(usd, price);
        boolean isBuy = random.nextBoolean();
        server.stats().trades.incrementAndGet();
        switch (i.venue()) {
            case BINANCE_USDM, BINANCE_COINM -> {
                long id = s.history.add(price, contracts, millis, !isBuy);
                server.publish(i.venue(), BinanceWire.streamName(i.symbol(), "@aggTrade"),
                        BinanceWire.aggTrade(i, id, price, contracts, millis, !isBuy), true);
            }
            case BYBIT_LINEAR, BYBIT_INVERSE -> s.bybitTrades.add(new BybitWire.Trade(millis, isBuy, contracts, price,
                    new UUID(random.nextLong(), random.nextLong())));
            case OKX_SWAP -> server.publish(i.venue(), "trades:" + i.symbol(),
                    OkxWire.trade(i, s.history.add(price, contracts, millis, !isBuy), price, contracts, isBuy, millis), false);
        }
    }

    private void liquidation(State s, long millis, boolean isLong) {
        SimInstrument i = s.instrument;
        double market = this.market.price(i, millis);
        double usd = Math.min(2_000_000, Math.exp(Math.log(10_000) + 1.3 * random.nextGaussian()));
        double price = market * (isLong ? 0.995 : 1.005); // bankruptcy side of the market
        Published p = new Published(i.venue(), i.symbol(), isLong, i.contracts(usd, price), price, millis);
        server.stats().liquidations.incrementAndGet();
        if (i.venue() == Venue.BYBIT_LINEAR || i.venue() == Venue.BYBIT_INVERSE) {
            s.bybitBatch.add(new BybitWire.Liquidation(millis, isLong, p.contracts(), price));
        } else {
            s.latestThisSecond = p; // Binance and OKX: only the latest of the second will be pushed
        }
        s.openInterest = Math.max(1, s.openInterest - p.contracts());
    }

    private void flushBybit(State s, long now) {
        if (s.bybitBatch.isEmpty()) {
            return;
        }
        SimInstrument i = s.instrument;
        for (BybitWire.Liquidation l : s.bybitBatch) {
            publishedLiquidation(new Published(i.venue(), i.symbol(), l.isLong(), l.size(), l.price(), l.millis()));
        }
        server.publish(i.venue(), "allLiquidation." + i.symbol(), BybitWire.allLiquidation(i, s.bybitBatch, now), false);
        s.bybitBatch.clear();
    }

    private void everySecond(long now) {
        Map<Venue, StringBuilder> markArrays = new HashMap<>();
        for (State s : states.values()) {
            SimInstrument i = s.instrument;
            Published p = s.latestThisSecond;
            if (p != null) {
                s.latestThisSecond = null;
                publishedLiquidation(p);
                if (i.venue() == Venue.OKX_SWAP) {
                    server.publish(i.venue(), "liquidation-orders:SWAP",
                            OkxWire.liquidation(i, p.isLong(), p.contracts(), p.price(), p.millis()), false);
                } else {
                    String frame = BinanceWire.forceOrder(i, p.isLong(), p.contracts(), p.price(), p.millis());
                    server.publish(i.venue(), "!forceOrder@arr", frame, false);
                    server.publish(i.venue(), BinanceWire.streamName(i.symbol(), "@forceOrder"), frame, false);
                }
            }
            double mark = market.price(i, now);
            double rate = 0.0001 * Math.sin(now / 3_600_000.0);
            switch (i.venue()) {
                case BINANCE_USDM, BINANCE_COINM -> {
                    String m = BinanceWire.markPrice(i, mark, rate, now);
                    server.publish(i.venue(), BinanceWire.streamName(i.symbol(), "@markPrice@1s"), m, false);
                    StringBuilder array = markArrays.computeIfAbsent(i.venue(), v -> new StringBuilder("["));
                    array.append(array.length() > 1 ? "," : "").append(m);
                }
                case BYBIT_LINEAR, BYBIT_INVERSE -> server.publish(i.venue(), "tickers." + i.symbol(),
                        BybitWire.tickers(i, false, mark, s.openInterest, rate, now), false);
                case OKX_SWAP -> {
                    if (now / 1000 % 3 == 0) {
                        server.publish(i.venue(), "open-interest:" + i.symbol(), OkxWire.openInterest(i, s.openInterest, mark, now), false);
                    }
                    if (now / 1000 % 30 == 0) {
                        server.publish(i.venue(), "funding-rate:" + i.symbol(), OkxWire.fundingRate(i, rate, now), false);
                    }
                }
            }
            s.openInterest += random.nextDouble() * 2e-5 * s.openInterest; // new positions: a few hundred $k a second
        }
        markArrays.forEach((venue, array) -> server.publish(venue, "!markPrice@arr@1s", array.append(']').toString(), false));
    }

    /** A new tickers subscriber gets the snapshot first, as on Bybit. */
    void bybitSnapshot(SimSession session, String topic) {
        State s = states.get(key(session.venue, topic.substring("tickers.".length())));
        if (s != null) {
            long now = System.currentTimeMillis();
            session.send(BybitWire.tickers(s.instrument, true, market.price(s.instrument, now), s.openInterest, 0.0001, now));
        }
    }

    private void publishedLiquidation(Published p) {
        published.add(p);
        server.stats().liquidationsPublished.incrementAndGet();
    }
}
