package dev.cascade.app;

import dev.cascade.server.Server;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How {@code cascade serve} and {@code cascade live --serve} listen. */
final class ServeOptions {
    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default 127.0.0.1); any other needs --token.")
    String bind;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Port (default 8080; 0 picks one).")
    int port;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:CASCADE_TOKEN}",
            description = "Bearer token for the API (default: $CASCADE_TOKEN); needed to bind beyond loopback "
                    + "(then at least 16 characters), and for admin endpoints.")
    String token;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "Allow browser calls from this one origin, "
            + "scheme://host[:port] (CORS is off by default).")
    String corsOrigin;

    @Option(names = "--rate-limit", defaultValue = "" + Server.Settings.DEFAULT_RATE, paramLabel = "N",
            description = "Requests a second per client address (default 100, bursts of twice that; 0: no limit).")
    double rate;

    Server.Settings settings(CommandLine.Model.CommandSpec spec, Consumer<MeterRegistry> metrics, Runnable refresh) {
        Checks.port(spec, "--port", port);
        Checks.atLeast(spec, "--rate-limit", rate, 0);
        String t = token == null || token.isBlank() ? null : token;
        Server.Settings settings = new Server.Settings(bind, port, t, corsOrigin, rate, metrics, refresh);
        try {
            settings.check(); // before any replay or live run: a weak token is refused at once
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return settings;
    }
}
