package dev.cascade.venues.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The hand-written tape against Jackson as the oracle: the same documents are valid, and valid ones read
 * back to the same tree. Mutations stay in printable ASCII because the tape, unlike Jackson, does not
 * validate UTF-8 inside strings (symbols and numbers are ASCII; strings are only compared).
 */
class JsonTapeFuzzTest {
    private static final ObjectMapper JACKSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonTape tape = new JsonTape();

    @Property(tries = 400)
    void shouldReadEveryGeneratedDocumentBackAsJacksonDoes(@ForAll("documents") JsonNode document) throws Exception {
        byte[] bytes = JACKSON.writeValueAsBytes(document);
        assertThat(tape.parse(bytes, 0, bytes.length)).isTrue();
        assertThat(toNode(0)).isEqualTo(JACKSON.readTree(bytes));
    }

    @Property(tries = 2000)
    void shouldAgreeWithJacksonOnWhatIsValid(@ForAll("mutatedDocuments") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean isJacksonValid;
        try {
            JsonNode n = JACKSON.readTree(bytes);
            isJacksonValid = n != null && !n.isMissingNode();
        } catch (Exception e) {
            isJacksonValid = false;
        }
        assertThat(tape.parse(bytes, 0, bytes.length)).as(text).isEqualTo(isJacksonValid);
    }

    @Property(tries = 2000)
    void shouldNeverThrowOnArbitraryBytes(@ForAll byte[] bytes) {
        boolean ok = tape.parse(bytes, 0, bytes.length);
        assertThat(ok || tape.error() != null).isTrue();
    }

    /** Rebuilds a Jackson tree from the tape, to compare structure and values. */
    private JsonNode toNode(int t) {
        switch (tape.kind(t)) {
            case JsonTape.OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (int k = tape.firstKey(t); k >= 0; k = tape.nextKey(t, k)) {
                    o.set(tape.string(k), toNode(k + 1));
                }
                return o;
            }
            case JsonTape.ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (int e = tape.firstElement(t); e >= 0; e = tape.nextElement(t, e)) {
                    a.add(toNode(e));
                }
                return a;
            }
            case JsonTape.STRING:
                return NODES.textNode(tape.string(t));
            case JsonTape.NUMBER:
                try {
                    return JACKSON.readTree(tape.string(t));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            case JsonTape.TRUE:
                return NODES.booleanNode(true);
            case JsonTape.FALSE:
                return NODES.booleanNode(false);
            default:
                return NODES.nullNode();
        }
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        return value(4);
    }

    private Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(4).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(6), value(depth - 1))
                .ofMaxSize(4).map(m -> {
                    ObjectNode o = NODES.objectNode();
                    m.forEach(o::set);
                    return o;
                });
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(2, array), Tuple.of(2, object));
    }

    @Provide
    Arbitrary<String> mutatedDocuments() {
        Arbitrary<String> valid = documents().map(n -> {
            try {
                return JACKSON.writeValueAsString(n);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).filter(s -> s.chars().allMatch(c -> c >= 0x20 && c < 0x7f));
        Arbitrary<Character> ascii = Arbitraries.oneOf(
                Arbitraries.chars().range(' ', '~'),
                Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '\\', '-', '.', 'e', '0', '\t', '\n'));
        return valid.flatMap(s -> Arbitraries.integers().between(0, Math.max(0, s.length())).flatMap(pos ->
                ascii.flatMap(c -> Arbitraries.integers().between(0, 3).map(op -> switch (op) {
                    case 0 -> s.substring(0, pos);                                              // truncate
                    case 1 -> s.substring(0, pos) + c + s.substring(pos);                       // insert
                    case 2 -> pos < s.length() ? s.substring(0, pos) + c + s.substring(pos + 1) : s + c; // replace
                    default -> s;                                                               // unchanged
                }))));
    }
}
