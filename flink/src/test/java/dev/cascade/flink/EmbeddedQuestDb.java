package dev.cascade.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.questdb.ServerMain;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/** A real QuestDB server in the test JVM, HTTP only, on 127.0.0.1 and an ephemeral port, in a temporary directory. */
public final class EmbeddedQuestDb implements AutoCloseable {
    private final Path root;
    private final ServerMain server;

    private EmbeddedQuestDb(Path root, ServerMain server) {
        this.root = root;
        this.server = server;
    }

    public static EmbeddedQuestDb start() throws Exception {
        Path root = Files.createTempDirectory("cascade-questdb");
        // QuestDB logs every connection to stdout by default: to a file in its directory instead
        Path log = root.resolve("log.conf");
        Files.writeString(log, "writers=file\nw.file.class=io.questdb.log.LogFileWriter\nw.file.location="
                + root.resolve("questdb.log") + "\nw.file.level=ERROR,CRITICAL,ADVISORY\n");
        System.setProperty(io.questdb.log.LogFactory.CONFIG_SYSTEM_PROPERTY, log.toString());
        ServerMain server = ServerMain.create(root.toString(), Map.of(
                "QDB_HTTP_NET_BIND_TO", "127.0.0.1:0", "QDB_HTTP_MIN_ENABLED", "false", "QDB_PG_ENABLED", "false",
                "QDB_LINE_TCP_ENABLED", "false", "QDB_LINE_UDP_ENABLED", "false", "QDB_TELEMETRY_ENABLED", "false"));
        server.start();
        return new EmbeddedQuestDb(root, server);
    }

    /** host:port of its HTTP endpoint. */
    public String address() {
        return "127.0.0.1:" + server.getHttpServerPort();
    }

    /** A directory beside the server's, removed with it. */
    public Path scratch(String name) throws Exception {
        return Files.createDirectories(root.resolve(name));
    }

    /** Runs a statement; a refusal fails. */
    public void exec(String sql) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address() + "/exec?query="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(sql + ": " + response.body());
        }
    }

    /** The first row of a query's result (an empty node when there is none). */
    public JsonNode firstRow(String sql) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address() + "/exec?query="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8))).build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body).path("dataset").path(0);
    }

    @Override
    public void close() throws Exception {
        server.close();
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
