package dev.cascade.venues.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Reject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTapeTest {
    private final JsonTape tape = new JsonTape();

    private boolean parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return tape.parse(b, 0, b.length);
    }

    @Test
    void shouldRecordObjectMembersAsKeyValueTokens() {
        assertThat(parse("{\"e\":\"aggTrade\",\"a\":5933014,\"m\":true,\"x\":null}")).isTrue();
        assertThat(tape.count()).isEqualTo(9);
        int a = tape.member(0, Ascii.bytes("a"));
        assertThat(tape.kind(a)).isEqualTo(JsonTape.NUMBER);
        assertThat(tape.integer(a)).isEqualTo(5933014L);
        assertThat(tape.kind(tape.member(0, Ascii.bytes("m")))).isEqualTo(JsonTape.TRUE);
        assertThat(tape.kind(tape.member(0, Ascii.bytes("x")))).isEqualTo(JsonTape.NULL);
        assertThat(tape.string(tape.member(0, Ascii.bytes("e")))).isEqualTo("aggTrade");
        assertThat(tape.member(0, Ascii.bytes("missing"))).isEqualTo(-1);
    }

    @Test
    void shouldSkipNestedValuesWhenWalkingMembers() {
        assertThat(parse("{\"a\":{\"b\":[1,{\"c\":2}],\"d\":[]},\"e\":\"last\"}")).isTrue();
        int e = tape.member(0, Ascii.bytes("e"));
        assertThat(tape.string(e)).isEqualTo("last");
        int a = tape.member(0, Ascii.bytes("a"));
        int b = tape.member(a, Ascii.bytes("b"));
        int first = tape.firstElement(b);
        int second = tape.nextElement(b, first);
        assertThat(tape.integer(first)).isEqualTo(1);
        assertThat(tape.integer(tape.member(second, Ascii.bytes("c")))).isEqualTo(2);
        assertThat(tape.nextElement(b, second)).isEqualTo(-1);
        assertThat(tape.firstElement(tape.member(a, Ascii.bytes("d")))).isEqualTo(-1);
    }

    @Test
    void shouldReadNumbersFromStringsAndUnescapeAtTheEdges() {
        assertThat(parse("{\"p\":\"84551.10\",\"s\":\"a\\\"b\\u0041\"}")).isTrue();
        assertThat(tape.number(tape.member(0, Ascii.bytes("p")))).isEqualTo(84551.10);
        assertThat(tape.string(tape.member(0, Ascii.bytes("s")))).isEqualTo("a\"bA");
    }

    @Test
    void shouldTakeOneByteKeysAsTheScanWould() {
        assertThat(parse("{\"e\":1,\"\u00e9\":2}")).isTrue(); // a plain byte, and a two-byte character
        assertThat(tape.integer(tape.member(0, Ascii.bytes("e")))).isEqualTo(1);
        assertThat(tape.string(tape.firstKey(0) + 2)).isEqualTo("\u00e9");
        assertThat(parse("{\"\\\"\":1}")).as("an escaped quote is not a one-byte key's end").isTrue();
        assertThat(tape.string(tape.firstKey(0))).isEqualTo("\"");
        assertThat(parse("{\"\":1}")).as("the empty key").isTrue();
        assertThat(tape.length(tape.firstKey(0))).isZero();
        assertThat(parse("{\"\t\":1}")).isFalse();
        assertThat(tape.error()).isEqualTo(Reject.MALFORMED_JSON);
        assertThat(parse("{\"\u0001\":1}")).isFalse();
        assertThat(tape.error()).isEqualTo(Reject.BINARY_DATA);
        assertThat(parse("{\"e\"")).isFalse();
        assertThat(parse("{\"e")).isFalse();
        assertThat(parse("{\"e\"}")).isFalse();
        assertThat(parse("{\"e\" : 1 }")).isTrue();
    }

    @Test
    void shouldRejectTruncatedDocuments() {
        String full = "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"p\":\"1.5\"}}";
        for (int cut = 1; cut < full.length(); cut++) {
            assertThat(parse(full.substring(0, cut))).as(full.substring(0, cut)).isFalse();
            assertThat(tape.error()).isEqualTo(Reject.MALFORMED_JSON);
        }
        assertThat(parse(full)).isTrue();
    }

    @Test
    void shouldRejectTrailingGarbageAndBadLiterals() {
        assertThat(parse("{} {}")).isFalse();
        assertThat(parse("[NaN]")).isFalse();
        assertThat(parse("[01]")).isFalse();
        assertThat(parse("[1.]")).isFalse();
        assertThat(parse("{\"a\" 1}")).isFalse();
        assertThat(parse("{\"a\":1,}")).isFalse();
        assertThat(parse("[tru]")).isFalse();
        assertThat(parse("")).isFalse();
        assertThat(parse("   ")).isFalse();
        assertThat(tape.error()).isEqualTo(Reject.MALFORMED_JSON);
    }

    @Test
    void shouldCallControlBytesBinaryData() {
        byte[] garbage = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x12, 0x00, 0x7f};
        assertThat(tape.parse(garbage, 0, garbage.length)).isFalse();
        assertThat(tape.error()).isEqualTo(Reject.BINARY_DATA);
        assertThat(parse("{\"a\":\"x\u0001y\"}")).isFalse();
        assertThat(tape.error()).isEqualTo(Reject.BINARY_DATA);
    }

    @Test
    void shouldRejectNestingDeeperThanItsLimit() {
        assertThat(parse("[".repeat(64) + "]".repeat(64))).isTrue();
        assertThat(parse("[".repeat(65) + "]".repeat(65))).isFalse();
    }

    @Test
    void shouldParseARangeInsideALargerBuffer() {
        byte[] line = "xx{\"a\":[1,2,3]}yy".getBytes(StandardCharsets.US_ASCII);
        assertThat(tape.parse(line, 2, line.length - 4)).isTrue();
        assertThat(tape.integer(tape.nextElement(tape.member(0, Ascii.bytes("a")),
                tape.firstElement(tape.member(0, Ascii.bytes("a")))))).isEqualTo(2);
    }

    @Test
    void shouldGrowForLargeArraysAndBeReusable() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 5000; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"i\":").append(i).append('}');
        }
        assertThat(parse(sb.append(']').toString())).isTrue();
        assertThat(tape.count()).isEqualTo(1 + 5000 * 3);
        assertThat(parse("{\"k\":\"v\"}")).isTrue();
        assertThat(tape.count()).isEqualTo(3);
    }
}
