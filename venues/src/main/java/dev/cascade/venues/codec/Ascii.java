package dev.cascade.venues.codec;

import java.nio.charset.StandardCharsets;

/**
 * Numbers straight from ASCII bytes, without allocation on the common path (Agrona's parseLongAscii idea).
 *
 * <p>{@link #parseDouble} is exact: a decimal with at most 18 significant digits and a power of ten within
 * 10^±22 is converted with one correctly rounded multiplication or division of two exactly representable
 * doubles (Clinger's fast path), which gives the same double as {@link Double#parseDouble}. Anything else
 * falls back to {@link Double#parseDouble} (allocating, rare: venue prices have far fewer digits).
 */
public final class Ascii {
    /** Returned by {@link #parseLong} for anything that is not a decimal integer in range. */
    public static final long NOT_A_LONG = Long.MIN_VALUE;

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final long EXACT_MANTISSA = 1L << 53;

    private Ascii() {
    }

    /**
     * The decimal number in {@code b[from, to)}: optional sign, digits with an optional point, optional
     * exponent. NaN when the bytes are not such a number (empty, "NaN", "1.2.3", "12abc").
     */
    public static double parseDouble(byte[] b, int from, int to) {
        int i = from;
        if (i >= to) {
            return Double.NaN;
        }
        boolean negative = b[i] == '-';
        if (negative || b[i] == '+') {
            i++;
        }
        int digitsFrom = i;
        long mantissa = 0;
        int d;
        while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            i++;
        }
        int digits = i - digitsFrom;
        int scale = 0;
        if (i < to && b[i] == '.') {
            int fractionFrom = ++i;
            while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                i++;
            }
            scale = i - fractionFrom;
            digits += scale;
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int expStart = i;
            while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + d;
                }
                i++;
            }
            if (i == expStart) {
                return Double.NaN;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            return Double.NaN;
        }
        int power = exponent - scale;
        // more than 18 digits may have overflowed the mantissa: let the JDK do those (rare for prices)
        if (digits > 18 || mantissa >= EXACT_MANTISSA || power > 22 || power < -22) {
            return slowParse(b, from, to);
        }
        double v = mantissa;
        if (power > 0) {
            v *= POW10[power];
        } else if (power < 0) {
            v /= POW10[-power];
        }
        return negative ? -v : v;
    }

    private static double slowParse(byte[] b, int from, int to) {
        try {
            return Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The decimal integer in {@code b[from, to)} (optional minus sign), or {@link #NOT_A_LONG}. */
    public static long parseLong(byte[] b, int from, int to) {
        int i = from;
        if (i >= to) {
            return NOT_A_LONG;
        }
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
            if (i == to) {
                return NOT_A_LONG;
            }
        }
        if (to - i > 18) {
            return parseLongChecked(b, i, to, negative);
        }
        long v = 0;
        for (; i < to; i++) { // 18 digits cannot overflow: no check per digit
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_A_LONG;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    private static long parseLongChecked(byte[] b, int i, int to, boolean negative) {
        long v = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
                return NOT_A_LONG;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /** 64-bit FNV-1a of {@code b[from, to)}, finished with a murmur mix: ids that are not numbers. */
    public static long hash64(byte[] b, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ (b[i] & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** Whether {@code b[from, to)} equals the ASCII bytes of {@code literal}. */
    public static boolean equals(byte[] b, int from, int to, byte[] literal) {
        int len = to - from;
        if (len != literal.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[from + i] != literal[i]) {
                return false;
            }
        }
        return true;
    }

    public static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
