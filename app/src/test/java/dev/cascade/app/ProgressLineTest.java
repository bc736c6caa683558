package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line: drawn in place on stderr, cleared at the end, shown only to a terminal and not with --quiet. */
class ProgressLineTest {
    @Test
    void shouldDrawTheShareOfBytesReadAndClearTheLine() {
        StringWriter err = new StringWriter();
        try (ProgressLine bar = ProgressLine.bytes("Replaying", 200L << 20, true, new PrintWriter(err))) {
            bar.stepTo(50L << 20);
        }
        String s = err.toString();
        assertThat(s).startsWith("\rReplaying").contains(" 25%").contains("50/200 MB");
        assertThat(s).endsWith("\r" + " ".repeat(79) + "\r"); // what the command prints next starts at the left
        assertThat(s).doesNotContain("\n"); // redrawn in place with \r: no line ends
    }

    @Test
    void shouldCountWhatHasNoKnownEnd() {
        StringWriter err = new StringWriter();
        AtomicLong frames = new AtomicLong(1234);
        try (ProgressLine bar = ProgressLine.counting("Playing", " frames", 1, frames::get, true,
                new PrintWriter(err))) {
            bar.stepTo(frames.get());
        }
        assertThat(err.toString()).contains("Playing").contains("1234/? frames");
    }

    @Test
    void shouldDrawNothingWhenNotShown() {
        StringWriter err = new StringWriter();
        try (ProgressLine bar = ProgressLine.bytes("Replaying", 100, false, new PrintWriter(err))) {
            bar.stepTo(50);
        }
        assertThat(bar(err)).isEmpty();
        assertThat(ProgressLine.bytes("x", 1, false, new PrintWriter(err))).isSameAs(ProgressLine.NONE);
    }

    @Test
    void shouldShowOnlyToATerminalAndNeverWhenQuiet() {
        String was = System.getProperty("cascade.stderr.terminal");
        try {
            System.clearProperty("cascade.stderr.terminal");
            assertThat(ProgressLine.isStderrTerminal()).isFalse(); // the test's stderr is a pipe to the build
            System.setProperty("cascade.stderr.terminal", "true"); // as the launcher says when [ -t 2 ]
            assertThat(ProgressLine.isWanted(false)).isTrue();
            assertThat(ProgressLine.isWanted(true)).isFalse();
            System.setProperty("cascade.stderr.terminal", "false");
            assertThat(ProgressLine.isWanted(false)).isFalse();
        } finally {
            if (was == null) {
                System.clearProperty("cascade.stderr.terminal");
            } else {
                System.setProperty("cascade.stderr.terminal", was);
            }
        }
    }

    @Test
    void shouldTakeQuietOnEveryLongCommand() {
        Cli replay = Cli.run("replay", "--quiet", "/nonexistent-cascade-input.jsonl");
        assertThat(replay.err()).doesNotContain("unknown option");
        for (String command : new String[] {"report", "serve", "simulate", "demo"}) {
            Cli help = Cli.run(command, "--help");
            assertThat(help.out()).as(command).contains("--quiet");
        }
    }

    private static String bar(StringWriter w) {
        return w.toString();
    }
}
