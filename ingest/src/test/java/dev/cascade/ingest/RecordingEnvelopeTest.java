package dev.cascade.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.testkit.SharedFixtures;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The byte match of a recording's envelope against the general path (the whole line tokenized, the members found
 * by name): wherever it matches, it must give the general path's ts, venue bytes and frame tokens; on anything
 * unusual it must not match, so that the general path decides.
 */
class RecordingEnvelopeTest {
    private static final Path SAMPLE = Path.of("../samples/btc-drop-2025-06-05.jsonl");
    private static final String HEAD = "{\"ts\":1749130205728573,\"venue\":\"binance-usdm\",\"frame\":";
    private static final String AGG_TRADE = "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1749130205657,"
            + "\"a\":1,\"s\":\"BTCUSDT\",\"p\":\"1.0\",\"q\":\"1\",\"f\":1,\"l\":1,\"T\":1749130205653,\"m\":false}}";

    /** Checks one line; returns whether the fast path matched it. */
    private static boolean check(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        RecordingEnvelope envelope = new RecordingEnvelope();
        JsonTape fast = new JsonTape();
        boolean isMatched = envelope.match(b, 0, b.length)
                && fast.parseMemberValue(b, envelope.frameStart(), envelope.frameEnd() - envelope.frameStart());
        if (!isMatched) {
            return false;
        }
        JsonTape general = new JsonTape();
        assertThat(general.parse(b, 0, b.length)).as("the general path accepts what matched: %s", line).isTrue();
        assertThat(general.isObject(0)).isTrue();
        List<String> keys = new ArrayList<>();
        for (int k = general.firstKey(0); k >= 0; k = general.nextKey(0, k)) {
            keys.add(general.string(k));
        }
        assertThat(keys).as(line).containsExactly("ts", "venue", "frame");
        int ts = general.member(0, Ascii.bytes("ts"));
        int venue = general.member(0, Ascii.bytes("venue"));
        int frame = general.member(0, Ascii.bytes("frame"));
        assertThat(envelope.ts()).as(line).isEqualTo(general.integer(ts));
        assertThat(general.isString(venue)).isTrue();
        assertThat(envelope.venueStart()).isEqualTo(general.start(venue));
        assertThat(envelope.venueEnd()).isEqualTo(general.end(venue));
        assertThat(general.string(venue)).isEqualTo(new String(b, envelope.venueStart(),
                envelope.venueEnd() - envelope.venueStart(), StandardCharsets.UTF_8));
        // the frame's tokens: the same kinds, bytes and structure, numbered from 0 instead of from `frame`
        assertThat(fast.count()).as(line).isEqualTo(general.count() - frame);
        for (int t = 0; t < fast.count(); t++) {
            assertThat(fast.kind(t)).as("kind of token %d in %s", t, line).isEqualTo(general.kind(frame + t));
            assertThat(fast.start(t)).isEqualTo(general.start(frame + t));
            assertThat(fast.end(t)).isEqualTo(general.end(frame + t));
            assertThat(fast.next(t)).isEqualTo(general.next(frame + t) - frame);
            if (fast.isString(t)) {
                assertThat(fast.string(t)).isEqualTo(general.string(frame + t));
            }
        }
        return true;
    }

