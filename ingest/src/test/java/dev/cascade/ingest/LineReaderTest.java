package dev.cascade.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static List<String> read(String text, int maxLine, int buffer) throws IOException {
        LineReader r = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLine, buffer);
        List<String> out = new ArrayList<>();
        while (r.next()) {
            out.add(r.isTooLong() ? "<too long>" : new String(r.buffer(), r.start(), r.length(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void shouldSplitLfAndCrlfLinesAndKeepALastLineWithoutNewline() throws IOException {
        assertThat(read("a\r\nbb\n\nccc", 100, 64)).containsExactly("a", "bb", "", "ccc");
        assertThat(read("", 100, 64)).isEmpty();
        assertThat(read("x\n", 100, 64)).containsExactly("x");
    }

    @Test
    void shouldGrowItsBufferForLinesLongerThanIt() throws IOException {
        String longLine = "y".repeat(5000);
        assertThat(read("a\n" + longLine + "\nb\n", 10_000, 64)).containsExactly("a", longLine, "b");
    }

    @Test
    void shouldSkipALineOverTheLimitAndGoOnWithTheNext() throws IOException {
        String tenMegabytes = "z".repeat(10 << 20);
        List<String> lines = read("first\n" + tenMegabytes + "\nlast\n", 1 << 20, 1 << 16);
        assertThat(lines).containsExactly("first", "<too long>", "last");
    }

    @Test
    void shouldReportAnOverlongLastLineWithoutNewline() throws IOException {
        assertThat(read("ok\n" + "w".repeat(3000), 1024, 64)).containsExactly("ok", "<too long>");
    }
}
