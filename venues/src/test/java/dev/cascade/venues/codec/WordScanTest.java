package dev.cascade.venues.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WordScanTest {
    /** Bytes chosen to sit on every boundary the word tricks depend on, and plain text around them. */
    private static final byte[] ALPHABET = {'a', 'Z', '0', '9', '/', ':', '"', '\\', '\n', 0, 0x1f, 0x20, 0x7f,
        (byte) 0x80, (byte) 0xc3, (byte) 0xfa, (byte) 0xff, '.', '-', 'e', 0x3a, 0x2f};

    private static int naiveStringStop(byte[] b, int i, int limit) {
        while (i < limit && b[i] != '"' && b[i] != '\\' && (b[i] < 0 || b[i] >= 0x20)) {
            i++;
        }
        return i;
    }

    private static int naiveDigitsEnd(byte[] b, int i, int limit) {
        while (i < limit && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }

    private static int naiveIndexOf(byte[] b, int i, int limit, byte target) {
        while (i < limit && b[i] != target) {
            i++;
        }
        return i;
    }

    @Test
    void shouldFindWhatAByteLoopFindsAtEveryOffsetAndLength() {
        SplittableRandom random = new SplittableRandom(17);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[1 + random.nextInt(40)];
            boolean isMostlyPlain = random.nextBoolean();
            for (int i = 0; i < b.length; i++) {
                b[i] = isMostlyPlain && random.nextInt(8) > 0
                        ? (byte) (random.nextBoolean() ? '0' + random.nextInt(10) : 'a' + random.nextInt(26))
                        : ALPHABET[random.nextInt(ALPHABET.length)];
            }
            int from = random.nextInt(b.length);
            int limit = from + random.nextInt(b.length - from + 1);
            byte target = ALPHABET[random.nextInt(ALPHABET.length)];
            assertThat(WordScan.stringStop(b, from, limit)).as("stringStop").isEqualTo(naiveStringStop(b, from, limit));
            assertThat(WordScan.digitsEnd(b, from, limit)).as("digitsEnd").isEqualTo(naiveDigitsEnd(b, from, limit));
            assertThat(WordScan.indexOf(b, from, limit, target)).as("indexOf").isEqualTo(naiveIndexOf(b, from, limit, target));
        }
    }

    @Test
    void shouldStopAtTheFirstStopInAWordThatHoldsSeveral() {
        byte[] b = "ab\"c\\d\u0001efghijkl".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(WordScan.stringStop(b, 0, b.length)).isEqualTo(2);
        assertThat(WordScan.stringStop(b, 3, b.length)).isEqualTo(4);
        assertThat(WordScan.stringStop(b, 5, b.length)).isEqualTo(6);
        byte[] digits = "1234567890123:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(WordScan.digitsEnd(digits, 0, digits.length)).isEqualTo(13);
        assertThat(WordScan.indexOf(digits, 0, digits.length, (byte) ':')).isEqualTo(13);
        assertThat(WordScan.indexOf(digits, 0, 13, (byte) ':')).isEqualTo(13);
    }
}
