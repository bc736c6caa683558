package dev.cascade.venues.okx;

import dev.cascade.venues.codec.JsonTape;

/**
 * OKX instrument id shapes: {@code BTC-USDT-SWAP} is a perpetual swap, the okx-swap venue; {@code BTC-USDT} (spot),
 * {@code BTC-USD-220527} (FUTURES) and {@code BTC-USD-220527-30000-C} (OPTION) are not. The public channels
 * carry every type, so a frame of another type is rejected as {@code unsupported-instrument} (README, "What a
 * rejection means"), never as an unknown swap whose metadata is missing.
 */
final class OkxInstIds {
    private static final byte[] SWAP_SUFFIX = {'-', 'S', 'W', 'A', 'P'};

    private OkxInstIds() {
    }

    /** Whether the string token {@code instId} names a swap. */
    static boolean isSwap(JsonTape t, int instId) {
        int len = t.length(instId);
        if (len <= SWAP_SUFFIX.length) {
            return false;
        }
        byte[] b = t.buffer();
        int from = t.start(instId) + len - SWAP_SUFFIX.length;
        for (int k = 0; k < SWAP_SUFFIX.length; k++) {
            if (b[from + k] != SWAP_SUFFIX[k]) {
                return false;
            }
        }
        return true;
    }
}
