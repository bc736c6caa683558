package dev.cascade.server;

import dev.cascade.model.Micros;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict query parameters: only the names an endpoint declares, each at most once, each checked against its
 * pattern or range; anything else is a {@link BadRequest} with the reason. Values never reach a query as text.
 */
final class Params {
    private static final Pattern COIN = Pattern.compile("[A-Z0-9]{1,20}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9.-]{1,32}");
    private static final Pattern CURSOR = Pattern.compile("\\d{1,19}:\\d{1,9}");

    private final Map<String, List<String>> query;

    Params(Context ctx, Set<String> allowed) {
        this.query = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!allowed.contains(e.getKey())) { // access_token too: it is taken only on the stream
                throw new BadRequest("unknown parameter '" + clip(e.getKey()) + "' (allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
            if (e.getValue().size() > 1) {
                throw new BadRequest("parameter '" + e.getKey() + "' given more than once");
            }
        }
    }

    String raw(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** An upper-case coin symbol, or null when absent. */
    String coin() {
        String v = raw("coin");
        if (v == null) {
            return null;
        }
        if (!COIN.matcher(v).matches()) {
            throw new BadRequest("coin must be 1 to 20 upper-case letters or digits, like BTC");
        }
        return v;
    }

    /** A lower-case id (venue, exchange) from {@code known}, or null when absent. */
    String oneOf(String name, Set<String> known) {
        String v = raw(name);
        if (v == null) {
            return null;
        }
        if (!NAME.matcher(v).matches() || !known.contains(v)) {
            throw new BadRequest(name + " must be one of " + String.join(", ", known.stream().sorted().toList()));
        }
        return v;
    }

    /** A time as ISO-8601 or epoch milliseconds, in micros; {@code absent} when not given. */
    long time(String name, long absent) {
        String v = raw(name);
        if (v == null) {
            return absent;
        }
        long micros;
        try {
            micros = v.chars().allMatch(Character::isDigit) && v.length() <= 15 ? Long.parseLong(v) * 1000
                    : Micros.of(Instant.parse(v));
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new BadRequest(name + " must be an ISO-8601 time (2025-06-05T15:30:00Z) or epoch milliseconds");
        }
        if (!Micros.isPlausible(micros)) {
            throw new BadRequest(name + " is out of range");
        }
        return micros;
    }

    int integer(String name, int absent, int min, int max) {
        String v = raw(name);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest(name + " must be an integer from " + min + " to " + max);
    }

    double number(String name, double absent, double min, double max) {
        String v = raw(name);
        if (v == null) {
            return absent;
        }
        try {
            double d = Double.parseDouble(v);
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest(name + " must be a number from " + min + " to " + max);
    }

    /** A paging cursor {@code <micros>:<skip>} as handed out in {@code next}, or null. */
    long[] cursor() {
        String v = raw("cursor");
        if (v == null) {
            return null;
        }
        if (!CURSOR.matcher(v).matches()) {
            throw new BadRequest("cursor must be the 'next' value of a previous page");
        }
        int colon = v.indexOf(':');
        try {
            return new long[] {Long.parseLong(v.substring(0, colon)), Long.parseLong(v.substring(colon + 1))};
        } catch (NumberFormatException e) {
            throw new BadRequest("cursor must be the 'next' value of a previous page");
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
