package dev.cascade.venues.codec;

/**
 * Parses an ISO-8601 UTC time as venues send it ({@code 2026-06-05T14:00:00.120Z}, up to nanosecond digits,
 * the fraction optional) straight from bytes to epoch microseconds, without allocating.
 */
public final class IsoTime {
    /** Returned when the bytes are not such a time. */
    public static final long INVALID = Long.MIN_VALUE;

    private IsoTime() {
    }

    public static long micros(byte[] b, int from, int to) {
        if (to - from < 20 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T' || b[from + 13] != ':'
                || b[from + 16] != ':' || b[to - 1] != 'Z') {
            return INVALID;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            return INVALID;
        }
        long micros = 0;
        int i = from + 19;
        if (i < to - 1) {
            if (b[i] != '.') {
                return INVALID;
            }
            int scale = 100_000;
            for (i++; i < to - 1; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return INVALID;
                }
                micros += (long) d * scale;
                scale /= 10;
            }
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000_000L + second * 1_000_000L + micros;
    }

    /** Non-digit input makes the value negative, which the range checks above reject. */
    private static int digits(byte[] b, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1_000_000;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        int era = y / 400;
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468;
    }
}
