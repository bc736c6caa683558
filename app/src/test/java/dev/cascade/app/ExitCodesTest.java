package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes every reading command shares (README: exit codes): 2 when nothing usable was read, 3 when an input
 * was damaged and the figures of the rest were still written. Replay's own cases are in {@link DamagedReplayTest}.
 */
class ExitCodesTest {
    @TempDir
    Path dir;

    private Path picture;
    private Path truncated;
    private Path sample;

    @BeforeEach
    void writeInputs() throws IOException {
        // a PNG's signature and header chunk: bytes that are no frame of any format
        picture = Files.write(dir.resolve("picture.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
            0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0});
        sample = Files.writeString(dir.resolve("sample.jsonl"), SampleRecording.generate(), StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(Files.readAllBytes(sample));
        }
        byte[] whole = bytes.toByteArray();
        truncated = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(whole, whole.length / 2));
    }

    @Test
    void shouldExitTwoWhenAPictureIsAllThereIsToRead() {
        String nothing = "cascade: nothing usable was read (picture.png: unknown format (binary data))\n";
        Cli replay = Cli.run("replay", picture.toString());
        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.err()).isEqualTo(nothing);
        assertThat(replay.out()).as("no table of zeros").isEmpty();

        Cli json = Cli.run("replay", "--format", "json", picture.toString());
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.err()).isEqualTo(nothing);
        assertThat(json.out()).isEmpty();

        Cli report = Cli.run("report", "--out", dir.resolve("recap").toString(), picture.toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).isEqualTo(nothing);
        assertThat(report.out()).isEmpty();
        assertThat(dir.resolve("recap")).as("no recap of nothing").doesNotExist();

        Cli serve = Cli.run("serve", "--port", "0", picture.toString());
        assertThat(serve.exitCode()).isEqualTo(2);
        assertThat(serve.err()).isEqualTo(nothing);
        assertThat(serve.out()).as("nothing served").isEmpty();
    }

    @Test
    void shouldExitTwoWithOneLineOnATextFileThatIsNoMarketData() throws IOException {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");

        Cli replay = Cli.run("replay", passwd.toString());

        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.err()).isEqualTo("cascade: nothing usable was read (passwd: unknown format)\n");
        assertThat(replay.out()).isEmpty();
    }

    @Test
    void shouldNameTheDamageWhenAnArchiveEndsBeforeItsFirstFrame() throws IOException {
        Path stub = Files.write(dir.resolve("stub.jsonl.gz"), Arrays.copyOf(Files.readAllBytes(truncated), 12));

        Cli replay = Cli.run("replay", stub.toString());

        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.err()).startsWith("cascade: nothing usable was read (stub.jsonl.gz: ").hasLineCount(1);
        assertThat(replay.out()).isEmpty();
    }

    @Test
    void shouldExitThreeOnATruncatedArchiveAndStillWriteWhatWasRead() {
        Cli replay = Cli.run("replay", "--format", "json", truncated.toString());
        assertThat(replay.exitCode()).isEqualTo(3);
        assertThat(replay.json().path("liquidations").path("count").asLong()).isPositive();
        assertThat(replay.err()).startsWith("cascade: cut.jsonl.gz: truncated").hasLineCount(1);

        Path recap = dir.resolve("recap");
        Cli report = Cli.run("report", "--format", "md", "--out", recap.toString(), truncated.toString());
        assertThat(report.exitCode()).as(report.err()).isEqualTo(3);
        assertThat(report.err()).startsWith("cascade: cut.jsonl.gz: truncated").hasLineCount(1);
        assertThat(report.out()).contains("Report: " + recap.resolve("report.md").toAbsolutePath());
        assertThat(recap.resolve("report.md")).isNotEmptyFile();
    }

    @Test
    void shouldSayAPortInUseBeforeLoadingAnything() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            String message = "cascade: cannot listen on 127.0.0.1:" + port + ": the port is in use\n";
            // the picture would say "nothing usable" (exit 2) had it been read before the port was bound
            Cli serve = Cli.run("serve", "--port", port, picture.toString());
            assertThat(serve.exitCode()).isEqualTo(1);
            assertThat(serve.err()).isEqualTo(message);
            assertThat(serve.out()).isEmpty();

            Cli live = Cli.run("live", "--simulator", "--serve", "--port", port, "--no-overview", "--duration", "1m");
            assertThat(live.exitCode()).isEqualTo(1);
            assertThat(live.err()).isEqualTo(message);
        }
    }

    @Test
    void shouldExitZeroWhenTheInputWasRead() {
        Cli replay = Cli.run("replay", sample.toString());
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.err()).isEmpty();
    }
}
