package dev.cascade.flink;

import dev.cascade.kafka.ClusterTables;
import io.questdb.client.Sender;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Rows of the cluster's output into a QuestDB server ({@link ClusterTables}), the external store of a cluster
 * deployment, over QuestDB's InfluxDB line protocol on HTTP (its own client). The tables are created on first use;
 * their {@code DEDUP UPSERT KEYS} make a row written again (a replay after a failure restored the job from its
 * last checkpoint) replace the earlier one: with the writer flushing at every checkpoint this is at-least-once
 * delivery and exactly-once content. A writer keeps its rows until it flushes and stamps them then
 * ({@code written}), so a reader that follows a table by that column sees a row soon after its stamp.
 */
public final class QuestDbSink<T> implements Sink<T> {
    /** How one value becomes a row: everything but {@code written} and {@code at}, which the writer adds. */
    public interface Row<T> extends Serializable {
        /** Starts the row ({@code sender.table(...)}) and adds its columns; returns its designated time in µs. */
        long write(Sender sender, T value);
    }

    /** Rows kept before a flush between checkpoints. */
    private static final int FLUSH_ROWS = 10_000;

    private final String address;
    private final Row<T> row;

    /** @param address the server's HTTP host:port (9000 by default) */
    public QuestDbSink(String address, Row<T> row) {
        this.address = address;
        this.row = row;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        createTables(address);
        return new Writer<>(Sender.fromConfig("http::addr=" + address + ";auto_flush=off;"), row);
    }

    /** Runs the tables' DDL through the server's {@code /exec} endpoint (idempotent). */
    static void createTables(String address) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        for (String ddl : ClusterTables.DDL) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + "/exec?query="
                    + URLEncoder.encode(ddl, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException("QuestDB at " + address + " refused a table: " + response.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted creating the tables", e);
            }
        }
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final Sender sender;
        private final Row<T> row;
        private final List<T> kept = new ArrayList<>();
        private long lastWritten;

        Writer(Sender sender, Row<T> row) {
            this.sender = sender;
            this.row = row;
        }

        @Override
        public void write(T value, Context context) {
            kept.add(value);
            if (kept.size() >= FLUSH_ROWS) {
                flush(false);
            }
        }

        /** Called at every checkpoint and at the end of input: what was written is on the server when it returns. */
        @Override
        public void flush(boolean endOfInput) {
            for (T value : kept) {
                long at = row.write(sender, value);
                // strictly increasing: a reader's page boundary never falls between two rows of one stamp
                lastWritten = Math.max(lastWritten + 1, System.currentTimeMillis() * 1000);
                sender.timestampColumn("written", lastWritten, ChronoUnit.MICROS).at(at, ChronoUnit.MICROS);
            }
            kept.clear();
            sender.flush();
        }

        @Override
        public void close() {
            sender.close();
        }
    }
}
