package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every usage error is one line naming the option and its rule, then where the help is, with exit code 1; a path
 * that cannot be used is one line naming it and the reason. No usage text is printed, nothing is run.
 */
class UsageErrorsTest {
    @TempDir
    Path dir;

    private static void assertUsage(Cli cli, String command, String message) {
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("cascade: " + message + "\nsee `" + command + " --help`\n");
        assertThat(cli.out()).isEmpty();
    }

    private static void assertOneLine(Cli cli, String message) {
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("cascade: " + message + "\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void shouldBlameOnlyTheOptionThatBrokeItsRule() {
        assertUsage(Cli.run("replay", "--top", "-1", "x"), "cascade replay", "--top must be at least 1, not -1");
        assertUsage(Cli.run("replay", "--max-line-bytes", "10", "x"), "cascade replay",
                "--max-line-bytes must be at least 1024, not 10");
        assertUsage(Cli.run("replay", "--detail", "5000", "x"), "cascade replay", "--detail must be 0 to 1000, not 5000");
        assertUsage(Cli.run("replay", "--burst-usd", "0", "x"), "cascade replay",
                "--burst-usd must be a positive number, not 0");
        assertUsage(Cli.run("replay", "--burst-minutes", "0", "x"), "cascade replay",
                "--burst-minutes must be at least 1, not 0");
        assertUsage(Cli.run("replay", "--taker-bar", "2m", "x"), "cascade replay", "--taker-bar must be 1m, 5m or 1h, not 2m");
        assertUsage(Cli.run("replay", "--top", "ten", "x"), "cascade replay",
                "Invalid value for option '--top': 'ten' is not an int");
        assertUsage(Cli.run("replay", "--frob", "x"), "cascade replay", "unknown option --frob");
    }

    @Test
    void shouldServeTheClusterOrFilesButNotBoth() {
        assertUsage(Cli.run("serve", "--source", "kafka", "x.jsonl"), "cascade serve",
                "--source kafka serves the cluster's output, not files or a store");
        assertUsage(Cli.run("serve", "--source", "questdb", "--store", "dir"), "cascade serve",
                "--source questdb serves the cluster's output, not files or a store");
        assertUsage(Cli.run("serve", "--source", "kinesis"), "cascade serve",
                "--source takes 'kafka' or 'questdb', not 'kinesis'");
        assertUsage(Cli.run("serve", "--source", "questdb", "--questdb", "http://host:9000"), "cascade serve",
                "--questdb is HOST:PORT, not 'http://host:9000'");
        assertUsage(Cli.run("serve", "--source", "questdb", "--results-topic", "t"), "cascade serve",
                "--results-topic and --late-topic go with --source kafka");
        assertUsage(Cli.run("serve", "--results-topic", "t", "x.jsonl"), "cascade serve",
                "--results-topic and --late-topic go with --source kafka");
        assertUsage(Cli.run("serve", "--late-topic", "t", "x.jsonl"), "cascade serve",
                "--results-topic and --late-topic go with --source kafka");
        assertUsage(Cli.run("serve", "--source", "kafka", "--results-topic", "cascade.trades"), "cascade serve",
                "--results-topic and --late-topic must differ from each other and the event topics");
        assertUsage(Cli.run("serve", "--source", "kafka", "--late-topic", "cascade.overview"), "cascade serve",
                "--results-topic and --late-topic must differ from each other and the event topics");
        assertUsage(Cli.run("serve", "--source", "kafka", "--late-topic", "cascade.minutes"), "cascade serve",
                "--results-topic and --late-topic must differ from each other and the event topics");
    }

    @Test
    void shouldRefuseAnUnknownCommandEvenWithHelp() {
        String commands = "(commands: replay, live, record, simulate, liqprice, serve, report, demo, kafka, publish, "
                + "export)";
        // the example was export --help, from before export existed: a misspelt command does the same
        assertUsage(Cli.run("exprot", "--help"), "cascade", "unknown command 'exprot' " + commands);
        assertUsage(Cli.run("frobnicate"), "cascade", "unknown command 'frobnicate' " + commands);
        assertUsage(Cli.run(), "cascade", "a command is required, e.g. cascade replay FILE " + commands);
    }

    @Test
    void shouldRefuseDurationsThatMakeNoSense() {
        assertUsage(Cli.run("live", "--simulator", "--duration", "-5s"), "cascade live",
                "--duration must be longer than 0, not -5s");
        assertUsage(Cli.run("live", "--simulator", "--duration", "0s"), "cascade live",
                "--duration must be longer than 0, not 0s");
        assertUsage(Cli.run("record", "--simulator", "--out", dir.toString(), "--rotate", "0s"), "cascade record",
                "--rotate must be at least 1m, not 0s");
        assertUsage(Cli.run("live", "--simulator", "--rotate", "30s"), "cascade live", "--rotate must be at least 1m, not 30s");
        assertUsage(Cli.run("live", "--duration", "soon"), "cascade live",
                "Invalid value for option '--duration': 'soon' is not a duration (e.g. 500ms, 90s, 10m, 2h)");
        assertUsage(Cli.run("simulate", "--stall-every", "0s"), "cascade simulate",
                "--stall-every must be longer than 0, not 0s");
        assertUsage(Cli.run("simulate", "--delay", "-1s"), "cascade simulate", "--delay must be at least 0s, not -1s");
    }

    @Test
    void shouldRefusePortsOutOfRangeAndOtherNumbers() {
        assertUsage(Cli.run("serve", "--port", "70000", "x"), "cascade serve",
                "--port must be 0 to 65535 (0 picks a free port), not 70000");
        assertUsage(Cli.run("live", "--simulator", "--serve", "--port", "-1"), "cascade live",
                "--port must be 0 to 65535 (0 picks a free port), not -1");
        assertUsage(Cli.run("serve", "--rate-limit", "-3", "x"), "cascade serve", "--rate-limit must be at least 0, not -3");
        assertUsage(Cli.run("simulate", "--port", "65536"), "cascade simulate",
                "--port must be 0 to 65535 (0 picks a free port), not 65536");
        assertUsage(Cli.run("simulate", "--speed", "0"), "cascade simulate", "--speed must be a positive number, not 0");
        assertUsage(Cli.run("demo", "--speed", "-2"), "cascade demo", "--speed must be a positive number, not -2");
        assertUsage(Cli.run("liqprice", "--venue", "binance-usdm", "--side", "long", "--entry", "-1", "--qty", "1",
                "--leverage", "2"), "cascade liqprice", "--entry must be a positive number, not -1");
        assertUsage(Cli.run("liqprice", "--venue", "kraken", "--side", "long", "--entry", "1", "--qty", "1",
                "--leverage", "2"), "cascade liqprice", "--venue must be binance-usdm, binance-coinm, bybit-linear, "
                + "bybit-inverse or okx-swap, not 'kraken'");
        assertUsage(Cli.run("live", "--instruments", "1200"), "cascade live", "--instruments and --speed need --simulator");
        assertUsage(Cli.run("live", "--simulator", "--speed", "0"), "cascade live",
                "--speed must be above 0 and at most 10000");
        assertUsage(Cli.run("live", "--simulator", "--instruments", "-1"), "cascade live",
                "--instruments must be 0 to 100000");
        assertUsage(Cli.run("live", "--venues", "coinbase", "--simulator"), "cascade live", "--venues: unknown venue "
                + "'coinbase' (known: binance-usdm, binance-coinm, bybit-linear, bybit-inverse, okx-swap, bitmex, deribit, "
                + "kraken-futures, dydx-v4, bitget-usdtm, htx-linear, htx-inverse, bitfinex, gate-linear)");
    }

    @Test
    void shouldNameThePathAndTheReason() throws IOException {
        Path missing = dir.resolve("nope.jsonl");
        assertOneLine(Cli.run("replay", missing.toString()), missing + ": no such file");
        assertOneLine(Cli.run("replay", dir.toString()), dir + ": is a directory");
        assertOneLine(Cli.run("serve", "--port", "0", dir.toString()), dir + ": is a directory");
        assertOneLine(Cli.run("report", "--out", dir.resolve("r").toString(), missing.toString()), missing + ": no such file");
        Path file = Files.writeString(dir.resolve("passwd"), "root:x:0:0\n");
        assertOneLine(Cli.run("report", "--out", file.toString(), file.toString()),
                "--out " + file + ": is a file, not a directory");
        assertOneLine(Cli.run("report", "--out", file.resolve("sub").toString(), file.toString()),
                "--out " + file.resolve("sub") + ": " + file + " is a file");
        assertOneLine(Cli.run("live", "--simulator", "--alerts", missing.toString()), "--alerts " + missing + ": no such file");
        assertOneLine(Cli.run("record", "--simulator", "--out", file.toString()), "--out " + file + ": is a file, not a directory");
        Path alerts = Files.writeString(dir.resolve("alerts.json"), "{\"rules\": [", StandardCharsets.UTF_8);
        Cli bad = Cli.run("live", "--simulator", "--alerts", alerts.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).startsWith("cascade: --alerts " + alerts + ": not JSON: ").hasLineCount(1);
        Path unknown = Files.writeString(dir.resolve("rules.json"), "{\"rules\": [{\"name\": \"x\", \"kind\": \"moon\"}]}");
        Cli wrong = Cli.run("live", "--simulator", "--alerts", unknown.toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("cascade: --alerts " + unknown + ": alert rule 'x': ").hasLineCount(1);
        assertOneLine(Cli.run("liqprice", "--venue", "binance-usdm", "--side", "long", "--entry", "1", "--qty", "1",
                "--leverage", "2", "--brackets", missing.toString()), "--brackets " + missing + ": no such file");
    }

    @Test
    void shouldSetTheLogLevelOfEveryCommand() throws IOException {
        assertUsage(Cli.run("replay", "--log-level", "loud", "x"), "cascade replay",
                "Invalid value for option '--log-level': 'loud' is not error, warn, info, debug or trace "
                + "(nor may CASCADE_LOG_LEVEL be)");
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level before = root.getLevel();
        try {
            Path sample = Files.writeString(dir.resolve("sample.jsonl"), SampleRecording.generate());
            Cli cli = Cli.run("replay", "--log-level", "debug", sample.toString());
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(root.getLevel()).isEqualTo(ch.qos.logback.classic.Level.DEBUG);
            Cli.run("report", "--log-level", "ERROR", "--from", "x", "y");
            assertThat(root.getLevel()).as("case does not matter").isEqualTo(ch.qos.logback.classic.Level.ERROR);
        } finally {
            root.setLevel(before);
        }
    }

    @Test
    void shouldReportPeriodsAsUsageErrors() {
        assertUsage(Cli.run("report", "--from", "yesterday", "x"), "cascade report",
                "--from must be ISO-8601, like 2025-06-05T00:00:00Z");
        assertUsage(Cli.run("report", "--from", "2025-06-06T00:00:00Z", "--to", "2025-06-05T00:00:00Z", "x"),
                "cascade report", "--from 2025-06-06T00:00:00Z is after --to 2025-06-05T00:00:00Z");
    }
}
