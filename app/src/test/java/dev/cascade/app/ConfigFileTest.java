package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --config FILE}: a properties file whose keys are the options' long names, for every command or for one;
 * flags win over it; the whole file is checked at start, and an error names the file and the key in one line.
 */
class ConfigFileTest {
    @TempDir
    Path dir;

    private Path sample;

    @BeforeEach
    void writeSample() throws IOException {
        sample = Files.writeString(dir.resolve("sample.jsonl"), SampleRecording.generate(), StandardCharsets.UTF_8);
    }

    private Path config(String text) throws IOException {
        return Files.writeString(dir.resolve("cascade.properties"), text, StandardCharsets.UTF_8);
    }

    @Test
    void shouldTakeAnOptionForEveryCommandAndOneForACommandFromTheFile() throws IOException {
        Path file = config("# the coins listed, and replay's output for programs\ntop = 2\nreplay.format = json\n");

        Cli json = Cli.run("replay", "--config", file.toString(), sample.toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.json().path("liquidations").path("count").asLong()).isPositive();

        Cli text = Cli.run("replay", "--config=" + file, "--format", "text", sample.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).as("the flag wins over replay.format; top = 2 still applies")
                .startsWith("Cascade replay: ").containsPattern("By coin \\(top 2 of \\d+\\)");
    }

    @Test
    void shouldLetACommandsKeyWinOverTheKeyForEveryCommand() throws IOException {
        Path file = config("top = 1\nreplay.top = 2\n");

        Cli text = Cli.run("replay", "--config", file.toString(), sample.toString());

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("By coin \\(top 2 of \\d+\\)");
    }

    @Test
    void shouldSetTheLogLevelOfEveryCommandFromTheFileUnderTheFlag() throws IOException {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        Path file = config("log-level = error\n");
        try {
            assertThat(Cli.run("replay", "--config", file.toString(), sample.toString()).exitCode()).isZero();
            assertThat(root.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);

            assertThat(Cli.run("replay", "--config", file.toString(), "--log-level", "info", sample.toString())
                    .exitCode()).isZero();
            assertThat(root.getLevel()).as("the flag wins").isEqualTo(ch.qos.logback.classic.Level.INFO);
        } finally {
            root.setLevel(level);
        }
    }

    @Test
    void shouldRefuseAnUnknownKeyInOneLine() throws IOException {
        Path file = config("replay.topp = 3\n");
        Cli typo = Cli.run("replay", "--config", file.toString(), sample.toString());
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.err()).isEqualTo("cascade: --config " + file + ": replay.topp: unknown key: replay has no --topp\n");
        assertThat(typo.out()).isEmpty();

        Files.writeString(file, "storee = /var/lib/cascade\n");
        Cli anyCommand = Cli.run("replay", "--config", file.toString(), sample.toString());
        assertThat(anyCommand.exitCode()).isEqualTo(1);
        assertThat(anyCommand.err()).isEqualTo("cascade: --config " + file + ": storee: unknown key: no command has --storee\n");

        Files.writeString(file, "serv.port = 8080\n");
        Cli command = Cli.run("replay", "--config", file.toString(), sample.toString());
        assertThat(command.exitCode()).isEqualTo(1);
        assertThat(command.err()).startsWith("cascade: --config " + file + ": serv.port: no command 'serv' (commands: ")
                .hasLineCount(1);
    }

    @Test
    void shouldRefuseABadValueNamingTheKeyEvenForAnotherCommand() throws IOException {
        // checked once at start, the whole file: serve's port is wrong even when replay runs
        Path file = config("serve.port = eighty\n");
        Cli notAnInt = Cli.run("replay", "--config", file.toString(), sample.toString());
        assertThat(notAnInt.exitCode()).isEqualTo(1);
        assertThat(notAnInt.err()).isEqualTo("cascade: --config " + file
                + ": serve.port: invalid value for option '--port': 'eighty' is not an int\n");

        Files.writeString(file, "replay.format = yaml\n");
        Cli notAFormat = Cli.run("replay", "--config", file.toString(), sample.toString());
        assertThat(notAFormat.exitCode()).isEqualTo(1);
        assertThat(notAFormat.err()).startsWith("cascade: --config " + file + ": replay.format: invalid value for option "
                + "'--format': expected one of [TEXT, JSON]").hasLineCount(1);

        Files.writeString(file, "quiet = sometimes\n");
        Cli notABoolean = Cli.run("replay", "--config", file.toString(), sample.toString());
        assertThat(notABoolean.exitCode()).isEqualTo(1);
        assertThat(notABoolean.err()).isEqualTo("cascade: --config " + file + ": quiet: 'sometimes' is not true or false\n");
    }

    @Test
    void shouldNameTheKeyWhenAValueFromTheFileBreaksAnOptionsRule() throws IOException {
        Path file = config("top = 0\n");

        Cli cli = Cli.run("replay", "--config", file.toString(), sample.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("cascade: --config " + file + ": top: --top must be at least 1, not 0\n");
        // the same rule broken on the command line is the usual usage error
        Cli flag = Cli.run("replay", "--config", file.toString(), "--top", "-1", sample.toString());
        assertThat(flag.err()).isEqualTo("cascade: --top must be at least 1, not -1\nsee `cascade replay --help`\n");
    }

    @Test
    void shouldSayWhenTheFileCannotBeRead() {
        Path missing = dir.resolve("absent.properties");

        Cli cli = Cli.run("replay", "--config", missing.toString(), sample.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("cascade: --config " + missing + ": no such file\n");
    }
}
