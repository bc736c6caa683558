package dev.cascade.report;

import dev.cascade.model.Exchange;
import dev.cascade.model.Venue;
import dev.cascade.output.Formats;
import java.util.List;
import java.util.Locale;

/**
 * How the recap words what {@link Formats} writes: articles before amounts, numbers as words, lists, verbs of
 * movement, ordinals.
 */
final class Words {

    private Words() {
    }

    /** 2% from -2.02: the size of a move whose sign is in the verb ("fell 2%"). */
    static String magnitude(double pct) {
        return Formats.percent(Math.abs(pct));
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
        return Formats.ordinal(n);
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
