package dev.cascade.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.kafka.ClusterTables;
import dev.cascade.kafka.OverviewCodec;
import dev.cascade.output.json.Json;
import dev.cascade.server.Published;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cascade serve --source questdb}: every figure from the cluster's output in a QuestDB server
 * ({@link ClusterTables}, written by the job's {@code --questdb}), continuously, into {@link ClusterFigures}:
 *
 * <pre>
 *   cascade_minutes.result (the results topic's JSON) ──> ClusterFigures.onResult (one source: the table)
 *   cascade_events, stream "event" (EventCodec, base64) ─> ClusterFigures.onEvent
 *   cascade_events, stream "late" ──────────────────────> ClusterFigures.onLate
 *   cascade_overview (OverviewCodec) ───────────────────> ClusterFigures.onOverview
 * </pre>
 *
 * Each table is followed by {@code written}, the job's stamp: every {@code pollEvery} the reader asks, over the
 * server's HTTP {@code /exec}, for the rows stamped after its latest less {@code margin}, a page at a time. The
 * margin covers what a stamp does not order: rows of several writers and WAL transactions made visible a little
 * after their stamp, or a row upserted away from under a page; the rows of the margin come again and are
 * recognised by their key (a row the job wrote again, with the same key, is passed over the same way). One reader
 * thread owns the figures; API queries run on it between polls.
 */
final class QuestDbServeJob extends ClusterReader {
    /** The server (HTTP host:port) and what to read out, and how closely to follow it. */
    record Settings(String address, FigureSettings figures, Duration pollEvery, Duration margin) {
    }

    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    /** Far more than the server takes to apply a WAL transaction after the job's flush. */
    static final Duration MARGIN = Duration.ofMinutes(1);
    /** Rows asked for at a time. */
    static final int PAGE = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(QuestDbServeJob.class);

    private final Settings settings;
    private final HttpClient http;
    private final List<Table> tables;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private String outage; // the reason the last poll failed, while the server does not answer

    private QuestDbServeJob(Settings settings, HttpClient http, Consumer<Published> onPublished, AtomicLong rejected,
                            Runnable onEnd) {
        super("questdb-reader", settings.figures(), ClusterFigures.HORIZON, onPublished, rejected, onEnd);
        this.settings = settings;
        this.http = http;
        this.tables = List.of(
                new Table(ClusterTables.MINUTES, "venue, symbol, revision, result", this::onMinute),
                new Table(ClusterTables.EVENTS, "stream, kind, venue, symbol, digest, record", this::onEvent),
                new Table(ClusterTables.OVERVIEW, "kind, digest, body", this::onOverview));
    }

    @Override
    void wakeup() {
        // the thread waits on the figures' queries, which a query ends; a close is seen within 200 ms
    }

    @Override
    void release() {
        // one HTTP request at a time, nothing held between them
    }

    /**
     * Connects and checks that the three tables are there (a missing one, a server that does not answer within
     * {@link KafkaOptions#CONNECT_TIMEOUT} or refuses the connection, is a one-line {@link IllegalStateException}),
     * then starts following them. Each read-out goes to {@code onPublished}, with {@code rejected} set to the inputs
     * refused so far; {@code onEnd} runs once the reader thread has ended (closed or failed, see {@link #failure}).
     */
    static QuestDbServeJob start(Settings settings, Consumer<Published> onPublished, AtomicLong rejected, Runnable onEnd) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(KafkaOptions.CONNECT_TIMEOUT).build();
        QuestDbServeJob job = new QuestDbServeJob(settings, http, onPublished, rejected, onEnd);
        for (Table t : job.tables) {
            try {
                job.query("SELECT written FROM " + t.name + " LIMIT 1");
            } catch (IOException e) {
                throw new IllegalStateException(job.unreachable(e));
            } catch (Refused e) {
                throw new IllegalStateException(e.getMessage().contains("does not exist")
                        ? "no table " + t.name + " at QuestDB " + settings.address()
                        + " (run the Flink job with --questdb " + settings.address() + ")"
                        : "QuestDB at " + settings.address() + " refused " + t.name + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
        job.startReading();
        return job;
    }

    @Override
    void read() throws InterruptedException {
        long nextPoll = 0;
        while (!isClosed) {
            if (System.currentTimeMillis() >= nextPoll) {
                poll();
                nextPoll = System.currentTimeMillis() + settings.pollEvery().toMillis();
            }
            figures.publish();
            figures.runQueries(Math.max(1, Math.min(200, nextPoll - System.currentTimeMillis())));
        }
    }

    /** Reads what each table has new; a server that does not answer is said once, and tried again next time. */
    private void poll() throws InterruptedException {
        try {
            for (Table t : tables) {
                t.follow();
            }
            if (outage != null) {
                LOG.warn("QuestDB at {} answers again", settings.address());
                outage = null;
            }
            polls.incrementAndGet();
        } catch (IOException | Refused e) {
            String reason = e instanceof IOException io ? unreachable(io) : "QuestDB at " + settings.address()
                    + " refused a query: " + e.getMessage();
            if (!reason.equals(outage)) {
                LOG.warn("{}; serving what was read, trying again every {} s", reason, settings.pollEvery().toSeconds());
                outage = reason;
            }
        }
    }

    private void onMinute(JsonNode row, long ts) {
        JsonNode result = row.get(row.size() - 1);
        if (result == null || !result.isTextual()) {
            figures.onUnreadableResult(); // a row of a job before the result column, or damaged
            return;
        }
        figures.onResult(0, result.asText().getBytes(StandardCharsets.UTF_8));
    }

    private void onEvent(JsonNode row, long ts) {
        byte[] record;
        try {
            record = Base64.getDecoder().decode(row.path(row.size() - 1).asText());
        } catch (IllegalArgumentException e) {
            record = new byte[0]; // not base64: the decoder counts it as malformed
        }
        if (ClusterTables.STREAM_LATE.equals(row.path(2).asText())) {
            figures.onLate(record);
        } else {
            figures.onEvent(record);
        }
    }

    private void onOverview(JsonNode row, long ts) {
        figures.onOverview(OverviewCodec.key(row.path(2).asText(), ts),
                row.path(row.size() - 1).asText().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What to do with a row: its columns are {@code written}, {@code ts}, then the table's own, its key columns
     * first and its document last.
     */
    private interface RowHandler {
        void accept(JsonNode row, long tsMicros);
    }

    /** One table, followed by its {@code written} stamp. */
    private final class Table {
        final String name;
        final String columns;
        final RowHandler handler;
        /** The latest stamp read, and the rows of the margin before it, by key, with their stamp. */
        long latest = Long.MIN_VALUE;
        final Map<String, Long> seen = new HashMap<>();

        Table(String name, String columns, RowHandler handler) {
            this.name = name;
            this.columns = columns;
            this.handler = handler;
        }

        void follow() throws IOException, Refused, InterruptedException {
            long margin = settings.margin().toNanos() / 1000;
            long since = latest == Long.MIN_VALUE ? Long.MIN_VALUE : latest - margin;
            String where = since == Long.MIN_VALUE ? "written IS NOT NULL" : "written > " + since;
            for (long lo = 0; ; lo += PAGE) {
                JsonNode dataset = query("SELECT cast(written AS LONG), cast(ts AS LONG), " + columns + " FROM " + name
                        + " WHERE " + where + " ORDER BY written LIMIT " + lo + ", " + (lo + PAGE));
                for (JsonNode row : dataset) {
                    long written = row.path(0).asLong();
                    long ts = row.path(1).asLong();
                    StringBuilder key = new StringBuilder().append(ts);
                    for (int i = 2; i < row.size() - 1; i++) { // the row's key: every column but the document, last
                        key.append('|').append(row.get(i).asText());
                    }
                    if (seen.putIfAbsent(key.toString(), written) == null) {
                        rows.incrementAndGet();
                        handler.accept(row, ts);
                    }
                    latest = Math.max(latest, written);
                }
                if (dataset.size() < PAGE) {
                    break;
                }
            }
            long forget = latest - margin;
            seen.values().removeIf(w -> w <= forget);
        }
    }

    /** A query's rows ({@code dataset}); an answer that is not 200 is {@link Refused}, with the server's reason. */
    private JsonNode query(String sql) throws IOException, Refused, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + settings.address() + "/exec?query="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        JsonNode body;
        try (InputStream in = response.body()) {
            body = Json.MAPPER.readTree(in);
        }
        if (response.statusCode() != 200 || body == null || body.has("error")) {
            throw new Refused(body == null ? "HTTP " + response.statusCode() : body.path("error").asText());
        }
        return body.path("dataset");
    }

    private String unreachable(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "QuestDB at " + settings.address() + " did not answer within " + KafkaOptions.CONNECT_TIMEOUT.toSeconds()
                    + " s";
        }
        return "QuestDB at " + settings.address() + ": " + (e instanceof ConnectException ? "connection refused"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** The server answered, with an error. */
    private static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    /** Rows read (each once), and polls done. */
    long rows() {
        return rows.get();
    }

    long polls() {
        return polls.get();
    }
}
