package dev.cascade.sim;

import java.time.Duration;

/**
 * How the simulator runs: where it listens (always a loopback address by default), how busy its market is,
 * and how often Binance's server pings go out (3 minutes on the real venue).
 */
public record SimConfig(String host, int port, double tradesPerSecond, double liquidationsPerSecond,
                        Duration binancePingEvery, int dropEveryMinutes, int historyCapacity) {

    public static SimConfig defaults() {
        return new SimConfig("127.0.0.1", 0, 20, 1, Duration.ofMinutes(3), 5, 1 << 17);
    }

    public SimConfig withPort(int port) {
        return new SimConfig(host, port, tradesPerSecond, liquidationsPerSecond, binancePingEvery, dropEveryMinutes,
                historyCapacity);
    }

    public SimConfig withRates(double tradesPerSecond, double liquidationsPerSecond) {
        return new SimConfig(host, port, tradesPerSecond, liquidationsPerSecond, binancePingEvery, dropEveryMinutes,
                historyCapacity);
    }

    public SimConfig withBinancePingEvery(Duration every) {
        return new SimConfig(host, port, tradesPerSecond, liquidationsPerSecond, every, dropEveryMinutes, historyCapacity);
    }
}
