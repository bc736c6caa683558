package dev.cascade.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.model.Instrument;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.output.json.Json;
import dev.cascade.testkit.Events;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile requests against the guard, over raw sockets on 127.0.0.1 and an ephemeral port (an HTTP client would
 * normalise the paths and lengths these tests need to send as they are).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GuardTest {
    private static final String TOKEN = "s3cret-token-for-tests";
    private static final String ORIGIN = "https://dash.example.com";

    private final List<Server> servers = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private Stream stream;

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        servers.forEach(Server::close);
    }

    private Server serve(String token, String corsOrigin) {
        Events events = new Events();
        Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
        MarketState state = new MarketState(MarketState.Retention.REPLAY);
        state.onLiquidation(Events.liquidation(btc, Side.LONG, 12.5, 100_000, 1_749_132_000_000_000L));
        Published published = Published.of(Figures.of(state, FigureSettings.DEFAULT), 1, FigureSettings.DEFAULT);
        stream = new Stream();
        Server s = Server.start(MarketView.fixed(state, published), stream,
                new Server.Settings("127.0.0.1", 0, token, corsOrigin, 0, r -> { }, () -> { }));
        servers.add(s);
        return s;
    }

    /** An answer as it came off the socket. */
    private record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(body);
        }
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, as they are. */
    private static Answer send(Server s, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer get(Server s, String path, String... headers) throws IOException {
        return send(s, "GET " + path + " HTTP/1.1" + String.join("", headers), new byte[0]);
    }

    /** Reads one answer: status line, headers, then the body to its declared length, its last chunk, or EOF. */
    private static Answer read(InputStream in) throws IOException {
        String status = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h; !(h = line(in)).isEmpty(); ) {
            int colon = h.indexOf(':');
            headers.merge(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if (!status.contains(" 204 ")) {
            body.write(in.readAllBytes());
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("connection closed mid-line after '" + b + "'");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    private static String bearer() {
        return "\r\nAuthorization: Bearer " + TOKEN;
    }

    @Test
    void shouldAskForTheTokenOnEveryFormOfAProtectedPath() throws Exception {
        Server s = serve(TOKEN, null);
        String[] forms = {"/metrics/", "//metrics", "/METRICS", "/Metrics/", "/%6detrics", "/%256detrics",
            "/./metrics", "/x/../metrics", "/metrics;a=b", "/metrics%2F", "/api/v1//overview", "/API/V1/OVERVIEW",
            "/api/v1/overview/", "/api/v1/%6fverview", "/api%2Fv1%2Foverview", "/api/v1/health/../overview",
            "/api/v1/health;x/../overview", "/api/v1/health%2F..%2Foverview", "/api/v1/overview/..%2Fhealth",
            "/api/v1/./overview", "/api/v1/x/%2e%2e/overview", "/api/v1/nope", "/metrics/..", "/%6detrics/.."};
        for (String path : forms) {
            Answer a = get(s, path);
            assertThat(a.status()).as(path).isEqualTo(401);
            assertThat(a.body()).as(path).doesNotContain("cascade_events").doesNotContain("longUsd");
            assertThat(a.header("WWW-Authenticate")).as(path).isEqualTo("Bearer");
        }
        // with the token, the forms the router accepts answer as before
        assertThat(get(s, "/metrics/", bearer()).body()).contains("cascade_events_total 1.0");
        assertThat(get(s, "/api/v1/overview/", bearer()).status()).isEqualTo(200);
        // what stays open: health for probes, the dashboard's files
        for (String path : new String[] {"/api/v1/health", "/api/v1/health/", "/", "/app.js", "/style.css",
            "/webjars/echarts/5.3.1/dist/echarts.min.js"}) {
            assertThat(get(s, path).status()).as(path).isEqualTo(200);
        }
        assertThat(Guard.canonical("//API/v1/./x/..%2F%252e%252e/%2e%2e/;p/Metrics;v=1/")).isEqualTo("/metrics");
    }

    @Test
    void shouldKeepAdminClosedInEveryFormWithoutAToken() throws Exception {
        Server s = serve(null, null);
        for (String path : new String[] {"/api/v1/admin/refresh", "/api/v1/admin/refresh/", "//api/v1/admin/refresh",
            "/API/v1/Admin/refresh", "/api/v1/%61dmin/refresh", "/api/v1/x/../admin/refresh"}) {
            Answer a = send(s, "POST " + path + " HTTP/1.1\r\nContent-Length: 0", new byte[0]);
            assertThat(a.status()).as(path).isEqualTo(403);
            assertThat(a.json().path("error").asText()).as(path).contains("admin endpoints are closed");
        }
    }

    @Test
    void shouldAnswerPreflightsWithoutATokenAndWithCorsHeadersForTheAllowedOrigin() throws Exception {
        Server s = serve(TOKEN, "dash.example.com"); // no scheme: https, as before
        String preflight = "OPTIONS /api/v1/liquidations/summary HTTP/1.1\r\nAccess-Control-Request-Method: GET"
                + "\r\nAccess-Control-Request-Headers: authorization\r\nOrigin: ";
        Answer ok = send(s, preflight + ORIGIN, new byte[0]);
        assertThat(ok.status()).isEqualTo(204);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(ok.header("Access-Control-Allow-Headers")).contains("Authorization");
        assertThat(ok.header("Access-Control-Allow-Methods")).contains("GET");
        assertThat(ok.header("Vary")).contains("Origin");

        Answer other = send(s, preflight + "https://evil.example", new byte[0]);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        assertThat(other.json().path("error").asText()).contains("origin not allowed");

        // the real request: a 401 the page can read, then the answer with the token
        Answer refused = get(s, "/api/v1/liquidations/summary", "\r\nOrigin: " + ORIGIN);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        Answer answered = get(s, "/api/v1/liquidations/summary", "\r\nOrigin: " + ORIGIN + bearer());
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(answered.json().path("longUsd").decimalValue()).isEqualByComparingTo("1250000");
        assertThat(get(s, "/api/v1/health", "\r\nOrigin: https://evil.example").header("Access-Control-Allow-Origin"))
                .isNull();

        Server off = serve(TOKEN, null);
        Answer closed = send(off, preflight + ORIGIN, new byte[0]);
        assertThat(closed.status()).isEqualTo(403);
        assertThat(closed.json().path("error").asText()).contains("CORS is off");
    }

    @Test
    void shouldRefuseStreamedAndHugeBodiesBeyondTheLimit() throws Exception {
        Server s = serve(TOKEN, null);
        String post = "POST /api/v1/admin/refresh HTTP/1.1" + bearer();
        // declared lengths an int cannot hold: refused on the header, without waiting for the body
        for (String length : new String[] {"2147483648", "4294967312", "9223372036854775807"}) {
            Answer a = send(s, post + "\r\nContent-Length: " + length, "x".repeat(100).getBytes(StandardCharsets.UTF_8));
            assertThat(a.status()).as(length).isEqualTo(413);
            assertThat(a.json().path("error").asText()).as(length).isEqualTo("request body over 16384 bytes");
        }
        // a small chunked body is read and let through; an 8 MB one is cut off at the limit
        assertThat(send(s, post + "\r\nTransfer-Encoding: chunked", chunked(1024, 1024)).status()).isEqualTo(200);
        Answer big = sendWhileWriting(s, post + "\r\nTransfer-Encoding: chunked", chunked(8 << 20, 64 * 1024));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().path("error").asText()).isEqualTo("request body over 16384 bytes");
        // the limit counts bytes, not chunks: 17 chunks of 1 KB
        assertThat(send(s, post + "\r\nTransfer-Encoding: chunked", chunked(17 * 1024, 1024)).status()).isEqualTo(413);
        assertThat(get(s, "/api/v1/health").status()).isEqualTo(200); // and the server goes on
    }

    private static byte[] chunked(int total, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(total + total / chunk * 8 + 8);
        byte[] data = "y".repeat(chunk).getBytes(StandardCharsets.US_ASCII);
        for (int sent = 0; sent < total; sent += chunk) {
            int n = Math.min(chunk, total - sent);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data, 0, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Writes a body too big for the socket buffers on another thread while reading the answer here. */
    private Answer sendWhileWriting(Server s, String head, byte[] body) throws Exception {
        Socket socket = new Socket("127.0.0.1", s.port());
        sockets.add(socket);
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        out.write((head + "\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        Thread writer = new Thread(() -> {
            try {
                out.write(body);
            } catch (IOException e) {
                // the server stopped reading and closed: what a refusal looks like from here
            }
        });
        writer.start();
        Answer a = read(socket.getInputStream());
        socket.close();
        writer.join();
        return a;
    }

    @Test
    void shouldAnswer503ToAClientBeyondTheStreamLimit() throws Exception {
        Server s = serve(null, null);
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < Stream.MAX_CLIENTS; i++) {
            clients.add(openStream(s));
        }
        assertThat(stream.clients()).isEqualTo(256);
        Answer refused = get(s, "/api/v1/stream", "\r\nAccept: text/event-stream");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("30");
        assertThat(refused.json().path("error").asText()).contains("too many stream clients");
        assertThat(get(s, "/api/v1/health").json().path("streamClients").asInt()).isEqualTo(256);

        clients.get(0).close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (stream.clients() == 256) { // the server sees the close on its next write: the keepalive, or this event
            stream.onLiquidation(Events.liquidation(new Events().linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC"),
                    Side.LONG, 1, 100_000, 1_749_132_000_000_000L));
            assertThat(System.nanoTime()).as("a closed client let go within 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        openStream(s); // a place again
    }

    /** Opens a stream on a raw socket and waits for its first line. */
    private Socket openStream(Server s) throws IOException {
        Socket socket = new Socket("127.0.0.1", s.port());
        sockets.add(socket);
        socket.setSoTimeout(15_000);
        socket.getOutputStream().write(("GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream"
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        assertThat(line(in)).isEqualTo("HTTP/1.1 200 OK");
        String l;
        do {
            l = line(in);
        } while (!l.equals(": connected") && !l.endsWith(": connected"));
        return socket;
    }

    @Test
    void shouldTakeTheTokenInTheQueryOnlyOnTheStream() throws Exception {
        Server s = serve(TOKEN, null);
        for (String path : new String[] {"/api/v1/overview", "/metrics", "/api/v1/liquidations/summary",
            "/api/v1/overview/..%2Fstream", "/api/v1/x/../stream"}) {
            Answer a = get(s, path + "?access_token=" + TOKEN);
            assertThat(a.status()).as(path).isEqualTo(401);
            assertThat(a.json().path("error").asText()).contains("only on /api/v1/stream");
        }
        // with the header, the query token is an unknown parameter there
        Answer both = get(s, "/api/v1/overview?access_token=" + TOKEN, bearer());
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().path("error").asText()).contains("unknown parameter 'access_token'");

        Socket socket = new Socket("127.0.0.1", s.port());
        sockets.add(socket);
        socket.setSoTimeout(15_000);
        socket.getOutputStream().write(("GET /api/v1/stream?access_token=" + TOKEN + " HTTP/1.1\r\nHost: 127.0.0.1"
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(line(socket.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
        assertThat(get(s, "/api/v1/stream?access_token=wrong", "\r\nAccept: text/event-stream").status())
                .isEqualTo(401);
    }

    @Test
    void shouldRefuseAWeakTokenForAnExposedAddressAtStart() {
        for (String weak : new String[] {"x", "123456789012345"}) {
            Server.Settings exposed = new Server.Settings("0.0.0.0", 0, weak, null, 100, r -> { }, () -> { });
            // checked, never bound: tests listen on loopback only (Server.start runs the same check first)
            assertThatThrownBy(exposed::check).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("binding to 0.0.0.0 needs a token of at least 16 characters (--token or CASCADE_TOKEN;"
                            + " e.g. openssl rand -hex 16)");
        }
        new Server.Settings("0.0.0.0", 0, "1234567890123456", null, 100, r -> { }, () -> { }).check();
        assertThatThrownBy(() -> serve(new Server.Settings("127.0.0.1", 0, "two words", null, 0, r -> { }, () -> { })))
                .hasMessage("the token must be printable ASCII without spaces");
        assertThatThrownBy(() -> serve(new Server.Settings("127.0.0.1", 0, null, "https://a.example/path", 0,
                r -> { }, () -> { }))).hasMessageContaining("--cors-origin must be one origin");
    }

    private Server serve(Server.Settings settings) {
        MarketState empty = new MarketState(MarketState.Retention.REPLAY);
        Published none = Published.of(Figures.of(empty, FigureSettings.DEFAULT), 0, FigureSettings.DEFAULT);
        Server s = Server.start(MarketView.fixed(empty, none), new Stream(), settings);
        servers.add(s);
        return s;
    }

    @Test
    void shouldTakeAShortTokenOnLoopback() throws Exception {
        Server s = serve(new Server.Settings("127.0.0.1", 0, "x", null, 0, r -> { }, () -> { }));
        assertThat(get(s, "/api/v1/overview", "\r\nAuthorization: Bearer x").status()).isNotEqualTo(401);
    }

    @Test
    void shouldAnswerUnknownPathsWithTheJsonErrorShape() throws Exception {
        Server s = serve(null, null);
        for (String path : new String[] {"/nope", "/api/v1/nope", "/api/v2/liquidations", "//metrics"}) {
            Answer a = get(s, path);
            assertThat(a.status()).as(path).isEqualTo(404);
            assertThat(a.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(a.json().path("status").asInt()).as(path).isEqualTo(404);
            assertThat(a.json().path("error").asText()).as(path).isEqualTo("no such endpoint: see /api/v1/openapi.json");
        }
        // a path Jetty refuses before the API sees it: the same shape, with Jetty's status and reason
        Answer malformed = get(s, "/%00");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/json");
        assertThat(malformed.json().path("status").asInt()).isEqualTo(400);
        assertThat(malformed.json().path("error").asText()).isNotBlank();
        Answer post = send(s, "POST /api/v1/overview HTTP/1.1\r\nContent-Length: 0", new byte[0]);
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.json().path("error").asText()).startsWith("no such endpoint");
        // the API's own 404s keep their reason
        assertThat(get(s, "/api/v1/price?coin=DOGE").json().path("error").asText()).contains("no price figures for DOGE");
    }

    @Test
    void shouldSendTheSecurityHeadersOnEveryAnswer() throws Exception {
        Server s = serve(TOKEN, null);
        for (String path : new String[] {"/", "/app.js", "/api/v1/health", "/api/v1/overview", "/nope"}) {
            Answer a = get(s, path);
            assertThat(a.header("Content-Security-Policy")).as(path).isEqualTo(Guard.CONTENT_SECURITY_POLICY);
            assertThat(a.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(a.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(a.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
        // the policy allows no inline script: the dashboard has none (its scripts all come from files)
        String page = get(s, "/").body();
        assertThat(page.split("<script").length - 1).isEqualTo(2);
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("<style");
        String app = get(s, "/app.js").body();
        assertThat(app).doesNotContain("eval(").doesNotContain("new Function").doesNotContainPattern("\\son[a-z]+=");
    }
}
