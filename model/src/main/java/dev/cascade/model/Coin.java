package dev.cascade.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A base asset (BTC, ETH, ...), interned so that aggregators can index per-coin state by a dense {@link #id()}.
 * Coins are process-wide: the same name always yields the same instance.
 */
public final class Coin {
    private static final ConcurrentHashMap<String, Coin> BY_NAME = new ConcurrentHashMap<>();
    private static volatile Coin[] byId = new Coin[64];
    private static int count;

    private final String name;
    private final int id;

    private Coin(String name, int id) {
        this.name = name;
        this.id = id;
    }

    /** The interned coin for a raw base-asset name, normalized by {@link #normalize(String)}. */
    public static Coin of(String raw) {
        String name = normalize(raw);
        Coin c = BY_NAME.get(name);
        return c != null ? c : intern(name);
    }

    private static synchronized Coin intern(String name) {
        Coin c = BY_NAME.get(name);
        if (c == null) {
            c = new Coin(name, count);
            Coin[] ids = byId;
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
            }
            ids[count++] = c;
            byId = ids;
            BY_NAME.put(name, c);
        }
        return c;
    }

    /** The coin with the given id, which must have been handed out by {@link #of(String)}. */
    public static Coin byId(int id) {
        return byId[id];
    }

    /**
     * Normalizes a venue's base-asset name: upper case, XBT is BTC, and a power-of-ten lot prefix or suffix
     * (1000PEPE, 1000000MOG, 1MBABYDOGE, SHIB1000) is dropped so that all venues' PEPE count as one coin.
     * The instrument's quantity stays in the venue's lot unit, so the USD value is unaffected.
     */
    public static String normalize(String raw) {
        String s = raw.trim().toUpperCase(Locale.ROOT);
        if (s.equals("XBT")) {
            return "BTC";
        }
        int digits = 0;
        while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
            digits++;
        }
        if (digits >= 4 && isPowerOfTen(s, 0, digits) && digits < s.length()) {
            return s.substring(digits);
        }
        if (s.startsWith("1M") && s.length() > 3 && Character.isLetter(s.charAt(2))) {
            return s.substring(2);
        }
        int end = s.length();
        int start = end;
        while (start > 0 && Character.isDigit(s.charAt(start - 1))) {
            start--;
        }
        if (end - start >= 4 && start > 0 && isPowerOfTen(s, start, end)) {
            return s.substring(0, start);
        }
        return s;
    }

    private static boolean isPowerOfTen(String s, int from, int to) {
        if (s.charAt(from) != '1') {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    public String name() {
        return name;
    }

    /** Dense process-wide index, stable for the life of the process. */
    public int id() {
        return id;
    }

    @Override
    public String toString() {
        return name;
    }
}
