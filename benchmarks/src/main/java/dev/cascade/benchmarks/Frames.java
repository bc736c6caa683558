package dev.cascade.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * Benchmark inputs: real-shaped frames whose id and time digits are rewritten in place on every use, so
 * that each decode sees a new trade (rising ids) without allocating or cycling through a fixed set.
 */
final class Frames {
    /** A live 2026 USDⓈ-M aggTrade frame (combined stream, with the undocumented nq and st). */
    static final String AGG_TRADE = "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1749132000211,"
            + "\"a\":2712345678,\"s\":\"BTCUSDT\",\"p\":\"103012.40\",\"q\":\"0.125\",\"nq\":\"0.125\",\"f\":6012345670,"
            + "\"l\":6012345672,\"T\":1749132000207,\"m\":true,\"st\":1}}";
    /** A live 2026 USDⓈ-M forceOrder frame on !forceOrder@arr. */
    static final String FORCE_ORDER = "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":1749132000123,"
            + "\"o\":{\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"0.500\",\"p\":\"102890.0\","
            + "\"ap\":\"103050.5\",\"X\":\"FILLED\",\"l\":\"0.200\",\"z\":\"0.500\",\"T\":1749132000120,\"ps\":\"BTCUSDT\",\"st\":1}}}";
    /** A Tardis trades CSV row. */
    static final String TARDIS_ROW = "binance-futures,BTCUSDT,1749132000245000,1749132000355684,2712345001,sell,103010.5,0.011";

    private Frames() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Position of the first digit of the number that follows {@code key} in {@code frame}. */
    static int digitsAfter(byte[] frame, String key) {
        byte[] k = bytes(key);
        outer:
        for (int i = 0; i + k.length < frame.length; i++) {
            for (int j = 0; j < k.length; j++) {
                if (frame[i + j] != k[j]) {
                    continue outer;
                }
            }
            return i + k.length;
        }
        throw new IllegalArgumentException(key);
    }

    /** Adds one to the {@code width}-digit decimal number at {@code at}, in place (an odometer: usually one byte). */
    static void increment(byte[] frame, int at, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            if (frame[i] != '9') {
                frame[i]++;
                return;
            }
            frame[i] = '0';
        }
    }

    /** Writes {@code value} as exactly {@code width} decimal digits at {@code at}. */
    static void writeDigits(byte[] frame, int at, int width, long value) {
        for (int i = at + width - 1; i >= at; i--) {
            frame[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
