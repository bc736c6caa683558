package dev.cascade.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.output.json.Json;
import dev.cascade.output.json.LiquidationJson;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live stream ({@code GET /api/v1/stream}, server-sent events): every liquidation as it leaves the
 * deduplicator ({@code event: liquidation}), and each window's liquidation totals whenever a new read-out is
 * published ({@code event: summary}). Events go through a bounded queue to one sender thread, so a slow browser never
 * holds up the pipeline: when the queue is full, events are dropped and counted.
 */
public final class Stream implements MarketListener, AutoCloseable {
    private static final int QUEUE = 4096;
    static final int MAX_CLIENTS = 256;

    private record Event(String name, String data) {
    }

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender = new Thread(this::send, "sse");
    private volatile boolean isClosed;

    public Stream() {
        sender.setDaemon(true);
        sender.start();
    }

    /** Whether a new client would be refused; the API then answers 503 rather than opening the stream. */
    boolean isFull() {
        return clients.size() >= MAX_CLIENTS;
    }

    /** A new client: kept open until it goes away. */
    void add(SseClient client) {
        if (clients.size() >= MAX_CLIENTS) { // only when clients raced past isFull together
            client.sendEvent("error", "{\"error\":\"too many stream clients\"}");
            client.close();
            return;
        }
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendComment("connected");
    }

    /** Called on the pipeline thread: renders the liquidation and queues it. */
    @Override
    public void onLiquidation(Liquidation l) {
        if (clients.isEmpty()) {
            return;
        }
        ObjectNode n = LiquidationJson.event(l.venue(), l.instrument().symbol(), l.coin().name(), l.side(), l.usd(),
                l.price(), l.quantity(), l.exchangeMicros());
        offer(new Event("liquidation", Json.text(n)));
    }

    /**
     * Queues the totals of a new read-out: each window's headline figures (no breakdowns, a few hundred bytes),
     * so that a dashboard updates its cards from the stream and asks for the rest only when it changed.
     */
    void published(Published p) {
        if (clients.isEmpty() || p.liquidations().isEmpty()) {
            return;
        }
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("time", p.atMicros() == 0 ? null : Micros.iso(p.atMicros())).put("events", p.events());
        ObjectNode windows = n.putObject("windows");
        p.liquidations().keySet().forEach(window -> {
            JsonNode s = p.liquidations(window);
            ObjectNode w = windows.putObject(window);
            for (String k : HEADLINE) {
                w.set(k, s.path(k));
            }
        });
        offer(new Event("summary", Json.text(n)));
    }

    /** The figures of a window the stream's {@code summary} carries. */
    static final String[] HEADLINE = {"usd", "longUsd", "shortUsd", "count", "longCount", "shortCount",
        "estimatedUsd", "estimatedLowUsd", "estimatedHighUsd", "estimatedCount", "longShare"};

    private void offer(Event e) {
        if (!queue.offer(e)) {
            dropped.incrementAndGet();
        }
    }

    int clients() {
        return clients.size();
    }

    long dropped() {
        return dropped.get();
    }

    private void send() {
        while (!isClosed) {
            Event e;
            try {
                e = queue.poll(15, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                return;
            }
            for (SseClient c : clients) {
                try {
                    if (e == null) {
                        c.sendComment("keepalive"); // through proxies that close idle connections
                    } else {
                        c.sendEvent(e.name(), e.data());
                    }
                } catch (RuntimeException ex) {
                    clients.remove(c);
                }
            }
        }
    }

    @Override
    public void close() {
        isClosed = true;
        sender.interrupt();
        clients.forEach(SseClient::close);
        clients.clear();
    }
}
