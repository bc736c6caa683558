package dev.cascade.sim;

import java.time.Duration;

/**
 * How the simulator runs: where it listens (always a loopback address by default), how busy its market is,
 * and how often Binance's server pings go out (3 minutes on the real venue).
 *
 * @param tradesPerSecond     trades a second of each of the scripted instruments (the many more of
 *                            {@code instruments} trade less, see {@link SimMarket#activity})
 * @param historyCapacity     at most this many trades kept per instrument for REST gap recovery
 * @param instruments         how many instruments the market lists: 0 for the scripted few, more for that many
 *                            spread over every venue (like every perpetual of every venue: about 1,200)
 * @param speed               market time per wall time (1: real time), as far as the market loop and its
 *                            clients keep up
 */
public record SimConfig(String host, int port, double tradesPerSecond, double liquidationsPerSecond,
                        Duration binancePingEvery, int dropEveryMinutes, int historyCapacity, int instruments,
                        double speed) {

    public SimConfig(String host, int port, double tradesPerSecond, double liquidationsPerSecond,
                     Duration binancePingEvery, int dropEveryMinutes, int historyCapacity) {
        this(host, port, tradesPerSecond, liquidationsPerSecond, binancePingEvery, dropEveryMinutes, historyCapacity,
                0, 1);
    }

    public static SimConfig defaults() {
        return new SimConfig("127.0.0.1", 0, 20, 1, Duration.ofMinutes(3), 5, 1 << 17);
    }

    /**
     * Lists {@code count} instruments and runs the market {@code speed} times faster than the wall clock. Each
     * instrument's trade history for gap recovery is then 2,048 trades (10 s of wall time of the busiest at a
     * speed of 10, time enough to reconnect), so that 1,200 of them keep about 20 MB: 8,192 kept 85 MB after an
     * hour, the default 131,072 would keep 6 MB for each instrument.
     */
    public SimConfig withMarket(int count, double speed) {
        return new SimConfig(host, port, tradesPerSecond, liquidationsPerSecond, binancePingEvery, dropEveryMinutes,
                count > 0 ? Math.min(historyCapacity, 1 << 11) : historyCapacity, count, speed);
    }

    public SimConfig withPort(int port) {
        return new SimConfig(host, port, tradesPerSecond, liquidationsPerSecond, binancePingEvery, dropEveryMinutes,
                historyCapacity, instruments, speed);
    }

    public SimConfig withRates(double tradesPerSecond, double liquidationsPerSecond) {
        return new SimConfig(host, port, tradesPerSecond, liquidationsPerSecond, binancePingEvery, dropEveryMinutes,
                historyCapacity, instruments, speed);
    }

    public SimConfig withBinancePingEvery(Duration every) {
        return new SimConfig(host, port, tradesPerSecond, liquidationsPerSecond, every, dropEveryMinutes, historyCapacity,
                instruments, speed);
    }
}
