package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay's exit code says what became of its input (0 read, 1 usage, 2 nothing usable, 3 damaged), and a damaged
 * input never costs the others their figures.
 */
class DamagedReplayTest {
    private static final long SAMPLE_LIQUIDATIONS = 1_458;

    @TempDir
    Path dir;

    private Path sample;

    @BeforeEach
    void writeSample() throws IOException {
        sample = Files.writeString(dir.resolve("sample.jsonl"), SampleRecording.generate(), StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    @Test
    void shouldPrintTheGoodFilesFiguresAndExitThreeBesideAGzipWithAFlippedByte() throws IOException {
        byte[] gz = gzip(Files.readAllBytes(sample));
        gz[100] ^= (byte) 0xff;
        Path damaged = Files.write(dir.resolve("damaged.gz"), gz);

        Cli cli = Cli.run("replay", "--format", "json", sample.toString(), damaged.toString());

        assertThat(cli.exitCode()).isEqualTo(3);
        JsonNode j = cli.json();
        assertThat(j.path("liquidations").path("count").asLong()).isEqualTo(SAMPLE_LIQUIDATIONS);
        assertThat(j.path("input").path("damaged").get(0).path("name").asText()).isEqualTo("damaged.gz");
        assertThat(j.path("input").path("damaged").get(0).path("reason").asText()).startsWith("corrupt: ");
        assertThat(cli.err()).startsWith("cascade: damaged.gz: corrupt: ").doesNotContain("Exception");
    }

    @Test
    void shouldReadEveryLiquidationOfASampleWhoseFirstLineIsCut() throws IOException {
        String text = Files.readString(sample, StandardCharsets.UTF_8);
        Path cut = Files.writeString(dir.resolve("cut.jsonl"), text.substring(text.indexOf('\n') / 2));

        Cli cli = Cli.run("replay", "--format", "json", cut.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.json().path("input").path("files").get(0).path("format").asText()).isEqualTo("Cascade recording");
        assertThat(cli.json().path("liquidations").path("count").asLong()).isEqualTo(SAMPLE_LIQUIDATIONS);
    }

    @Test
    void shouldExitTwoWhenNothingUsableWasRead() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        Path junk = Files.writeString(dir.resolve("junk.csv"), "a;b;c\n1;2;3\n");

        Cli cli = Cli.run("replay", empty.toString(), junk.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("cascade: nothing usable was read (empty.jsonl: empty; junk.csv: unknown format)\n");
        assertThat(cli.out()).isEmpty();
    }
}
