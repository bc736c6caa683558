package dev.cascade.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert rules and sinks from a JSON file:
 *
 * <pre>
 * {"rules": [
 *    {"name": "btc-cascade", "kind": "liquidations", "coin": "BTC", "window": "1h", "usd": 20000000, "cooldown": "30m"},
 *    {"name": "bursts", "kind": "burst", "exchange": "binance", "usd": 5000000, "cooldown": "10m"},
 *    {"name": "swept", "kind": "swept-cluster", "coin": "BTC"},
 *    {"name": "taker", "kind": "taker-extreme"},
 *    {"name": "flush", "kind": "flush"}],
 *  "sinks": [
 *    {"type": "webhook", "url": "https://example.org/hook"},
 *    {"type": "telegram", "token": "123:ABC", "chat": "-100123"},
 *    {"type": "discord", "url": "https://discord.com/api/webhooks/..."},
 *    {"type": "slack", "url": "https://hooks.slack.com/services/..."}]}
 * </pre>
 *
 * Every mistake is reported with the rule or sink it is in.
 */
public record AlertsConfig(List<AlertRule> rules, List<Sink> sinks) {
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");
    private static final URI TELEGRAM = URI.create("https://api.telegram.org");

    public static AlertsConfig load(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file + ": not JSON: " + e.getMessage(), e);
        }
        return parse(root, TELEGRAM);
    }

    static AlertsConfig parse(JsonNode root, URI telegram) {
        List<AlertRule> rules = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            String name = r.path("name").asText("");
            try {
                rules.add(new AlertRule(name, AlertRule.Kind.of(r.path("kind").asText("")), text(r, "coin", true),
                        text(r, "exchange", false), r.has("window") ? duration(r.path("window").asText()) : null,
                        r.path("usd").asDouble(0), duration(r.path("cooldown").asText("0s"))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("alert rule '" + name + "': " + e.getMessage(), e);
            }
        }
        List<Sink> sinks = new ArrayList<>();
        for (JsonNode s : root.path("sinks")) {
            String type = s.path("type").asText("");
            sinks.add(switch (type) {
                case "webhook" -> Sink.webhook(url(s));
                case "discord" -> Sink.discord(url(s));
                case "slack" -> Sink.slack(url(s));
                case "telegram" -> Sink.telegram(telegram, required(s, "token"), required(s, "chat"));
                default -> throw new IllegalArgumentException("alert sink type '" + type
                        + "' (webhook, telegram, discord, slack)");
            });
        }
        if (rules.isEmpty() || sinks.isEmpty()) {
            throw new IllegalArgumentException("an alerts file needs at least one rule and one sink");
        }
        return new AlertsConfig(rules, sinks);
    }

    private static String text(JsonNode n, String field, boolean isUpper) {
        String v = n.path(field).asText(null);
        return v == null || v.isBlank() ? null : isUpper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT);
    }

    private static String required(JsonNode n, String field) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalArgumentException("a telegram sink needs '" + field + "'");
        }
        return v;
    }

    private static URI url(JsonNode n) {
        URI u = URI.create(n.path("url").asText(""));
        if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
            throw new IllegalArgumentException("a sink url must be http(s): " + u.getScheme());
        }
        return u;
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("durations look like 30s, 10m, 1h or 1d, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
