package dev.cascade.output.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The one JSON writer of Cascade's output: the command line, the API, the stream and the recordings of figures
 * all write through {@link #MAPPER}, so one section is the same bytes wherever it is read. USD are dollars with
 * two decimals; no number is ever written in exponent notation, whether it is a decimal a section computed or
 * a double put straight into a node.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .addDecorator((factory, generator) -> new PlainNumbers(generator)).build())
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {
    }

    /** The bytes of {@code node}, compact: what the API answers. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node); // not through a String: one copy of a large read-out, not two
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code node}, compact. */
    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of Cascade's own nodes always writes
        }
    }

    /** Writes doubles and floats as plain decimals (Jackson writes 1.046E5 and 1.0E-7 otherwise). */
    private static final class PlainNumbers extends JsonGeneratorDelegate {
        PlainNumbers(JsonGenerator d) {
            super(d, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                delegate.writeNumber(BigDecimal.valueOf(v));
            } else {
                delegate.writeNull(); // NaN and infinities are not JSON: a figure that cannot be known is null
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                delegate.writeNumber(new BigDecimal(Float.toString(v))); // the float's own shortest digits
            } else {
                delegate.writeNull();
            }
        }
    }
}
