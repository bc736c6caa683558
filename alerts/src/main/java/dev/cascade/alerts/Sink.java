package dev.cascade.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.model.Micros;
import java.net.URI;

/**
 * Where alerts go, and the body each expects: a generic JSON webhook (the whole alert), the Telegram bot API
 * ({@code sendMessage}), and Discord and Slack incoming webhooks. The URL of a secret-bearing sink is never
 * logged whole.
 */
public record Sink(Type type, URI uri, String chatId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Type { WEBHOOK, TELEGRAM, DISCORD, SLACK }

    public static Sink webhook(URI url) {
        return new Sink(Type.WEBHOOK, url, null);
    }

    /** {@code api} is https://api.telegram.org normally; tests point it at a local server. */
    public static Sink telegram(URI api, String botToken, String chatId) {
        return new Sink(Type.TELEGRAM, URI.create(api.toString().replaceAll("/+$", "") + "/bot" + botToken
                + "/sendMessage"), chatId);
    }

    public static Sink discord(URI url) {
        return new Sink(Type.DISCORD, url, null);
    }

    public static Sink slack(URI url) {
        return new Sink(Type.SLACK, url, null);
    }

    String body(Alert a) {
        String line = "Cascade: " + a.text();
        ObjectNode o = JSON.createObjectNode();
        switch (type) {
            case WEBHOOK -> o.put("id", a.id()).put("rule", a.rule()).put("kind", a.kind()).put("coin", a.coin())
                    .put("exchange", a.exchange()).put("time", Micros.iso(a.timeMicros())).put("text", a.text());
            case TELEGRAM -> o.put("chat_id", chatId).put("text", line).put("disable_web_page_preview", true);
            case DISCORD -> o.put("content", line);
            case SLACK -> o.put("text", line);
        }
        return dev.cascade.output.json.Json.text(o);
    }

    /** For logs: scheme, host and the first path segment only (tokens live in the rest). */
    String describe() {
        return type.name().toLowerCase() + " " + uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
