package dev.cascade.venues.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte scans a word at a time (SWAR): one 8-byte load and a few ALU operations stand for eight loads, compares and
 * branches. Used by {@link JsonTape} for strings and numbers and by the line reader for newlines.
 *
 * <pre>
 *   word (little-endian):  b[i+7] ... b[i+1] b[i]      the first byte of the run is the low byte
 *   marks:                 0x80 in each byte that stops the scan; the lowest mark is the answer:
 *                          i + numberOfTrailingZeros(marks) / 8
 * </pre>
 */
public final class WordScan {
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

    private WordScan() {
    }

    /**
     * Which byte (0 to 7) holds the lowest 0x80 mark of {@code marks}: the lowest mark isolated and moved to bit 0 of
     * its byte, times 0x0001020304050607, puts that byte's index in the top byte. The same answer as
     * {@code numberOfTrailingZeros(marks) / 8}, without a call: the quick compiler (C1) neither inlines nor
     * intrinsifies numberOfTrailingZeros, and the scans run under it for most replays.
     */
    private static int lowestMarked(long marks) {
        return (int) ((((marks & -marks) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /**
     * The first {@code target} byte in {@code b[i, limit)}, or {@code limit}: eight bytes a word (the lowest zero byte
     * of {@code word ^ target..}, as in {@link #stringStop}).
     */
    public static int indexOf(byte[] b, int i, int limit, byte target) {
        long pattern = ONES * (target & 0xff);
        while (i + 8 <= limit) {
            long x = (long) WORD.get(b, i) ^ pattern;
            long zeros = (x - ONES) & ~x & HIGHS;
            if (zeros != 0) {
                return i + lowestMarked(zeros);
            }
            i += 8;
        }
        while (i < limit && b[i] != target) {
            i++;
        }
        return i;
    }

    /**
     * The first byte at or after {@code i} that ends plain string content (quote, backslash or control byte), or
     * {@code limit}. Per word: a byte equal to the quote or the backslash becomes zero after the XOR, and
     * {@code (v - 0x01..) & ~v & 0x80..} marks zero bytes, {@code (x - 0x20..) & ~x & 0x80..} bytes below 0x20. Only
     * the lowest mark is exact (a borrow can mark a byte above a true one), and only the lowest is used.
     */
    public static int stringStop(byte[] b, int i, int limit) {
        while (i + 8 <= limit) {
            long x = (long) WORD.get(b, i);
            long quote = x ^ (ONES * '"');
            long backslash = x ^ (ONES * '\\');
            long stops = ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (x - ONES * 0x20) & ~x) & HIGHS;
            if (stops != 0) {
                return i + lowestMarked(stops);
            }
            i += 8;
        }
        while (i < limit && b[i] != '"' && b[i] != '\\' && (b[i] < 0 || b[i] >= 0x20)) {
            i++;
        }
        return i;
    }

    /**
     * The first byte at or after {@code i} that is not an ASCII digit, or {@code limit}. Per word: a digit has high
     * nibble 3 and stays below 0x3A when 6 is added; XOR with 0x30.. leaves a non-zero byte exactly where either fails
     * (a carry out of a byte starts at a non-digit, so it cannot move the lowest one).
     */
    public static int digitsEnd(byte[] b, int i, int limit) {
        while (i + 8 <= limit) {
            long x = (long) WORD.get(b, i);
            long odd = (x & (ONES * 0xF0)) ^ (ONES * 0x30) | ((x + ONES * 0x06) & (ONES * 0xF0)) ^ (ONES * 0x30);
            if (odd != 0) {
                long nonZero = (odd | ((odd & LOWS) + LOWS)) & HIGHS;
                return i + lowestMarked(nonZero);
            }
            i += 8;
        }
        while (i < limit && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }
}
