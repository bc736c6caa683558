package dev.cascade.output;

import dev.cascade.model.Micros;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a figure reads, wherever it is read: the command line's text, the report, alerts and (mirrored rule for
 * rule in the dashboard's {@code app.js}, which a browser test holds to these) the dashboard. A figure that
 * cannot be known reads "–".
 *
 * <pre>
 *   money      $950   $5K   $8.01M   $495M   $48.8B   $3.2T   -$315M     three significant digits, unit K to T
 *   dollars    $8,012,000                                                 to the dollar, for one order or a table
 *   price      $106,332   $2,446.40   $2,600   $150.25   $3.457   $0.1866   $0.00001234   significant at any magnitude
 *   percent    84%   4.5%   2%   0.25%      whole from 10, one decimal from 1, two below; the sign as given
 *   funding    +0.0100%                   a rate per funding period, four decimals
 *   count      127,000
 *   duration   12s   5m 3s   2h 5m   3d 4h
 *   time       11:12 UTC, or Jun 5 11:12 UTC when the reader needs the day; 2025-06-05 11:12:59 UTC in a log,
 *              06-05 11:12 in a table's column
 * </pre>
 */
public final class Formats {
    /** What a figure that cannot be known reads. */
    public static final String UNKNOWN = "–";

    private static final String[] UNITS = {"K", "M", "B", "T"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);

    private Formats() {
    }

    /** USD in a few characters: three significant digits and a unit from K to T, whole dollars below $1,000. */
    public static String money(double usd) {
        if (!Double.isFinite(usd)) {
            return UNKNOWN;
        }
        String sign = usd < 0 ? "-" : "";
        double a = Math.abs(usd);
        if (Math.round(a) < 1_000) {
            return sign + "$" + Math.round(a);
        }
        int unit = 0;
        double scaled = a / 1e3;
        // 999,999 is $1M, not $1000K: move up while three significant digits round to the next unit
        while (unit < UNITS.length - 1 && significant(scaled, 3).compareTo(BigDecimal.valueOf(1000)) >= 0) {
            unit++;
            scaled /= 1e3;
        }
        return sign + "$" + significant(scaled, 3).stripTrailingZeros().toPlainString() + UNITS[unit];
    }

    /** USD to the dollar, with thousands separators: one order's size, a table's cell. */
    public static String dollars(double usd) {
        if (!Double.isFinite(usd)) {
            return UNKNOWN;
        }
        return (usd < 0 ? "-" : "") + String.format(Locale.ROOT, "$%,d", Math.round(Math.abs(usd)));
    }

    /**
     * A price with the digits that matter at its magnitude: none after the point from $10,000, the cents from
     * $100 (none when they are zero: a round level), four significant digits below (a coin quoted at $0.00001234
     * keeps them all).
     */
    public static String price(double p) {
        if (!Double.isFinite(p)) {
            return UNKNOWN;
        }
        String sign = p < 0 ? "-" : "";
        double a = Math.abs(p);
        if (a >= 10_000) {
            return sign + String.format(Locale.ROOT, "$%,d", Math.round(a));
        }
        if (a >= 100) {
            BigDecimal cents = new BigDecimal(a).setScale(2, RoundingMode.HALF_UP);
            // a round level reads $2,600, not $2,600.00; any other price keeps its cents
            return sign + (cents.remainder(BigDecimal.ONE).signum() == 0
                    ? String.format(Locale.ROOT, "$%,d", cents.longValue())
                    : String.format(Locale.ROOT, "$%,.2f", cents));
        }
        if (a == 0) {
            return "$0";
        }
        return sign + "$" + significant(a, 4).stripTrailingZeros().toPlainString();
    }

    /** A percentage given in percent (4.52 reads 4.5%): whole from 10, one decimal from 1, two below. */
    public static String percent(double pct) {
        if (!Double.isFinite(pct)) {
            return UNKNOWN;
        }
        double a = Math.abs(pct);
        int decimals = a >= 9.95 ? 0 : a >= 0.995 ? 1 : 2;
        BigDecimal v = new BigDecimal(pct).setScale(decimals, RoundingMode.HALF_UP);
        String s = v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
        return s + "%";
    }

    /** The same with its sign always written: +2.5%, -4.5%. */
    public static String signedPercent(double pct) {
        String s = percent(pct);
        return s.startsWith("-") || s.equals(UNKNOWN) || s.equals("0%") ? s : "+" + s;
    }

    /** A share given as a fraction (0.843 reads 84%). */
    public static String share(double ratio) {
        return Double.isFinite(ratio) ? percent(ratio * 100) : UNKNOWN;
    }

    /** A funding rate per period given as a fraction (0.0001 reads +0.0100%): four decimals, the sign written. */
    public static String fundingRate(double rate) {
        if (!Double.isFinite(rate)) {
            return UNKNOWN;
        }
        BigDecimal v = new BigDecimal(rate * 100).setScale(4, RoundingMode.HALF_UP);
        return (v.signum() < 0 ? "" : "+") + v.toPlainString() + "%";
    }

    /** 127,000. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 1st, 2nd, 3rd, 11th, 22nd. */
    public static String ordinal(int n) {
        int mod100 = Math.abs(n % 100);
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (Math.abs(n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** The two largest units of a duration: 12s, 5m 3s, 2h 5m, 3d 4h. */
    public static String duration(long micros) {
        Duration d = Duration.ofNanos(micros * 1000);
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m " + d.toSecondsPart() + "s";
        }
        return d.toSeconds() + "s";
    }

    /** 11:12 UTC. */
    public static String time(long micros) {
        return TIME.format(Micros.toInstant(micros)) + " UTC";
    }

    /** Jun 5 11:12 UTC. */
    public static String dateTime(long micros) {
        return DAY_TIME.format(Micros.toInstant(micros)) + " UTC";
    }

    /** 2025-06-05 11:12:59 UTC: a moment in a log or a table, to the second. */
    public static String timestamp(long micros) {
        return STAMP.format(Micros.toInstant(micros)) + " UTC";
    }

    /** 06-05 11:12: a minute in a table's column, where the header says UTC. */
    public static String minute(long micros) {
        return MINUTE.format(Micros.toInstant(micros));
    }

    /** Jun 5. */
    public static String date(long micros) {
        return DAY.format(Micros.toInstant(micros));
    }

    /**
     * Rounded on the double's exact value, a tie away from zero: what JavaScript's toPrecision and toFixed do,
     * so that the dashboard's mirror of these rules gives the same digits.
     */
    private static BigDecimal significant(double v, int digits) {
        return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_UP));
    }
}
