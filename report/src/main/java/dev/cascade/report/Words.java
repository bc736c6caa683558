package dev.cascade.report;

import dev.cascade.model.Exchange;
import dev.cascade.model.Micros;
import dev.cascade.model.Venue;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How the recap writes numbers, times and lists: as a market article does ("$495M", "84%", "15:35 UTC"). */
final class Words {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Words() {
    }

    /** $89.5M, $1.2B, $950K, $3.22T. */
    static String money(double usd) {
        double a = Math.abs(usd);
        String sign = usd < 0 ? "-" : "";
        if (a >= 1e12) {
            return sign + String.format(Locale.ROOT, "$%.2fT", a / 1e12);
        }
        if (a >= 1e9) {
            return sign + String.format(Locale.ROOT, "$%.2fB", a / 1e9);
        }
        if (a >= 1e6) {
            return sign + String.format(Locale.ROOT, "$%.1fM", a / 1e6);
        }
        if (a >= 1e3) {
            return sign + String.format(Locale.ROOT, "$%.0fK", a / 1e3);
        }
        return sign + String.format(Locale.ROOT, "$%.0f", a);
    }

    /** Axis labels: $30M, -$140M, $0, $2.5K; never exponent notation. */
    static String axisMoney(double usd) {
        double a = Math.abs(usd);
        String sign = usd < 0 ? "-" : "";
        String[] units = {"T", "B", "M", "K"};
        double[] scales = {1e12, 1e9, 1e6, 1e3};
        for (int i = 0; i < units.length; i++) {
            if (a >= scales[i]) {
                return sign + "$" + trimmed(a / scales[i]) + units[i];
            }
        }
        return sign + "$" + trimmed(a);
    }

    /** 30, 2.5, 0.25: at most two decimals, no trailing zeros. */
    private static String trimmed(double x) {
        String s = String.format(Locale.ROOT, "%.2f", x);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** "an $8.0M order", "a $12.0M order": the article as the amount is read aloud. */
    static String a(String amount) {
        String digits = amount.replaceAll("[^0-9.]", "");
        String whole = digits.contains(".") ? digits.substring(0, digits.indexOf('.')) : digits;
        boolean isVowel = whole.startsWith("8") || (whole.length() % 3 == 2 && (whole.startsWith("11")
                || whole.startsWith("18")));
        return (isVowel ? "an " : "a ") + amount;
    }

    /** "one", "two" ... "nine", then digits. */
    static String count(long n) {
        String[] words = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        return n >= 0 && n < words.length ? words[(int) n] : String.format(Locale.ROOT, "%,d", n);
    }

    /** $8,012,000. */
    static String dollars(double usd) {
        return String.format(Locale.ROOT, "$%,d", Math.round(usd));
    }

    /** $103,465 for large prices, $2,446.40, $0.2211. */
    static String price(double p) {
        if (p >= 10_000) {
            return String.format(Locale.ROOT, "$%,.0f", p);
        }
        if (p >= 1) {
            return String.format(Locale.ROOT, "$%,.2f", p);
        }
        return String.format(Locale.ROOT, "$%.4f", p);
    }

    /** 84% from 0.84. */
    static String share(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    /** 2.0% from -2.02 (the sign is in the verb). */
    static String percent(double pct) {
        return String.format(Locale.ROOT, "%.1f%%", Math.abs(pct));
    }

    static String time(long micros) {
        return TIME.format(Micros.toInstant(micros)) + " UTC";
    }

    static String day(long micros) {
        return DAY.format(Micros.toInstant(micros));
    }

    static String dayTime(long micros) {
        return DAY_TIME.format(Micros.toInstant(micros)) + " UTC";
    }

    /** "rose" or "fell". */
    static String moved(double pct) {
        return pct >= 0 ? "rose" : "fell";
    }

    /** a, b and c. */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** first, second, third ... for "the third such extreme this month". */
    static String ordinal(int n) {
        String[] words = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
        if (n >= 1 && n <= words.length) {
            return words[n - 1];
        }
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** "Binance", "Bybit", "OKX". */
    static String exchange(Exchange e) {
        return e.displayName();
    }

    /**
     * "Binance USD-M", "Bybit inverse", "OKX swap": plain text, because Binance's own "USDⓈ-M" has a glyph that
     * Debian's fonts (and the charts' Java fonts) do not carry.
     */
    static String venue(Venue v) {
        return v.displayName();
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