    @Test
    void shouldGiveTheGeneralPathsMembersForEveryLineOfTheSample() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE);
        long matched = lines.stream().filter(RecordingEnvelopeTest::check).count();
        long rest = lines.stream().filter(l -> l.contains("\"rest\":")).count();
        assertThat(matched).as("every line but the REST ones").isEqualTo(lines.size() - rest);
    }

    @Test
    void shouldGiveTheGeneralPathsMembersForCapturedBinanceFrames() throws IOException {
        if (!SharedFixtures.hasCaptured()) {
            return; // the shared fixtures are not checked out: the sample above still runs
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(SharedFixtures.captured())) {
            files = list.filter(p -> p.getFileName().toString().matches("binance_.*\\.jsonl")).sorted().toList();
        }
        int frames = 0;
        for (Path file : files) {
            for (String frame : Files.readAllLines(file)) {
                if (frame.isBlank()) {
                    continue;
                }
                assertThat(check(HEAD + frame + "}")).as("%s: %s", file.getFileName(), frame).isTrue();
                frames++;
            }
        }
        assertThat(frames).isPositive();
    }

    @Test
    void shouldMatchOnlyTheCompactEnvelopeAndAgreeWhereItDoes() {
        assertThat(check(HEAD + AGG_TRADE + "}")).isTrue();
        assertThat(check(HEAD + "\"pong\"}")).as("a text frame").isTrue();
        assertThat(check(HEAD + " " + AGG_TRADE + " \t}")).as("blanks around the frame").isTrue();
        assertThat(check(HEAD + "{\"a\":\"x\\\"y\\u0041\"}}")).as("escapes inside the frame").isTrue();
        assertThat(check(HEAD + "{}}")).isTrue();
        assertThat(check(HEAD + "[1,2]}")).isTrue();
        assertThat(check(HEAD + "null}")).isTrue();

        String[] fallBack = {
            HEAD + AGG_TRADE + "} ",                                                    // a blank after the end
            HEAD + AGG_TRADE,                                                           // cut short
            HEAD + AGG_TRADE.substring(0, 40) + "}",                                    // the frame cut short
            HEAD + AGG_TRADE + "}}",                                                    // one brace too many
            HEAD + AGG_TRADE + ",\"rest\":\"/x\"}",                                      // a member after the frame
            HEAD + AGG_TRADE + ",\"frame\":{}}",                                         // the frame repeated
            HEAD + "}",                                                                 // no frame value
            HEAD + "{\"a\":1,}}",                                                       // malformed frame
            "{\"ts\": 1749130205728573,\"venue\":\"binance-usdm\",\"frame\":" + AGG_TRADE + "}",   // blank after a colon
            "{ \"ts\":1749130205728573,\"venue\":\"binance-usdm\",\"frame\":" + AGG_TRADE + "}",
            "{\"ts\":1749130205728573 ,\"venue\":\"binance-usdm\",\"frame\":" + AGG_TRADE + "}",
            "{\"ts\":1749130205728573,\"venue\":\"binance-usdm\", \"frame\":" + AGG_TRADE + "}",
            "{\"venue\":\"binance-usdm\",\"ts\":1749130205728573,\"frame\":" + AGG_TRADE + "}",   // reordered
            "{\"ts\":1749130205728573,\"frame\":" + AGG_TRADE + ",\"venue\":\"binance-usdm\"}",
            "{\"ts\":1749130205728573,\"frame\":" + AGG_TRADE + "}",                    // no venue
            "{\"venue\":\"binance-usdm\",\"frame\":" + AGG_TRADE + "}",                 // no ts
            "{\"ts\":\"1749130205728573\",\"venue\":\"binance-usdm\",\"frame\":" + AGG_TRADE + "}", // quoted ts
            "{\"ts\":01749130205728573,\"venue\":\"binance-usdm\",\"frame\":" + AGG_TRADE + "}",  // a leading 0
            "{\"ts\":0,\"venue\":\"binance-usdm\",\"frame\":" + AGG_TRADE + "}",
            "{\"ts\":-1749130205728573,\"venue\":\"binance-usdm\",\"frame\":" + AGG_TRADE + "}",
            "{\"ts\":1749130205728573.5,\"venue\":\"binance-usdm\",\"frame\":" + AGG_TRADE + "}",
            "{\"ts\":1749130205728573e3,\"venue\":\"binance-usdm\",\"frame\":" + AGG_TRADE + "}",
            "{\"ts\":9999999999999999999,\"venue\":\"binance-usdm\",\"frame\":" + AGG_TRADE + "}", // 19 digits
            "{\"ts\":1749130205728573,\"venue\":\"binance\\u002dusdm\",\"frame\":" + AGG_TRADE + "}", // escaped venue
            "{\"ts\":1749130205728573,\"venue\":\"binance\tusdm\",\"frame\":" + AGG_TRADE + "}",  // control byte
            "{\"ts\":1749130205728573,\"venue\":1,\"frame\":" + AGG_TRADE + "}",
            "{\"ts\":1749130205728573,\"venue\":\"coingecko\",\"rest\":\"/api/v3/global\",\"frame\":{}}",
            "{\"ts\":1749130205728573,\"venue\":\"binance-usdm\",\"frame\"",
            "{\"ts\":1749130205728573,\"venue\":\"binance-usdm\"",
            "{\"ts\":1749130205728573,\"venue\":\"bin",
            "{\"ts\":17491302",
            "{\"ts\":",
            "{\"ts\"",
            "",
            "}",
        };
        for (String line : fallBack) {
            assertThat(check(line)).as("falls back: %s", line).isFalse();
        }
    }

    @Test
    void shouldAllowTheFrameOneLevelOfNestingLessThanAWholeLine() {
        String deepest = "[".repeat(63) + "]".repeat(63);
        String tooDeep = "[".repeat(64) + "]".repeat(64);
        assertThat(new JsonTape().parse((HEAD + deepest + "}").getBytes(StandardCharsets.UTF_8), 0,
                (HEAD + deepest + "}").length())).isTrue();
        assertThat(check(HEAD + deepest + "}")).isTrue();
        assertThat(new JsonTape().parse((HEAD + tooDeep + "}").getBytes(StandardCharsets.UTF_8), 0,
                (HEAD + tooDeep + "}").length())).as("the general path refuses it").isFalse();
        assertThat(check(HEAD + tooDeep + "}")).as("so the fast path must not take it").isFalse();
    }

    @Test
    void shouldNotReadPastTheLine() {
        byte[] b = (HEAD + AGG_TRADE + "}" + HEAD).getBytes(StandardCharsets.UTF_8);
        int end = HEAD.length() + AGG_TRADE.length() + 1;
        RecordingEnvelope envelope = new RecordingEnvelope();
        assertThat(envelope.match(b, 0, end)).isTrue();
        assertThat(envelope.frameEnd()).isEqualTo(end - 1);
        for (int cut = 0; cut < HEAD.length() + 2; cut++) {
            assertThat(envelope.match(b, 0, cut)).as("cut at %d", cut).isFalse();
        }
    }
}
